import type { OutputId } from './catalogue.js';
import { makeDeck } from './deck.js';
import { makeHandoutPdf } from './handout-pdf.js';
import type { MakeOutput } from './job.js';
import { makeReportPdf } from './report-pdf.js';
import { makeReport } from './report.js';
import { makeSlidesPdf } from './slides-pdf.js';
import { makeSlidesHtml } from './slides-html.js';
import { makeSlideImages } from './slide-images.js';
import { makeSlidesPptx } from './slides-pptx.js';

/** How each output of the catalogue is made: one entry per output, checked against the catalogue. */
export const MAKERS = {
  deck: makeDeck,
  'slides.pdf': makeSlidesPdf,
  'handout.pdf': makeHandoutPdf,
  'slides.pptx': makeSlidesPptx,
  report: makeReport,
  'report.pdf': makeReportPdf,
  'slides.html': makeSlidesHtml,
  'slides-images': makeSlideImages,
} as const satisfies { readonly [N in OutputId]: MakeOutput<N> };
