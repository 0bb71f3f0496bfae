import { resolve } from 'node:path';
import { lintBriefing } from '../check/lint.js';
import type { BriefConfig } from '../config/resolve.js';
import { resolveAssets, type ResolvedAsset } from '../content/assets.js';
import { drawFigures } from '../figures/draw.js';
import { stopChartProcess } from '../figures/bounded-chart.js';
import type { SlideStack } from '../markdown/model.js';
import { drawDiagrams, MERMAID_VERSION, parseDiagrams } from '../browser/mermaid.js';
import type { PdfMetadata } from '../pdf/pdf-editor.js';
import { countSlides } from '../render/deck.js';
import { placeFigures } from '../render/figures.js';
import { staticPrintRefusal } from '../render/print-deck.js';
import { fontFiles } from '../render/theme-files.js';
import { firstTitle, printedSlides } from '../render/printed-slides.js';
import { VERSION } from '../version.js';
import { readBriefing } from './read-briefing.js';
import { timeoutOf, type BuildRequest } from './request.js';
import type { BuildRun } from './run.js';
import type { Diagnostic } from '../errors.js';

/** Everything every output is made from: the briefing read, its figures drawn, the cheap checks run. */
export interface Prepared {
  readonly config: BriefConfig;
  /** The slides with their figures in place. */
  readonly stacks: readonly SlideStack[];
  readonly assets: readonly ResolvedAsset[];
  readonly findings: readonly Diagnostic[];
  readonly meta: PdfMetadata;
  /** The slides print from the static page (else through reveal.js's own print layout). */
  readonly staticPrint: boolean;
}

export async function prepare(run: BuildRun, request: BuildRequest): Promise<Prepared> {
  const briefing = run.stage('read', () =>
    // The request carries the settings the person gave (theme, handout, paper, safe, ...) as
    // readBriefing takes them: passed on whole, not copied field by field.
    readBriefing(resolve(request.cwd, request.input), request.cwd, request),
  );
  const { config } = briefing;
  run.timeoutMs = timeoutOf(request, countSlides(config, briefing.stacks));
  run.warnings.push(...briefing.warnings);
  const assets = resolveAssets(
    briefing.loaded.root,
    briefing.stacks.flatMap((stack) => stack.flatMap((slide) => slide.assets)),
  );
  run.warnings.push(...assets.warnings);
  const figures = await run.stageAsync('figures', () =>
    drawFigures(
      briefing.figures,
      {
        root: briefing.loaded.root,
        theme: config.theme,
        cache: run.figureCache,
        diagramEngine: `mermaid ${MERMAID_VERSION}, rfc-brief ${VERSION}`,
        // A build has no more use for the chart process (80 MB) once its charts are drawn; serve keeps it.
        chartsDrawn: request.keepChartProcess ? undefined : stopChartProcess,
        drawDiagrams: async (blocks, palette, warnings) =>
          request.noBrowser
            ? parseDiagrams(blocks, warnings).then(() => new Map<string, string>())
            : drawDiagrams(
                run.browser('draw the mermaid diagrams'),
                blocks,
                palette,
                run.staging.path('.figures'),
                run.timeoutMs,
                fontFiles(),
                warnings,
              ),
      },
      run.warnings,
    ),
  );
  const stacks = placeFigures(briefing.stacks, figures.screen, figures.paper);
  return {
    config,
    stacks,
    assets: assets.assets,
    findings: lintBriefing({ config, stacks }),
    meta: pdfMeta(config, stacks),
    staticPrint: staticPrintRefusal(config, stacks) === undefined,
  };
}

function pdfMeta(config: BriefConfig, stacks: readonly SlideStack[]): PdfMetadata {
  const { meta } = config;
  return {
    title: meta.title ?? firstTitle(printedSlides(config, stacks)) ?? 'Slides',
    author: meta.author,
    subject: meta.subtitle ?? meta.description,
    keywords: meta.keywords,
    lang: meta.lang,
  };
}
