import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import { BriefError, type Warning } from '../errors.js';
import { firstLine, type Browser } from './browser.js';

export interface PrintRequest {
  /** The HTML page to print; only files under `allowedDir` may load. */
  readonly htmlPath: string;
  readonly allowedDir: string;
  /** Query string that puts the page into its print layout, e.g. "print-pdf" for reveal.js. */
  readonly query: string;
  /** The DOM event the page fires when its print layout is done. */
  readonly readyEvent: string;
  readonly timeoutMs: number;
}

declare global {
  interface Window {
    __rfcBriefReady?: Promise<void>;
  }
}

/** Prints one page to PDF bytes, waiting for real readiness signals, never a fixed sleep. */
export async function printPage(browser: Browser, request: PrintRequest, warnings: Warning[]): Promise<Uint8Array> {
  return browser.withPage(async (page) => {
    await confine(page, request.allowedDir, warnings);
    page.on('pageerror', (error) => warnings.push({ message: `the page reported an error: ${firstLine(error)}` }));
    await page.evaluateOnNewDocument((eventName: string) => {
      window.__rfcBriefReady = new Promise((resolve) => document.addEventListener(eventName, () => resolve(), { once: true }));
    }, request.readyEvent);
    const url = `${pathToFileURL(request.htmlPath).href}?${request.query}`;
    await withTimeout(request, 'the page to load', page.goto(url, { waitUntil: 'load' }));
    await withTimeout(
      request,
      `the "${request.readyEvent}" event, fonts and images`,
      page.evaluate(async () => {
        await window.__rfcBriefReady;
        await document.fonts.ready;
        await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
      }),
    );
    return page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: request.timeoutMs });
  });
}

/** Only the build's own files load; anything else is refused and reported. */
async function confine(page: Page, allowedDir: string, warnings: Warning[]): Promise<void> {
  const allowed = pathToFileURL(allowedDir).href.replace(/\/?$/, '/');
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(allowed) || url.startsWith('data:') || url === 'about:blank') {
      void request.continue();
      return;
    }
    warnings.push({ message: `refused to load ${url} while printing: a briefing's PDF uses only its own files` });
    void request.abort('blockedbyclient');
  });
}

async function withTimeout<T>(request: PrintRequest, waitingFor: string, work: Promise<T>): Promise<T> {
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
    throw new BriefError('BROWSER_FAILED', `the browser failed while waiting for ${waitingFor}: ${firstLine(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
