import { measureSlides } from '../browser/measure-slides.js';
import { cacheKey } from '../pipeline/pdf-cache.js';
import { notesParagraphs } from '../pptx/notes-text.js';
import { writePptx } from '../pptx/write-pptx.js';
import { printedOnly, printedSlides, type NumberedSlide } from '../render/printed-slides.js';
import type { MakeOutput } from './job.js';

/**
 * slides.pptx: one PowerPoint slide per printed slide, each block of text a shape with its lines as
 * the browser broke them, measured on the page slides.pdf is printed from (the build's print tab,
 * print-tab.ts). What overflows there overflows in both, and is reported as the PDF reports it.
 * Cached as the PDFs are.
 */
export const makeSlidesPptx: MakeOutput<'slides.pptx'> = async ({ prepared, run, need }) => {
  const deck = await need('deck');
  const { config, stacks, meta } = prepared;
  const printed = printedOnly(printedSlides(config, stacks));
  const key = cacheKey(run.printParts(prepared, 'slides.pptx', deck.printKey), []);
  const file = await run.cached('slides.pptx', key, async (warnings) => {
    const tab = deck.printTab();
    const options = config.revealOptions;
    const size = { width: Number(options['width']) || 960, height: Number(options['height']) || 700 };
    const measured = await tab.use(warnings, async (page) => {
      await tab.findings(page, warnings);
      return measureSlides(page, tab.request.allowedDir, size);
    });
    const bytes = await writePptx({
      deck: { ...size, slides: measured.slides },
      notes: printed.map((entry) => (entry.slide ? notesParagraphs(entry.slide.notes.html) : [])),
      pictures: measured.pictures,
      meta: { ...meta, lang: meta.lang || undefined },
      palette: config.theme.palette,
      link: (href) => linkTarget(href, printed),
    });
    return { bytes, pages: measured.slides.length };
  });
  run.writePdf('slides.pptx', file);
  return undefined;
};

/** A link on a slide: to the web, to another slide (`#/2/1`, `#some-id`), or nowhere the package can name. */
function linkTarget(href: string, printed: readonly NumberedSlide[]): { url: string } | { slide: number } | undefined {
  if (/^(https?|mailto):/i.test(href)) return { url: href };
  if (!href.startsWith('#')) return undefined;
  const place = /^#\/(\d+)(?:\/(\d+))?/.exec(href);
  const index = place
    ? printed.findIndex((s) => s.h === Number(place[1]) && s.v === Number(place[2] ?? 0))
    : printed.findIndex((s) => s.slide?.ids.includes(decodeURIComponent(href.slice(1))));
  return index >= 0 ? { slide: index } : undefined;
}
