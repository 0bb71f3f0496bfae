import type { Diagnostic } from '../errors.js';
import { openForPrint, printOpenPage } from '../browser/print.js';
import { removePrintPage } from './deck.js';
import type { MakeOutput } from './job.js';
import { measurePrintPage } from './measure-print-page.js';

/**
 * slides.pdf: one page per printed slide. The print page is measured as `check` measures it
 * before it prints: a slide that overflows is an error of this PDF, a character no font has a
 * warning (kept with its cache entry, so a
 * reused PDF fails the build as the first print did).
 */
export const makeSlidesPdf: MakeOutput<'slides.pdf'> = async ({ prepared, run, wanted, need }) => {
  const deck = await need('deck');
  const pdf = await run.pdf('slides.pdf', deck.printKey, prepared.meta, async (warnings: Diagnostic[]) => {
    const request = deck.printPage();
    try {
      return await run.browser('print the PDFs').withPage(async (page) => {
        await openForPrint(page, request, warnings);
        await run.stageAsync('measure', () => measurePrintPage(page, prepared, warnings));
        return printOpenPage(page, request);
      });
    } finally {
      removePrintPage(run);
    }
  });
  if (wanted) run.writePdf('slides.pdf', pdf);
  return pdf.bytes;
};
