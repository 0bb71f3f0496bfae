import { resolve } from 'node:path';
import type { ResolvedAsset } from '../content/assets.js';
import { BriefError, failures, formatFinding, uniqueDiagnostics, type Diagnostic, warning } from '../errors.js';
import type { SlideStack, SourceLine } from '../markdown/model.js';
import { Staging } from './staging.js';
import { Browser } from '../browser/browser.js';
import { openPdf, type PdfMetadata } from '../pdf/pdf-editor.js';
import { OUTPUTS } from '../outputs/catalogue.js';
import { VERSION } from '../version.js';
import type { Prepared } from './prepare.js';
import type { PrintRequest } from '../browser/print.js';
import type { DocumentFiles } from '../render/theme-files.js';
import { FigureCache } from '../figures/cache.js';
import { browserFor } from './early-browser.js';
import { cacheDir } from './cache-dir.js';
import { CacheStore } from './cache-store.js';
import { PdfCache, type CachedPdf } from './pdf-cache.js';
import { timeoutOf, type BuildRequest, type BuildResult, type WrittenFile } from './request.js';
import { buildReport, entryBytes } from './build-report.js';
import { plural } from '../words.js';

/**
 * The state of one build: its staging folder, its one browser (launched when first needed), the
 * warnings, the outputs staged so far and the time each stage took.
 */
export class BuildRun implements AsyncDisposable {
  readonly staging: Staging;
  readonly warnings: Diagnostic[] = [];
  /** How long each page may take: set again by countSlides, for a large deck (timeoutOf). */
  timeoutMs: number;
  private readonly pages = new Map<string, number>();
  /** PDFs taken from the cache, not printed. */
  readonly reused: string[] = [];
  private readonly pdfCache: PdfCache;
  /** Drawn charts and diagrams, kept across builds (written when the build succeeds). */
  readonly figureCache: FigureCache;
  /**
   * In the order the stages started (the PDFs, printed side by side, end in any order); `at` is
   * when each started, in ms since the process did, so that the stages' overlap can be read.
   */
  private readonly stages: { stage: string; at: number; ms: number }[] = [];
  /** Each PDF's own warnings, added to the build's in the outputs' order once all are printed. */
  private readonly pdfWarnings = new Map<string, Diagnostic[]>();
  private chromium: Browser | undefined;
  /** What is undone once every output is made (a tab they shared, a page they were made from). */
  private readonly ends: (() => void)[] = [];
  private readonly abort = () => void this.dispose();

  constructor(
    private readonly request: BuildRequest,
    readonly outDir: string,
  ) {
    this.timeoutMs = timeoutOf(request);
    this.staging = new Staging(outDir);
    const store = new CacheStore(cacheDir(request.env ?? process.env, request.cache !== false));
    this.pdfCache = new PdfCache(store);
    this.figureCache = new FigureCache(store);
    this.chromium = request.browser;
    request.signal?.addEventListener('abort', this.abort, { once: true });
  }

  browser(purpose: string): Browser {
    this.chromium ??= browserFor(this.request, purpose);
    return this.chromium;
  }

  /** `end` runs once every output is made or has failed, before anything is moved into place. */
  atEnd(end: () => void): void {
    this.ends.push(end);
  }

