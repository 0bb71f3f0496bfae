import { printPage } from '../browser/print.js';
import { removePrintPage } from './deck.js';
import type { MakeOutput } from './job.js';

/** slides.pdf: one page per printed slide. */
export const makeSlidesPdf: MakeOutput<'slides.pdf'> = async ({ prepared, run, wanted, need }) => {
  const deck = await need('deck');
  const pdf = await run.pdf('slides.pdf', deck.printKey, prepared.meta, async (warnings) => {
    const request = deck.printPage();
    try {
      return await printPage(run.browser('print the PDFs'), request, warnings);
    } finally {
      removePrintPage(run);
    }
  });
  if (wanted) run.writePdf('slides.pdf', pdf);
  return pdf.bytes;
};
