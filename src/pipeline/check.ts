import { missingGlyphFindings, overflowFindings, perSlide } from '../check/overflow.js';
import { measureSlides } from '../browser/overflow.js';
import { makeDeck } from '../outputs/deck.js';
import { countSlides } from '../render/deck.js';
import { printedSlides } from '../render/printed-slides.js';
import { printedPages } from '../render/printed-pages.js';
import { prepare } from './prepare.js';
import type { BuildRequest, BuildResult } from './request.js';
import type { BuildRun } from './run.js';
import type { Diagnostic } from '../errors.js';

/**
 * `check`: the cheap checks, and unless told not to use a browser, the deck laid out as it prints
 * and measured. Nothing is written: the staged deck is discarded.
 */
export async function checkBriefing(run: BuildRun, request: BuildRequest): Promise<BuildResult> {
  const prepared = await prepare(run, request);
  const findings: Diagnostic[] = [...prepared.findings];
  if (!request.noBrowser) {
    const deck = await run.stageAsync('deck', () => makeDeck({ prepared, run, request, wanted: false, need: notMade }));
    const measured = await run.stageAsync('measure', () =>
      measureSlides(run.browser('measure the slides'), deck.printPage(), run.warnings),
    );
    const slides = printedSlides(prepared.config, prepared.stacks);
    const pages = printedPages(prepared.config, prepared.stacks);
    findings.push(
      ...overflowFindings(perSlide(measured.overflows, pages), slides),
      ...missingGlyphFindings(perSlide(measured.missingGlyphs, pages), slides),
    );
  }
  run.staging.discard();
  return run.result(countSlides(prepared.config, prepared.stacks), findings);
}

function notMade(id: string): never {
  throw new Error(`check makes no ${id}`);
}
