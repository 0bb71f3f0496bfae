import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readBriefing } from './read-briefing.js';
import { lintBriefing, type Finding } from '../check/lint.js';
import { overflowFindings } from '../check/overflow.js';
import { OUTPUTS, type Output } from '../config/defaults.js';
import { resolveAssets } from '../content/assets.js';
import { BriefError, type Warning } from '../errors.js';
import { drawFigures } from '../figures/draw.js';
import { renderInline } from '../markdown/marked.js';
import { sanitize } from '../markdown/sanitize.js';
import { drawDiagrams, MERMAID_VERSION } from '../browser/mermaid.js';
import { measureOverflow } from '../browser/overflow.js';
import { printPage } from '../browser/print.js';
import { placeSlides, printHandoutPages } from '../outputs/print-handout.js';
import { printReport } from '../outputs/print-report.js';
import { countSlides, renderDeck } from '../render/deck.js';
import { placeFigures } from '../render/figures.js';
import { renderHandout } from '../render/handout.js';
import { renderPrintDeck, staticPrintRefusal } from '../render/print-deck.js';
import { printedSlides } from '../render/printed-slides.js';
import { renderReport } from '../render/report.js';
import { deckFiles, fontFiles, handoutFiles, REVEAL_CSS, reportFiles } from '../render/theme-files.js';
import { browserPurpose } from './early-browser.js';
import { cacheKey } from './pdf-cache.js';
import type { BuildRequest, BuildResult } from './request.js';
import { VERSION } from '../version.js';
import { BuildRun } from './run.js';

export type { BuildRequest, BuildResult, ProgressEvent, WrittenFile } from './request.js';

/**
 * The whole build: read → draw figures → render → print, every requested output written or none.
 * With `check`, the deck is laid out and measured instead, and nothing is written.
 */
