import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer';
import { resolveConfig, type BriefConfig, type SettingsLayer } from './config/resolve.js';
import { DEFAULT_TIMEOUT_MS } from './config/defaults.js';
import { resolveAssets } from './content/assets.js';
import { loadBriefing, type LoadedBriefing } from './content/load.js';
import { BriefError, type Warning } from './errors.js';
import { readFrontMatter } from './markdown/front-matter.js';
import type { SlideStack, SourceFile } from './markdown/model.js';
import { parseSlides } from './markdown/parse.js';
import { Staging } from './output.js';
import { Browser } from './pdf/browser.js';
import { findBrowser } from './pdf/find-browser.js';
import { setMetadata } from './pdf/metadata.js';
import { printPage } from './pdf/print.js';
import { countSlides, renderDeck } from './render/deck.js';
import { deckFiles } from './render/deck-files.js';

export interface BuildRequest {
  readonly input: string;
  readonly out: string;
  readonly cwd: string;
  readonly pdf: boolean;
  readonly theme?: string | undefined;
  readonly browserPath?: string | undefined;
  readonly timeoutMs?: number | undefined;
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

export interface Briefing {
  readonly loaded: LoadedBriefing;
  readonly config: BriefConfig;
  readonly stacks: readonly SlideStack[];
  readonly warnings: readonly Warning[];
}

/** load → front matter → config → slides: everything short of rendering, no browser. */
export function readBriefing(input: string, cwd: string, theme: string | undefined): Briefing {
  const loaded = loadBriefing(input, cwd);
  const warnings: Warning[] = [];
  const sources: SourceFile[] = [];
  const layers: SettingsLayer[] = [];
  loaded.files.forEach((file, index) => {
    const fm = readFrontMatter(file.text, file.display);
    warnings.push(...fm.warnings);
    if (index === 0) layers.push({ data: fm.data, file: file.display, keyLines: fm.keyLines, warnUnknown: true });
    else if (Object.keys(fm.data).length > 0) {
      warnings.push({
        message: 'front matter is read only from the first file; this one is ignored',
        where: { file: file.display, line: 1 },
      });
    }
    sources.push({ path: file.display, text: fm.body, firstLine: fm.bodyLine });
  });
  if (loaded.revealMdJson)
    layers.push({ data: loaded.revealMdJson.data, file: loaded.revealMdJson.path, keyLines: {}, warnUnknown: false });
  const resolved = resolveConfig({ theme, root: loaded.root }, layers);
  warnings.push(...resolved.warnings);
  const parsed = parseSlides(sources, resolved.config.separators);
  warnings.push(...parsed.warnings);
  return { loaded, config: resolved.config, stacks: parsed.stacks, warnings };
}

/** The whole build: every requested output is written, or none is. */
export async function build(request: BuildRequest): Promise<BuildResult> {
  const input = resolve(request.cwd, request.input);
  const out = resolve(request.cwd, request.out);
  const briefing = readBriefing(input, request.cwd, request.theme);
  const warnings = [...briefing.warnings];
  const { config, stacks, loaded } = briefing;
  const assets = resolveAssets(
    loaded.root,
    stacks.flatMap((stack) => stack.flatMap((slide) => slide.assets)),
  );
  warnings.push(...assets.warnings);
  const browserPath = request.pdf
    ? findBrowser({
        browserPath: request.browserPath,
        env: request.env ?? process.env,
        puppeteerPath: () => puppeteer.executablePath(),
        platform: process.platform,
      })
    : undefined;

  const staging = new Staging(out);
  const browser = browserPath ? new Browser(browserPath, request.timeoutMs ?? DEFAULT_TIMEOUT_MS) : undefined;
  const abort = () => void browser?.dispose();
  request.signal?.addEventListener('abort', abort, { once: true });
  try {
    const deck = deckFiles(config.theme);
    staging.write('slides/index.html', renderDeck({ config, stacks, stylesheets: deck.stylesheets }));
    for (const file of deck.files) staging.copy(file.from, `slides/${file.to}`);
    for (const asset of assets.assets) staging.copy(asset.from, `slides/${asset.to}`);
    const entries = ['slides'];
    let pages: number | undefined;
    if (browser) {
      const bytes = await printPage(
        browser,
        {
          htmlPath: staging.path('slides/index.html'),
          allowedDir: staging.path('slides'),
          query: 'print-pdf',
          readyEvent: 'pdf-ready',
          timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        },
        warnings,
      );
      throwIfAborted(request.signal);
      const title = config.meta.title ?? stacks[0]?.[0]?.title ?? 'Slides';
      const withMeta = await setMetadata(bytes, {
        title,
        author: config.meta.author,
        subject: config.meta.subtitle ?? config.meta.description,
        keywords: config.meta.keywords,
        lang: config.meta.lang,
      });
      staging.write('slides.pdf', withMeta.bytes);
      pages = withMeta.pages;
      entries.push('slides.pdf');
    }
    throwIfAborted(request.signal);
    staging.commit(entries);
    const written: WrittenFile[] = [describe(resolve(out, 'slides/index.html'))];
    if (pages !== undefined) written.push({ ...describe(resolve(out, 'slides.pdf')), pages });
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

function describe(path: string): WrittenFile {
  return { path, bytes: statSync(path).size };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BriefError('INTERRUPTED', 'the build was interrupted; nothing was written');
}