  /** Every output is made (or failed): what they shared is closed and removed. */
  endOutputs(): void {
    for (const end of this.ends.splice(0)) end();
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
      allowScripts: this.request.allowScripts === true,
      ...extra,
    };
  }

  /** What shapes every printed page besides the page itself: a part of each PDF's cache key. */
  printParts(prepared: Prepared, ...parts: string[]): string[] {
    // The cache is shared by every briefing and output folder: the browser asked for is part of it.
    const env = this.request.env ?? process.env;
    const browser = this.request.browserPath ?? env['CHROME_PATH'] ?? env['PUPPETEER_EXECUTABLE_PATH'] ?? '';
    return [VERSION, browser, JSON.stringify(prepared.meta), String(prepared.config.allowScripts), ...parts];
  }

  stageFolder(folder: string, html: string, files: DocumentFiles, assets: readonly ResolvedAsset[]): void {
    this.staging.write(`${folder}/index.html`, html);
    // The content's own files (assets, a theme stylesheet it names) are checked again as opened.
    for (const file of files.files)
      if (file.text === undefined) this.staging.copy(file.from, `${folder}/${file.to}`, file.root);
      else this.staging.write(`${folder}/${file.to}`, file.text);
    for (const asset of assets) this.staging.copy(asset.from, `${folder}/${asset.to}`, asset.root);
  }

  /**
   * A finished PDF (metadata set): from the cache when nothing that shapes it changed. `print`
   * gets a warnings list of this PDF's own (PDFs print side by side; each cache entry keeps the
   * warnings of its own print only).
   */
  async pdf(name: string, key: string, meta: PdfMetadata, print: (warnings: Diagnostic[]) => Promise<Uint8Array>): Promise<CachedPdf> {
    return this.cached(name, key, async (own) => {
      const bytes = await print(own);
      this.throwIfAborted();
      const pdf = openPdf(bytes);
      await pdf.setMetadata(meta);
      return { bytes: await pdf.save(), pages: await pdf.pageCount() };
    });
  }

  /** Any printed output (a PDF, slides.pptx): from the cache when nothing that shapes it changed, with the warnings of its own making. */
  async cached(name: string, key: string, make: (warnings: Diagnostic[]) => Promise<CachedPdf>): Promise<CachedPdf> {
    const own: Diagnostic[] = [];
    this.pdfWarnings.set(name, own);
    const file = await this.pdfCache.get(name, key, own, async () => {
      const made = await make(own);
      this.throwIfAborted();
      return made;
    });
    if (file.reused) this.reused.push(name);
    return file;
  }

  /** An output that is a folder of files; `pages`: what the listing counts (a slide a file). */
  writeFolder(entry: string, files: readonly { readonly name: string; readonly bytes: Uint8Array }[], pages: number): void {
    for (const file of files) this.staging.write(`${entry}/${file.name}`, file.bytes);
    this.pages.set(entry, pages);
  }

  writePdf(name: string, pdf: CachedPdf): void {
    this.staging.write(name, pdf.bytes);
    this.pages.set(name, pdf.pages);
  }

  /**
   * Once every output is made: the PDFs' warnings join the build's, in the outputs' order
   * (whichever finished printing first), and what fails the build (every error, and under
   * --strict every warning) stops it before anything is written, unless it is forced.
   */
  failOnFindings(findings: readonly Diagnostic[]): void {
    // Outputs printed from the same page (slides.pdf, the slide images) report what it holds once.
    this.warnings.push(...uniqueDiagnostics(OUTPUTS.flatMap(({ id }) => this.pdfWarnings.get(id) ?? [])));
    this.pdfWarnings.clear();
    if (this.request.force) return;
    const all = [...this.warnings, ...findings];
    const failed = failures(all, this.request.strict);
    if (failed.length === 0) return;
    throw new BriefError('CHECK_FAILED', failedMessage(failed, uniqueDiagnostics(all)), {
      hint: 'Fix them and build again (rfc-brief check finds the same), or pass --force to write the outputs anyway (the build still exits 1).',
    });
  }

  /** Moves the staged entries (in the outputs' order) into place, with build-report.json beside them. */
  commit(entries: readonly string[], slides: number, findings: readonly Diagnostic[]): BuildResult {
    const result = this.result(slides, findings);
    const written = entries.map((entry) => this.describe(entry));
    const report = buildReport({ ...result, written }, (path) => path.slice(this.outDir.length + 1));
    this.staging.write('build-report.json', `${JSON.stringify(report, null, 2)}\n`);
    const removed = this.staging.commit([...entries, 'build-report.json']);
    // Each on its own: one that cannot be written must not cost the other its entries.
    for (const cache of [this.pdfCache, this.figureCache]) {
      try {
        cache.flush();
      } catch (error) {
        // The outputs are in place; a cache that cannot be written only makes the next build slower.
        this.warnings.push(warning('cache', `could not keep the build cache: ${(error as Error).message}`));
      }
    }
    return { ...result, written: written.map((file) => ({ ...file, bytes: entryBytes(file.path) })), removed };
  }

  result(slides: number, findings: readonly Diagnostic[]): BuildResult {
    return { written: [], slides, warnings: this.warnings, findings, stages: this.stages };
  }

  throwIfAborted(): void {
    if (this.request.signal?.aborted) throw new BriefError('INTERRUPTED', 'the build was interrupted; nothing was written');
  }

  /** Stops the browser (safe to call again). */
  async dispose(): Promise<void> {
    this.request.signal?.removeEventListener('abort', this.abort);
    if (this.chromium !== this.request.browser || !this.request.browserLent) await this.chromium?.dispose();
  }

  /**
   * The end of the build, however it ended: the browser stopped first (whatever it was still
   * printing then ends), then whatever is still staged removed (nothing after a commit).
   */
  async [Symbol.asyncDispose](): Promise<void> {
    await Promise.all([this.dispose(), this.staging.removing]);
    this.staging.discard();
  }

  private describe(entry: string): WrittenFile {
    const rel = OUTPUTS.find((output) => output.entry === entry)?.file ?? entry;
    return { path: resolve(this.outDir, rel), bytes: entryBytes(this.staging.path(rel)), pages: this.pages.get(entry) };
  }

  private begin(name: string): { readonly entry: { stage: string; at: number; ms: number }; readonly started: number } {
    this.request.onProgress?.({ stage: name, state: 'start' });
    const started = performance.now();
    const entry = { stage: name, at: Math.round(started), ms: 0 };
    this.stages.push(entry);
    return { entry, started };
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

/** The slide that names a URL, for a message about that URL. */
function locateUrl(stacks: readonly SlideStack[], url: string): SourceLine | undefined {
  return stacks.flat().find((slide) => slide.urls.some((named) => named.includes(url)))?.source;
}

/** What failed the build, each with the line `check` prints for it (file:line first), then the rest. */
function failedMessage(failed: readonly Diagnostic[], all: readonly Diagnostic[]): string {
  const errors = failed.filter((d) => d.severity === 'error').length;
  const warnings = failed.length - errors;
  const counted = [errors ? plural(errors, 'error') : '', warnings ? `${plural(warnings, 'warning')} (--strict)` : '']
    .filter(Boolean)
    .join(' and ');
  const rest = all.filter((d) => !failed.includes(d));
  const lines = [...byPlace(failed), ...byPlace(rest)].map((d) => `  ${formatFinding(d)}`);
  return `the build found ${counted}, so nothing was written:\n${lines.join('\n')}`;
}

function byPlace(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.where?.file ?? '').localeCompare(b.where?.file ?? '') || (a.where?.line ?? 0) - (b.where?.line ?? 0),
  );
}
