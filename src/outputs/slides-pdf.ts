import { type Diagnostic, warning } from '../errors.js';
import type { Page } from 'puppeteer-core';
import { printOpenPage } from '../browser/print.js';
import { printedPages, separatesFragments, type PrintedPage } from '../render/printed-pages.js';
import { openPdf } from '../pdf/pdf-editor.js';
import type { MakeOutput } from './job.js';
import { measurePrintPage } from './measure-print-page.js';
import type { PrintTab } from './print-tab.js';

/**
 * slides.pdf: one page per printed slide, or per fragment step (printed-pages.ts), printed from
 * the build's one print tab (print-tab.ts). The print page is measured as `check` measures it
 * before it prints: a slide that overflows is an error of this PDF, a character no font has a
 * warning (kept with its cache entry, so a
 * reused PDF fails the build as the first print did).
 */
export const makeSlidesPdf: MakeOutput<'slides.pdf'> = async ({ prepared, run, request: jobRequest, wanted, need }) => {
  const deck = await need('deck');
  const pages = printedPages(prepared.config, prepared.stacks);
  const pdf = await run.pdf('slides.pdf', deck.printKey, prepared.meta, async (warnings: Diagnostic[]) => {
    const print = async (page: Page, measure: () => Promise<void>) => {
      await run.stageAsync('measure', measure);
      return printOpenPage(page, request);
    };
    const request = deck.printPage();
    const fromTab = (tab: PrintTab) => tab.use(warnings, (page) => print(page, () => tab.findings(page, warnings)));
    // serve keeps the static print page open and patches the slides a save changed.
    const bytes =
      jobRequest.warmPrint && prepared.staticPrint
        ? await jobRequest.warmPrint.open(run.browser('print the PDFs'), request, warnings, (page) =>
            print(page, () => measurePrintPage(page, prepared, warnings)),
          )
        : await fromTab(deck.printTab());
    return separatesFragments(prepared.config) ? labelPages(bytes, pages, warnings) : bytes;
  });
  if (wanted) run.writePdf('slides.pdf', pdf);
  return pdf.bytes;
};

/**
 * A page per fragment step: each labelled as reveal.js numbers them ("3", "3.1", "3.2"), so that a
 * viewer's page box and the slide number on the page say the same. Labels that would not fit the
 * pages (a script changed the slides while reveal.js printed them) are left out, and said so.
 */
async function labelPages(bytes: Uint8Array, pages: readonly PrintedPage[], warnings: Diagnostic[]): Promise<Uint8Array> {
  const pdf = openPdf(bytes);
  const count = await pdf.pageCount();
  if (count !== pages.length) {
    warnings.push(
      warning(
        'page-error',
        `slides.pdf has ${count} pages where its slides have ${pages.length} fragment steps: its pages are not labelled, and the handout may show a slide at another step`,
      ),
    );
    return bytes;
  }
  await pdf.setPageLabels(pages.map((page) => page.label));
  return pdf.save();
}
