import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { BriefError, type SourceLocation, type Diagnostic, warning } from '../errors.js';
import { firstLine, type Browser } from './browser.js';
import { confinePage } from './confine-page.js';
import { FIT_PRINTED_FIGURES } from '../render/fit-figures.js';

export interface PrintRequest {
  /** The HTML page to print; only files under `allowedDir` may load. */
  readonly htmlPath: string;
  readonly allowedDir: string;
  /** Query string that puts the page into its print layout, e.g. "print-pdf" for reveal.js. */
  readonly query?: string | undefined;
  /** The DOM event the page fires when its print layout is done (none for a static page). */
  readonly readyEvent?: string | undefined;
  readonly timeoutMs: number;
  /** Which slide asked for a URL, for the warning when it is refused. */
  readonly locate?: ((url: string) => SourceLocation | undefined) | undefined;
  /** The content's scripts run, in the page and in its frames (--allow-scripts); off by default. */
  readonly allowScripts?: boolean | undefined;
  /** A slides print page: each slide's figures are shrunk to the room left on it (render/fit-figures.ts). */
  readonly fitFigures?: boolean | undefined;
}

declare global {
  interface Window {
    __rfcBriefReady?: Promise<void>;
  }
}

/** Prints one page to PDF bytes, waiting for real readiness signals, never a fixed sleep. */
export async function printPage(browser: Browser, request: PrintRequest, warnings: Diagnostic[]): Promise<Uint8Array> {
  return browser.withPage(async (page) => {
    await openForPrint(page, request, warnings);
    return printOpenPage(page, request);
  });
}

/** Loads the page confined to its folder and waits until its print layout, fonts and images are ready. */
export async function openForPrint(page: Page, request: PrintRequest, warnings: Diagnostic[]): Promise<void> {
  const url = `${pathToFileURL(request.htmlPath).href}${request.query ? `?${request.query}` : ''}`;
  await confinePage(page, request, url, warnings);
  page.on('pageerror', (error) => warnings.push(warning('page-error', `the page reported an error: ${firstLine(error)}`)));
  if (request.readyEvent) {
    await page.evaluateOnNewDocument((eventName: string) => {
      window.__rfcBriefReady = new Promise((resolve) => document.addEventListener(eventName, () => resolve(), { once: true }));
    }, request.readyEvent);
  }
  await withTimeout(page, request, 'the page to load', page.goto(url, { waitUntil: 'load', timeout: request.timeoutMs }));
  await withTimeout(
    page,
    request,
    `${request.readyEvent ? `the "${request.readyEvent}" event, ` : ''}fonts and images`,
    page.evaluate(async () => {
      await window.__rfcBriefReady;
      await document.fonts.ready;
      await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
    }),
  );
  if (request.fitFigures) await page.evaluate(FIT_PRINTED_FIGURES);
}

export interface PrintOptions {
  /** A PDF outline (bookmarks) from the headings. */
  readonly outline?: boolean;
}

export async function printOpenPage(page: Page, request: PrintRequest, options: PrintOptions = {}): Promise<Uint8Array> {
  return withTimeout(
    page,
    request,
    'the PDF to print',
    page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      timeout: request.timeoutMs,
      outline: options.outline ?? false,
      tagged: true,
    }),
  );
}

export async function withTimeout<T>(page: Page, request: PrintRequest, waitingFor: string, work: Promise<T>): Promise<T> {
  const timedOut = () =>
    new BriefError('TIMEOUT', `gave up after ${request.timeoutMs / 1000} s waiting for ${waitingFor}`, {
      hint: 'A very large deck may need more time: pass --timeout with a larger number of milliseconds.',
    });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), request.timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    if (error instanceof BriefError) throw error;
    // puppeteer's own clock (set to the same timeout) may ring first.
    if (error instanceof Error && error.name === 'TimeoutError') throw timedOut();
    if (!page.browser().connected)
      throw new BriefError('BROWSER_FAILED', 'the browser stopped while working (it crashed or was killed)', { cause: error });
    throw new BriefError('BROWSER_FAILED', `the browser failed while waiting for ${waitingFor}: ${firstLine(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
