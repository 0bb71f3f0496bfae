import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer';
import { DEFAULT_TIMEOUT_MS, OUTPUTS, type Output } from './config/defaults.js';
import { resolveAssets, type ResolvedAsset } from './content/assets.js';
import { BriefError, type Warning } from './errors.js';
import { renderInline } from './markdown/marked.js';
import { Staging } from './output.js';
import { Browser } from './pdf/browser.js';
import { findBrowser } from './pdf/find-browser.js';
import { setMetadata, type PdfMetadata } from './pdf/metadata.js';
import { printPage, type PrintRequest } from './pdf/print.js';
import { printHandout } from './pdf/print-handout.js';
import { printReport } from './pdf/print-report.js';
import { countSlides, renderDeck } from './render/deck.js';
import { renderHandout } from './render/handout.js';
import { renderReport } from './render/report.js';
import { deckFiles, fontFiles, handoutFiles, reportFiles, type DocumentFiles } from './render/theme-files.js';
import { readBriefing } from './briefing.js';
import type { BriefConfig } from './config/resolve.js';
import { FigureCache } from './figures/cache.js';
import { drawFigures } from './figures/draw.js';
import type { SlideStack } from './markdown/model.js';
import { drawDiagrams, MERMAID_VERSION } from './pdf/mermaid.js';
import { placeFigures } from './render/figures.js';

export { readBriefing, type Briefing } from './briefing.js';

export interface BuildRequest {
  readonly input: string;
  readonly out: string;
  readonly cwd: string;
  /** false: HTML only (deck and report), no browser. */
  readonly pdf: boolean;
  /** Outputs to write; all when not given. */
  readonly only?: readonly Output[] | undefined;
  readonly theme?: string | undefined;
  readonly handout?: string | undefined;
  readonly paper?: string | undefined;
  readonly browserPath?: string | undefined;
  readonly timeoutMs?: number | undefined;
  /** Sanitise raw HTML in the content (a briefing from someone else). */
  readonly safe?: boolean | undefined;
  /** Let scripts written in the content run while printing. */
  readonly allowScripts?: boolean | undefined;
  /** A request the pages make outside the build's own files fails the build. */
  readonly strict?: boolean | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly signal?: AbortSignal | undefined;
}

export interface WrittenFile {
  readonly path: string;
  readonly bytes: number;
  readonly pages?: number | undefined;
}

export interface BuildResult {
  readonly written: readonly WrittenFile[];
  readonly slides: number;
  readonly warnings: readonly Warning[];
}

