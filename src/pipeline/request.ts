import { DEFAULT_TIMEOUT_MS, TIMEOUT_SLIDES } from '../config/defaults.js';
import type { Selectable } from '../outputs/catalogue.js';
import type { Diagnostic } from '../errors.js';
import type { Browser } from '../browser/browser.js';
import type { SlideCache } from '../markdown/parse.js';
import type { ContentsMemory } from '../outputs/print-report.js';
import type { WarmPrint } from '../outputs/warm-print.js';
import type { DeckParts } from '../render/deck.js';

export interface BuildRequest {
  readonly input: string;
  readonly out: string;
  readonly cwd: string;
  /** false: HTML only (deck and report), no browser for printing. */
  readonly pdf: boolean;
  /** Outputs to write; all when not given. */
  readonly only?: readonly Selectable[] | undefined;
  readonly theme?: string | undefined;
  readonly handout?: string | undefined;
  readonly paper?: string | undefined;
  /** One page per fragment step in slides.pdf, as reveal.js's pdfSeparateFragments prints them. */
  readonly pdfSeparateFragments?: boolean | undefined;
  /** The slide images' format and scale (--image-format, --image-scale). */
  readonly imageFormat?: string | undefined;
  readonly imageScale?: string | number | undefined;
  readonly browserPath?: string | undefined;
  readonly timeoutMs?: number | undefined;
  /** Sanitise raw HTML in the content (a briefing from someone else). */
  readonly safe?: boolean | undefined;
  /** Let scripts written in the content run while printing. */
  readonly allowScripts?: boolean | undefined;
  /** Warnings fail the build too (a request the pages make outside the build's own files among them). */
  readonly strict?: boolean | undefined;
  /** Write the outputs even when errors (or, with strict, warnings) fail the build. */
  readonly force?: boolean | undefined;
  /** `check`: lay the deck out in the browser and measure it; write nothing. */
  readonly check?: boolean | undefined;
  /** Never start a browser: diagrams that are not cached are left out (check --no-browser). */
  readonly noBrowser?: boolean | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * `serve`: the deck and report load the live-reload client and carry the policy that lets it
   * connect back (never for what is printed).
   */
  readonly live?: boolean | undefined;
  /** false: keep nothing between builds and reuse nothing (`--no-cache`). */
  readonly cache?: boolean | undefined;
  /** Slides parsed by earlier builds of the same briefing (serve rebuilds only what changed). */
  readonly slideCache?: SlideCache | undefined;
  /** serve: where the report's headings landed in its last print (one print, not two, while they hold). */
  readonly reportContents?: ContentsMemory | undefined;
  /** serve: the slides' print page kept open between PDFs, the slides a save changed patched in. */
  readonly warmPrint?: WarmPrint | undefined;
  /** serve: the process that draws charts stays up between builds (vega is loaded once); a build ends it once its figures are drawn. */
  readonly keepChartProcess?: boolean | undefined;
  /** serve: the deck as soon as it is rendered, before anything is written (it patches open pages). */
  readonly onDeck?: ((deck: RenderedDeck) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  /**
   * A browser already starting (the command line starts it before loading the rest of the
   * build, see early-browser.ts). The build owns it from then on and closes it.
   */
  readonly browser?: Browser | undefined;
  /** The browser is lent (serve keeps one warm for every PDF it is asked for): left running. */
  readonly browserLent?: boolean | undefined;
  /** Told when each stage starts and ends (progress on a terminal). */
  readonly onProgress?: ((event: ProgressEvent) => void) | undefined;
}

export interface RenderedDeck {
  readonly parts: DeckParts;
  /** Where the deck's assets go, relative to slides/. */
  readonly assets: readonly string[];
  /** The deck loads scripts of its own (reveal-md's `scripts`), which may change slides as they start. */
  readonly ownScripts: boolean;
}

/**
 * The one place the timeout's default is applied: the person's --timeout, else 60 s, and for a
 * deck of more than TIMEOUT_SLIDES printed slides that times the square of how many more.
 */
export function timeoutOf(request: Pick<BuildRequest, 'timeoutMs'>, slides = 0): number {
  if (request.timeoutMs !== undefined) return request.timeoutMs;
  const scale = Math.max(1, slides / TIMEOUT_SLIDES);
  return Math.round(DEFAULT_TIMEOUT_MS * scale * scale);
}

export interface ProgressEvent {
  readonly stage: string;
  readonly state: 'start' | 'done';
  /** Milliseconds the stage took, when done. */
  readonly ms?: number | undefined;
  /** Pages printed, when the stage printed a PDF. */
  readonly pages?: number | undefined;
  /** The PDF was taken from the cache: nothing that shapes it changed. */
  readonly reused?: boolean | undefined;
}

export interface WrittenFile {
  readonly path: string;
  readonly bytes: number;
  readonly pages?: number | undefined;
}

export interface BuildResult {
  readonly written: readonly WrittenFile[];
  /**
   * Outputs of an earlier build this one did not make (--only, --no-pdf), taken out of the output
   * folder so that it holds exactly what this build wrote.
   */
  readonly removed?: readonly string[] | undefined;
  readonly slides: number;
  readonly warnings: readonly Diagnostic[];
  /** What `check` reports: the cheap checks always, overflow when the deck was measured. */
  readonly findings: readonly Diagnostic[];
  readonly stages: readonly { readonly stage: string; readonly at: number; readonly ms: number }[];
}