export async function build(request: BuildRequest): Promise<BuildResult> {
  const out = resolve(request.cwd, request.out);
  const run = new BuildRun(request, out);
  // The PDFs being printed (side by side, see below).
  const printed: Promise<unknown>[] = [];
  try {
    const wanted = new Set<Output>(request.check ? ['deck'] : (request.only ?? OUTPUTS));
    const printing = !request.check && request.pdf && (wanted.has('slides') || wanted.has('handout') || wanted.has('report'));
    // The browser comes up while the Markdown is read and rendered (the command line has
    // usually started it already). A rebuild may find every PDF in its cache and need none.
    const purpose = browserPurpose(request);
    if (purpose) run.browser(purpose).warmUp();
    const briefing = run.stage('read', () =>
      readBriefing(resolve(request.cwd, request.input), request.cwd, {
        theme: request.theme,
        handout: request.handout,
        paper: request.paper,
        safe: request.safe,
        allowScripts: request.allowScripts,
        slideCache: request.slideCache,
      }),
    );
    const { config } = briefing;
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
          drawDiagrams: async (blocks, palette, warnings) =>
            request.noBrowser
              ? new Map<string, string>()
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
    const findings: Finding[] = lintBriefing({ config, stacks });
    const meta = run.pdfMeta(config, stacks);

    const needSlidesPdf = printing && (wanted.has('slides') || wanted.has('handout'));
    const deck = deckFiles(config.theme);
    const assetFiles = assets.assets.map((a) => a.from);
    const forPrint = (...parts: string[]) => [VERSION, JSON.stringify(meta), String(config.allowScripts), ...parts];
    let deckKey = '';
    const staticPrint = staticPrintRefusal(config, stacks) === undefined;
    if (wanted.has('deck') || needSlidesPdf) {
      run.stage('deck', () => {
        const html = renderDeck({ config, stacks, stylesheets: deck.stylesheets });
        deckKey = cacheKey(forPrint('slides.pdf', html), [...deck.files.map((f) => f.from), ...assetFiles]);
        run.stageFolder('slides', html, deck, assets.assets);
        // What the browser opens (a build that prints or measures the slides): reveal.js's print
        // layout written out as a static page, or, for what only reveal.js can lay out, a copy
        // in which only rfc-brief's own scripts run.
        if (needSlidesPdf || request.check) {
          const printHtml = staticPrint
            ? renderPrintDeck({ config, stacks, stylesheets: deck.stylesheets, revealCss: readFileSync(REVEAL_CSS, 'utf8') })
            : renderDeck({ config, stacks, stylesheets: deck.stylesheets, printNonce: randomBytes(16).toString('base64') });
          run.staging.write('slides/.print.html', printHtml);
        }
        if (wanted.has('deck')) run.entries.push('slides');
      });
    }
    const printDeck = run.printRequest(
      'slides',
      { ...(staticPrint ? {} : { query: 'print-pdf', readyEvent: 'pdf-ready' }), htmlPath: run.staging.path('slides/.print.html') },
      stacks,
    );
    if (request.check) {
      const overflows = await run.stageAsync('measure', () => measureOverflow(run.browser('measure the slides'), printDeck, run.warnings));
      findings.push(...overflowFindings(overflows, printedSlides(config, stacks)));
      run.staging.discard();
      return run.result(countSlides(config, stacks), findings);
    }

    // The PDFs print side by side, each in a tab of the one browser: the report does not wait for
    // the slides, and the handout's own pages print while the slides do (their slides are laid
    // in once the slides PDF is there).
    // A job that fails while the code below still throws (the browser is then closed under the
    // others) is reported by that error, not as an unhandled rejection.
    const track = <T>(job: Promise<T>): Promise<T> => {
      job.catch(() => undefined);
      printed.push(job);
      return job;
    };
    let slidesPdf: Promise<Uint8Array> | undefined;
    if (needSlidesPdf) {
      slidesPdf = track(
        run.stageAsync('slides.pdf', async () => {
          const pdf = await run.pdf('slides.pdf', deckKey, meta, (warnings) =>
            printPage(run.browser('print the PDFs'), printDeck, warnings),
          );
          if (wanted.has('slides')) run.writePdf('slides.pdf', pdf);
          return pdf.bytes;
        }),
      );
    }
    if (slidesPdf && wanted.has('handout')) {
      const slides = slidesPdf;
      const files = handoutFiles();
      const handout = renderHandout({ config, stacks, layout: config.handout, stylesheets: files.stylesheets });
      run.stageFolder('.handout', handout.html, files, []);
      const key = cacheKey(
        forPrint('handout.pdf', deckKey, handout.html),
        files.files.map((f) => f.from),
      );
      const handoutMeta = { ...meta, title: `${meta.title} (handout)` };
      const print = async (warnings: Warning[]) => {
        const pages = await printHandoutPages(run.browser('print the PDFs'), run.printRequest('.handout', {}, stacks), warnings);
        return placeSlides(pages, await slides, handout.slots);
      };
      track(run.stageAsync('handout.pdf', async () => run.writePdf('handout.pdf', await run.pdf('handout.pdf', key, handoutMeta, print))));
    }
    if (wanted.has('report')) {
      const files = reportFiles(config.theme);
      const report = run.stage('report', () => {
        const rendered = renderReport({
          config,
          stacks,
          stylesheets: files.stylesheets,
          sourcesHtml: config.sources.map((source) => (request.safe ? sanitize(renderInline(source)) : renderInline(source))),
        });
        run.stageFolder('report', rendered.html, files, assets.assets);
        run.entries.push('report');
        return rendered;
      });
      if (printing) {
        track(
          run.stageAsync('report.pdf', async () => {
            const key = cacheKey(forPrint('report.pdf', report.html), [...files.files.map((f) => f.from), ...assetFiles]);
            const ids = report.headings.map((h) => h.id);
            const print = (warnings: Warning[]) =>
              printReport(run.browser('print the PDFs'), run.printRequest('report', {}, stacks), ids, warnings);
            run.writePdf('report.pdf', await run.pdf('report.pdf', key, meta, print));
          }),
        );
      }
    }
    await settleAll(printed);
    // Nothing more is printed: the browser is stopped while the files are moved into place (the
    // finally below waits for it).
    void run.dispose();
    run.addPdfWarnings();
    run.staging.remove('slides/.print.html');
    run.throwIfAborted();
    const refused = run.warnings.filter((w) => w.refused !== undefined);
    if (request.strict && refused[0]) {
      throw new BriefError(
        'REFUSED_REQUEST',
        `the content asked to load ${refused.map((w) => w.refused).join(', ')}, outside the build's own files`,
        {
          where: refused[0].where,
          hint: 'Copy what it needs into the briefing folder and refer to it by a relative path, or build without --strict.',
        },
      );
    }
    return run.commit(countSlides(config, stacks), findings);
  } catch (error) {
    // The browser is stopped first; the PDFs it was printing then end, and only after that is
    // what they staged removed.
    await run.dispose();
    await Promise.allSettled(printed);
    run.staging.discard();
    run.throwIfAborted();
    throw error;
  } finally {
    await run.dispose();
  }
}

/** Waits for every job (none is left running behind the build), then throws the first failure. */
async function settleAll(jobs: readonly Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(jobs);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
