import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { selectOutputs } from '../outputs/catalogue.js';
import { Browser } from '../browser/browser.js';
import { findBrowser, puppeteerExecutablePath } from '../browser/find-browser.js';
import { limit } from '../config/limits.js';
import { timeoutOf, type BuildRequest, type BuildResult } from './request.js';

/**
 * The browser a build needs, decided from the request alone, before anything is read: the command
 * line starts it first, and it comes up while the rest of rfc-brief loads and reads the Markdown.
 * This module loads nothing heavy. A rebuild whose PDFs may all be cached starts none.
 */
export function browserPurpose(request: BuildRequest): string | undefined {
  if (request.check) return request.noBrowser ? undefined : 'measure the slides';
  const printing = selectOutputs(request.only, request.pdf).made.some((output) => output.printed);
  if (!printing) return undefined;
  // A folder an earlier build wrote may get every PDF from the cache: then none is started early.
  return request.cache !== false && existsSync(resolve(request.cwd, request.out, 'build-report.json')) ? undefined : 'print the PDFs';
}

/** The one browser of a build (not started until used or warmed up). */
export function browserFor(request: BuildRequest, purpose: string): Browser {
  const env = request.env ?? process.env;
  return new Browser(
    () =>
      findBrowser({
        browserPath: request.browserPath,
        env,
        puppeteerPath: puppeteerExecutablePath,
        puppeteerDownloaded: existsSync(env['PUPPETEER_CACHE_DIR'] ?? join(homedir(), '.cache', 'puppeteer')),
        platform: process.platform,
        purpose,
      }),
    timeoutOf(request),
    [],
    // Started before the slides are counted: each print's own deadline is the build's (timeoutOf),
    // so the browser's calls are bounded by the most the largest deck allowed may take.
    timeoutOf(request, limit('slides')),
  );
}

/** Starts the browser the request will need now, or returns undefined when it needs none yet. */
export function startEarly(request: BuildRequest): Browser | undefined {
  const purpose = browserPurpose(request);
  if (!purpose) return undefined;
  const browser = browserFor(request, purpose);
  browser.warmUp();
  return browser;
}

/**
 * build(), with the browser started before the build's own code (Markdown, figures, rendering:
 * a fifth of a second unbundled, less bundled) is loaded.
 */
export async function buildEarly(request: BuildRequest): Promise<BuildResult> {
  // build() closes it too; this covers a build that failed before it took the browser over (an
  // output folder that cannot be written). Closing twice is safe.
  await using browser = request.browser ?? startEarly(request);
  const { build } = await import('./build.js');
  return await build({ ...request, browser });
}
