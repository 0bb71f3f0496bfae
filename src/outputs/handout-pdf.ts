import { cacheKey } from '../pipeline/pdf-cache.js';
import { renderHandout } from '../render/handout.js';
import { printedOnly, printedSlides } from '../render/printed-slides.js';
import { printedPages, wholeSlidePages } from '../render/printed-pages.js';
import { handoutFiles } from '../render/theme-files.js';
import { usesMath, withMath } from '../render/math-files.js';
import type { MakeOutput } from './job.js';
import { placeSlides, printHandoutPages } from './print-handout.js';

/**
 * handout.pdf: its own pages (headers, notes, frames) print while the slides do; the slides PDF's
 * pages are then laid into the frames.
 */
export const makeHandoutPdf: MakeOutput<'handout.pdf'> = async ({ prepared, run, need }) => {
  const { config, stacks, meta } = prepared;
  const slides = need('slides.pdf');
  const files = withMath(handoutFiles(), usesMath(stacks));
  const handout = renderHandout({ config, stacks, layout: config.handout, stylesheets: files.stylesheets });
  run.stageFolder('.handout', handout.html, files, []);
  const deck = await need('deck');
  const key = cacheKey(
    run.printParts(prepared, 'handout.pdf', deck.printKey, handout.html),
    files.files.map((f) => f.from),
  );
  const pdf = await run.pdf('handout.pdf', key, { ...meta, title: `${meta.title} (handout)` }, async (warnings) => {
    const printed = printedOnly(printedSlides(config, stacks));
    const pages = await printHandoutPages(run.browser('print the PDFs'), run.printRequest('.handout', {}, stacks), printed, warnings);
    // Pages of continued notes put in before a slot's page move it down. A slide printed a page
    // per fragment step is shown whole: its last step.
    const whole = wholeSlidePages(printedPages(config, stacks));
    const slots = handout.slots.map((slot) => ({
      ...slot,
      page: pages.pageOf[slot.page] ?? slot.page,
      slide: whole[slot.slide] ?? slot.slide,
    }));
    return placeSlides(pages.bytes, await slides, slots);
  });
  run.writePdf('handout.pdf', pdf);
  return undefined;
};
