import { accessSync, constants } from 'node:fs';
import { BriefError } from '../errors.js';

export interface BrowserSearch {
  readonly browserPath?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The browser puppeteer downloaded, when it did (skipped in this project by default). */
  readonly puppeteerPath?: (() => Promise<string>) | undefined;
  /**
   * Whether puppeteer's download folder exists: asking puppeteer means loading it (a fifth of a
   * second), so without one it is asked only when no system browser is found either.
   */
  readonly puppeteerDownloaded?: boolean | undefined;
  readonly platform: NodeJS.Platform;
  /** What the browser is needed for, for the message when there is none. */
  readonly purpose?: string | undefined;
}

const SYSTEM_PATHS: Readonly<Partial<Record<NodeJS.Platform, readonly string[]>>> = {
  linux: [
    // Chromium's old headless shell (Debian's chromium-headless-shell, what puppeteer calls
    // "chrome-headless-shell"): the same Blink, printing the same pixels (checked page by page on
    // the default briefing), without the full browser's start-up: 0.15 s instead of 0.41 s,
    // 0.10 s of CPU instead of 0.39 s, on this project's machine. The binary itself, not the
    // shell script in /usr/bin that runs it.
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/**
 * --browser-path, then CHROME_PATH / PUPPETEER_EXECUTABLE_PATH, then puppeteer's own download,
 * then the usual system locations (puppeteer is asked last when its download folder is missing). A path the person named that does not work is an error, not a
 * reason to quietly use another browser.
 */
export async function findBrowser(search: BrowserSearch): Promise<string> {
  const named: [string, string | undefined][] = [
    ['--browser-path', search.browserPath],
    ['CHROME_PATH', search.env['CHROME_PATH']],
    ['PUPPETEER_EXECUTABLE_PATH', search.env['PUPPETEER_EXECUTABLE_PATH']],
  ];
  for (const [source, path] of named) {
    if (!path) continue;
    if (isExecutable(path)) return path;
    throw new BriefError('BROWSER_NOT_FOUND', `${source} names ${path}, which is not an executable file`, {
      hint: 'Point it at a Chromium or Chrome binary, or unset it to let rfc-brief look in the usual places.',
    });
  }
  const tried: string[] = [];
  const askPuppeteer = async () => {
    const path = await safely(search.puppeteerPath);
    if (path && isExecutable(path)) return path;
    if (path) tried.push(path);
    return undefined;
  };
  const downloaded = search.puppeteerDownloaded !== false ? await askPuppeteer() : undefined;
  if (downloaded) return downloaded;
  for (const path of SYSTEM_PATHS[search.platform] ?? []) {
    if (isExecutable(path)) return path;
    tried.push(path);
  }
  const lastResort = search.puppeteerDownloaded === false ? await askPuppeteer() : undefined;
  if (lastResort) return lastResort;
  throw new BriefError('BROWSER_NOT_FOUND', `no Chromium or Chrome was found to ${search.purpose ?? 'print the PDFs'}`, {
    hint:
      `Tried --browser-path, CHROME_PATH, PUPPETEER_EXECUTABLE_PATH and: ${tried.join(', ')}. ` +
      'Install one (on Debian: `sudo apt-get install chromium-headless-shell` or `chromium`, or run scripts/setup.sh), pass ' +
      '--browser-path, or build without PDFs using --no-pdf.',
  });
}

/**
 * The browser puppeteer downloaded, for a person who added `puppeteer` to their own project:
 * rfc-brief depends on puppeteer-core only (puppeteer's install downloads a browser, and fails
 * offline), so puppeteer may well not be installed. The name is a variable so that neither tsc
 * nor the bundler needs it; a missing package rejects, and findBrowser looks elsewhere.
 */
export async function puppeteerExecutablePath(): Promise<string> {
  const name = 'puppeteer';
  const loaded: unknown = await import(name);
  if (!hasExecutablePath(loaded)) throw new Error('puppeteer has no executablePath()');
  return loaded.default.executablePath();
}

function hasExecutablePath(loaded: unknown): loaded is { readonly default: { executablePath(): string } } {
  if (typeof loaded !== 'object' || loaded === null || !('default' in loaded)) return false;
  const puppeteer: unknown = loaded.default;
  return (
    typeof puppeteer === 'object' && puppeteer !== null && 'executablePath' in puppeteer && typeof puppeteer.executablePath === 'function'
  );
}

async function safely(get: (() => Promise<string>) | undefined): Promise<string | undefined> {
  try {
    return await get?.();
  } catch {
    return undefined;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
