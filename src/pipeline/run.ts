import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { warningsAsFindings, type Finding } from '../check/lint.js';
import { DEFAULT_TIMEOUT_MS } from '../config/defaults.js';
import type { BriefConfig } from '../config/resolve.js';
import type { ResolvedAsset } from '../content/assets.js';
import { BriefError, type Warning } from '../errors.js';
import type { SlideStack, SourceLine } from '../markdown/model.js';
import { Staging } from './staging.js';
import { Browser } from '../browser/browser.js';
import { setMetadata, type PdfMetadata } from '../pdf/metadata.js';
import type { PrintRequest } from '../browser/print.js';
import { firstTitle, printedSlides } from '../render/printed-slides.js';
import type { DocumentFiles } from '../render/theme-files.js';
import { FigureCache } from '../figures/cache.js';
import { browserFor } from './early-browser.js';
import { PdfCache, type CachedPdf } from './pdf-cache.js';
import type { BuildRequest, BuildResult, WrittenFile } from './request.js';

/** Files and folders a build writes, in the order they are listed. */
const OUTPUT_ORDER = ['slides', 'slides.pdf', 'handout.pdf', 'report', 'report.pdf'];

/**
 * The state of one build: its staging folder, its one browser (launched when first needed), the
 * warnings, the outputs staged so far and the time each stage took.
 */
export class BuildRun {
  readonly staging: Staging;
  readonly warnings: Warning[] = [];
  readonly entries: string[] = [];
  readonly timeoutMs: number;
  private readonly pages = new Map<string, number>();
  /** PDFs taken from the cache, not printed. */
  readonly reused: string[] = [];
  private readonly pdfCache: PdfCache;
  /** Drawn charts and diagrams, kept across builds (written when the build succeeds). */
  readonly figureCache: FigureCache;
  /** In the order the stages started (the PDFs, printed side by side, end in any order). */
  private readonly stages: { stage: string; ms: number }[] = [];
  /** Each PDF's own warnings, added to the build's in the outputs' order once all are printed. */
  private readonly pdfWarnings = new Map<string, Warning[]>();
  private chromium: Browser | undefined;
  private readonly abort = () => void this.chromium?.dispose();

  constructor(
    private readonly request: BuildRequest,
    private readonly out: string,
  ) {
    this.timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.staging = new Staging(out);
    this.pdfCache = new PdfCache(resolve(out, '.rfc-brief-cache', 'pdf'));
    this.figureCache = new FigureCache(resolve(out, '.rfc-brief-cache', 'figures'));
    this.chromium = request.browser;
    request.signal?.addEventListener('abort', this.abort, { once: true });
  }

  browser(purpose: string): Browser {
    this.chromium ??= browserFor(this.request, purpose);
    return this.chromium;
  }

  stage<T>(name: string, work: () => T): T {
    const stage = this.begin(name);
    const result = work();
    this.end(stage);
    return result;
  }

  async stageAsync<T>(name: string, work: () => Promise<T>): Promise<T> {
    this.throwIfAborted();
    const stage = this.begin(name);
    const result = await work();
    this.throwIfAborted();
    this.end(stage);
    return result;
  }

  printRequest(folder: string, extra: Partial<PrintRequest>, stacks: readonly SlideStack[]): PrintRequest {
    return {
      htmlPath: this.staging.path(`${folder}/index.html`),
      allowedDir: this.staging.path(folder),
      timeoutMs: this.timeoutMs,
      locate: (url) => locateUrl(stacks, url),
      ...extra,
    };
  }

  stageFolder(folder: string, html: string, files: DocumentFiles, assets: readonly ResolvedAsset[]): void {
    this.staging.write(`${folder}/index.html`, html);
    for (const file of files.files) this.staging.copy(file.from, `${folder}/${file.to}`);
    for (const asset of assets) this.staging.copy(asset.from, `${folder}/${asset.to}`);
  }

  /**
   * A finished PDF (metadata set): from the cache when nothing that shapes it changed. `print`
   * gets a warnings list of this PDF's own (PDFs print side by side; each cache entry keeps the
   * warnings of its own print only).
   */
  async pdf(name: string, key: string, meta: PdfMetadata, print: (warnings: Warning[]) => Promise<Uint8Array>): Promise<CachedPdf> {
    const own: Warning[] = [];
    this.pdfWarnings.set(name, own);
    const pdf = await this.pdfCache.get(name, key, own, async () => {
      const bytes = await print(own);
      this.throwIfAborted();
      return setMetadata(bytes, meta);
    });
    if (pdf.reused) this.reused.push(name);
    return pdf;
  }

