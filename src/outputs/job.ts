import type { PrintRequest } from '../browser/print.js';
import type { Prepared } from '../pipeline/prepare.js';
import type { BuildRequest } from '../pipeline/request.js';
import type { BuildRun } from '../pipeline/run.js';
import type { RenderedReport } from '../render/report.js';
import type { OutputId } from './catalogue.js';

/** What each output hands to the outputs made from it. */
export interface Products {
  readonly deck: {
    /** The cache key of the slides PDF: everything that shapes its pages. */
    readonly printKey: string;
    /**
     * Opens the page the slides are printed (or measured) from, writing it first; an output other
     * than slides.pdf names itself, and gets a copy of its own (removePrintPage(run, output)).
     */
    readonly printPage: (output?: string) => PrintRequest;
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
