import type { PrintRequest } from '../browser/print.js';
import type { Prepared } from '../pipeline/prepare.js';
import type { BuildRequest } from '../pipeline/request.js';
import type { BuildRun } from '../pipeline/run.js';
import type { RenderedReport } from '../render/report.js';
import type { OutputId } from './catalogue.js';
import type { PrintTab } from './print-tab.js';

/** What each output hands to the outputs made from it. */
export interface Products {
  readonly deck: {
    /** The cache key of the slides PDF: everything that shapes its pages. */
    readonly printKey: string;
    /** The page the slides are printed (or measured) from, written when first asked for. */
    readonly printPage: () => PrintRequest;
    /** That page loaded in one tab, lent in turn to each output made from it (print-tab.ts). */
    readonly printTab: () => PrintTab;
  };
  readonly 'slides.pdf': Uint8Array;
  readonly 'handout.pdf': undefined;
  readonly 'slides.pptx': undefined;
  readonly report: RenderedReport;
  readonly 'report.pdf': undefined;
  readonly 'slides.html': undefined;
  readonly 'slides-images': undefined;
}

/** One output being made: the briefing, the build's state, and the outputs it is made from. */
export interface OutputJob {
  readonly prepared: Prepared;
  readonly run: BuildRun;
  readonly request: BuildRequest;
  /** Written into the output folder (else only made for another output). */
  readonly wanted: boolean;
  need<N extends OutputId>(id: N): Promise<Products[N]>;
}

export type MakeOutput<N extends OutputId> = (job: OutputJob) => Promise<Products[N]>;