/** The whole build: every requested output is written, or none is. */
export async function build(request: BuildRequest): Promise<BuildResult> {
  const out = resolve(request.cwd, request.out);
  const briefing = readBriefing(resolve(request.cwd, request.input), request.cwd, {
    theme: request.theme,
    handout: request.handout,
    paper: request.paper,
    safe: request.safe,
    allowScripts: request.allowScripts,
  });
  const warnings = [...briefing.warnings];
  const { config } = briefing;
  const wanted = new Set<Output>(request.only ?? OUTPUTS);
  const printing = request.pdf && (wanted.has('slides') || wanted.has('handout') || wanted.has('report'));
  const assets = resolveAssets(
    briefing.loaded.root,
    briefing.stacks.flatMap((stack) => stack.flatMap((slide) => slide.assets)),
  );
  warnings.push(...assets.warnings);

  const staging = new Staging(out);
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // One browser per build, launched only when something needs it (a PDF, an uncached diagram).
  let browser: Browser | undefined;
  const useBrowser = (purpose: string): Browser => {
    browser ??= new Browser(
      findBrowser({
        browserPath: request.browserPath,
        env: request.env ?? process.env,
        puppeteerPath: () => puppeteer.executablePath(),
        platform: process.platform,
        purpose,
      }),
      timeoutMs,
    );
    return browser;
  };
  if (printing) useBrowser('print the PDFs');
  const abort = () => void browser?.dispose();
  request.signal?.addEventListener('abort', abort, { once: true });
  try {
    const figures = await drawFigures(
      briefing.figures,
      {
        root: briefing.loaded.root,
        theme: config.theme,
        cache: new FigureCache(join(out, '.rfc-brief-cache', 'figures')),
        diagramEngine: `mermaid ${MERMAID_VERSION}`,
        drawDiagrams: (blocks, palette) =>
          drawDiagrams(useBrowser('draw the mermaid diagrams'), blocks, palette, staging.path('.figures'), timeoutMs, fontFiles()),
      },
      warnings,
    );
    const stacks = placeFigures(briefing.stacks, figures.screen, figures.paper);
    const entries: string[] = [];
    const pages = new Map<string, number>();
    const print = (folder: string, extra: Partial<PrintRequest> = {}): PrintRequest => ({
      htmlPath: staging.path(`${folder}/index.html`),
      allowedDir: staging.path(folder),
      timeoutMs,
      locate: (url) => locateUrl(stacks, url),
      ...extra,
    });
    const save = async (name: string, bytes: Uint8Array, meta: PdfMetadata) => {
      throwIfAborted(request.signal);
      const final = await setMetadata(bytes, meta);
      staging.write(name, final.bytes);
      pages.set(name, final.pages);
      entries.push(name);
    };
    const meta = pdfMeta(config, stacks);

    const needSlidesPdf = printing && (wanted.has('slides') || wanted.has('handout'));
    if (wanted.has('deck') || needSlidesPdf) {
      const deck = deckFiles(config.theme);
      stage(staging, 'slides', renderDeck({ config, stacks, stylesheets: deck.stylesheets }), deck, assets.assets);
      if (wanted.has('deck')) entries.push('slides');
    }
    let slidesPdf: Uint8Array | undefined;
    if (needSlidesPdf) {
      // The browser prints a copy in which only rfc-brief's own scripts may run.
      const nonce = randomBytes(16).toString('base64');
      staging.write(
        'slides/.print.html',
        renderDeck({ config, stacks, stylesheets: deckFiles(config.theme).stylesheets, printNonce: nonce }),
      );
      slidesPdf = await printPage(
        useBrowser('print the PDFs'),
        { ...print('slides', { query: 'print-pdf', readyEvent: 'pdf-ready' }), htmlPath: staging.path('slides/.print.html') },
        warnings,
      );
      staging.remove('slides/.print.html');
      if (wanted.has('slides')) await save('slides.pdf', slidesPdf, meta);
    }
    if (slidesPdf && wanted.has('handout')) {
      const files = handoutFiles();
      const handout = renderHandout({ config, stacks, layout: config.handout, stylesheets: files.stylesheets });
      stage(staging, '.handout', handout.html, files, []);
      const bytes = await printHandout(useBrowser('print the PDFs'), print('.handout'), handout.slots, slidesPdf, warnings);
      await save('handout.pdf', bytes, { ...meta, title: `${meta.title} (handout)` });
    }
    if (wanted.has('report')) {
      const files = reportFiles(config.theme);
      const report = renderReport({ config, stacks, stylesheets: files.stylesheets, sourcesHtml: config.sources.map(renderInline) });
      stage(staging, 'report', report.html, files, assets.assets);
      entries.push('report');
      if (printing) {
        const bytes = await printReport(
          useBrowser('print the PDFs'),
          print('report'),
          report.headings.map((h) => h.id),
          warnings,
        );
        await save('report.pdf', bytes, meta);
      }
    }
    throwIfAborted(request.signal);
    const refused = warnings.filter((w) => w.refused !== undefined);
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
    staging.commit(entries);
    const written = entries.map((entry) =>
      describe(resolve(out, entry === 'slides' || entry === 'report' ? `${entry}/index.html` : entry), pages.get(entry)),
    );
    return { written, slides: countSlides(config, stacks), warnings };
  } catch (error) {
    staging.discard();
    throwIfAborted(request.signal);
    throw error;
  } finally {
    request.signal?.removeEventListener('abort', abort);
    await browser?.dispose();
  }
}

/** The slide whose HTML names a URL, for a message about that URL. */
function locateUrl(stacks: readonly SlideStack[], url: string): { file: string; line: number } | undefined {
  for (const slide of stacks.flat()) {
    const texts = [slide.html, slide.reportHtml, slide.notesHtml, slide.reportNotesHtml, ...Object.values(slide.attributes)];
    if (texts.some((text) => text.includes(url))) return { file: slide.file, line: slide.line };
  }
  return undefined;
}

function stage(staging: Staging, folder: string, html: string, files: DocumentFiles, assets: readonly ResolvedAsset[]): void {
  staging.write(`${folder}/index.html`, html);
  for (const file of files.files) staging.copy(file.from, `${folder}/${file.to}`);
  for (const asset of assets) staging.copy(asset.from, `${folder}/${asset.to}`);
}

function pdfMeta(config: BriefConfig, stacks: readonly SlideStack[]): PdfMetadata {
  const { meta } = config;
  return {
    title: meta.title ?? stacks[0]?.[0]?.title ?? 'Slides',
    author: meta.author,
    subject: meta.subtitle ?? meta.description,
    keywords: meta.keywords,
    lang: meta.lang,
  };
}

function describe(path: string, pages: number | undefined): WrittenFile {
  return { path, bytes: statSync(path).size, pages };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BriefError('INTERRUPTED', 'the build was interrupted; nothing was written');
}