  /** The PDFs' warnings, in the outputs' order, after every PDF has been printed. */
  addPdfWarnings(): void {
    for (const name of OUTPUT_ORDER) this.warnings.push(...(this.pdfWarnings.get(name) ?? []));
    this.pdfWarnings.clear();
  }

  writePdf(name: string, pdf: CachedPdf): void {
    this.staging.write(name, pdf.bytes);
    this.pages.set(name, pdf.pages);
    this.entries.push(name);
  }

  pdfMeta(config: BriefConfig, stacks: readonly SlideStack[]): PdfMetadata {
    const { meta } = config;
    return {
      title: meta.title ?? firstTitle(printedSlides(config, stacks)) ?? 'Slides',
      author: meta.author,
      subject: meta.subtitle ?? meta.description,
      keywords: meta.keywords,
      lang: meta.lang,
    };
  }

  /** Moves the staged outputs into place, with build-report.json beside them. */
  commit(slides: number, findings: readonly Finding[]): BuildResult {
    const result = this.result(slides, findings);
    // In the order of the outputs, whichever finished printing first.
    this.entries.sort((a, b) => OUTPUT_ORDER.indexOf(a) - OUTPUT_ORDER.indexOf(b));
    const written = this.entries.map((entry) => this.describe(entry));
    const report = buildReport({ ...result, written }, (path) => path.slice(this.out.length + 1));
    this.staging.write('build-report.json', `${JSON.stringify(report, null, 2)}\n`);
    this.staging.commit([...this.entries, 'build-report.json']);
    try {
      this.pdfCache.flush();
      this.figureCache.flush();
    } catch (error) {
      // The outputs are in place; a cache that cannot be written only makes the next build slower.
      this.warnings.push({ message: `could not keep the build cache: ${(error as Error).message}` });
    }
    return { ...result, written: written.map((file) => ({ ...file, bytes: statSync(file.path).size })) };
  }

  result(slides: number, findings: readonly Finding[]): BuildResult {
    return { written: [], slides, warnings: this.warnings, findings, stages: this.stages };
  }

  throwIfAborted(): void {
    if (this.request.signal?.aborted) throw new BriefError('INTERRUPTED', 'the build was interrupted; nothing was written');
  }

  async dispose(): Promise<void> {
    this.request.signal?.removeEventListener('abort', this.abort);
    await this.chromium?.dispose();
  }

  private describe(entry: string): WrittenFile {
    const rel = entry === 'slides' || entry === 'report' ? `${entry}/index.html` : entry;
    return { path: resolve(this.out, rel), bytes: statSync(this.staging.path(rel)).size, pages: this.pages.get(entry) };
  }

  private begin(name: string): { readonly entry: { stage: string; ms: number }; readonly started: number } {
    this.request.onProgress?.({ stage: name, state: 'start' });
    const entry = { stage: name, ms: 0 };
    this.stages.push(entry);
    return { entry, started: performance.now() };
  }

  private end({ entry, started }: { readonly entry: { stage: string; ms: number }; readonly started: number }): void {
    const name = entry.stage;
    entry.ms = Math.round(performance.now() - started);
    this.request.onProgress?.({
      stage: name,
      state: 'done',
      ms: entry.ms,
      pages: this.pages.get(name),
      reused: this.reused.includes(name),
    });
  }
}

/**
 * build-report.json (and `build --json`): every file written, the time of each stage, every
 * warning with its place; paths as `showPath` gives them.
 */
export function buildReport(result: BuildResult, showPath: (path: string) => string): unknown {
  return {
    generator: 'rfc-brief',
    files: result.written.map((file) => ({
      path: showPath(file.path),
      bytes: file.bytes,
      ...(file.pages === undefined ? {} : { pages: file.pages }),
    })),
    slides: result.slides,
    stages: result.stages,
    warnings: [...warningsAsFindings(result.warnings), ...result.findings].map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.message,
      file: f.where?.file,
      line: f.where?.line,
    })),
  };
}

/** The slide that names a URL, for a message about that URL. */
function locateUrl(stacks: readonly SlideStack[], url: string): SourceLine | undefined {
  return stacks.flat().find((slide) => slide.urls.some((named) => named.includes(url)))?.source;
}
