import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser as PuppeteerBrowser, Page } from 'puppeteer';
import { BriefError } from '../errors.js';

/** Flags for a quiet, offline, headless start (see the machine notes in DEVELOPERS.md / README). */
const ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/**
 * The one browser of a run: launched on first use, closed by dispose() whatever happened, with
 * its own throw-away profile folder.
 */
export class Browser {
  /** Browsers launched by this process so far: tests hold a build to one launch. */
  static launches = 0;
  private launched: Promise<PuppeteerBrowser> | undefined;
  private disposing: Promise<void> | undefined;
  private profileDir: string | undefined;

  private executable: Promise<string> | undefined;

  /** `locate` finds the browser (findBrowser); it runs once, when first needed. */
  constructor(
    private readonly locate: () => Promise<string>,
    private readonly timeoutMs: number,
  ) {}

  /** The browser's path; fails early, before any work, when there is none. */
  executablePath(): Promise<string> {
    this.executable ??= this.locate();
    return this.executable;
  }

  async withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.launch();
    let page: Page | undefined;
    try {
      page = await this.takePage(browser);
      page.setDefaultTimeout(this.timeoutMs);
      return await use(page);
    } catch (error) {
      if (error instanceof BriefError) throw error;
      // A browser that crashed or was killed surfaces as a protocol error: say so, not as a bug.
      const gone = !browser.connected;
      throw new BriefError(
        'BROWSER_FAILED',
        gone ? 'the browser stopped while working (it crashed or was killed)' : `the browser failed: ${firstLine(error)}`,
        {
          cause: error,
          hint: gone ? 'Run the build again; if it keeps happening, check memory and the browser with --browser-path.' : undefined,
        },
      );
    } finally {
      await page?.close().catch(() => undefined);
    }
  }

  /** Starts the browser now, in the background, so that it is up by the time it is needed. */
  warmUp(): void {
    this.launch().catch(() => undefined);
  }

  private spareTab: Promise<Page | undefined> | undefined;

  /** The tab a new browser opens with is used first: opening another costs a sixth of a second. */
  private async takePage(browser: PuppeteerBrowser): Promise<Page> {
    if (!this.spareTab) {
      this.spareTab = browser.pages().then((pages) => pages[0]);
      const first = await this.spareTab;
      if (first) return first;
    }
    return browser.newPage();
  }

  /** Closes the browser and removes its profile; safe to call again (Ctrl-C and finally both do). */
  dispose(): Promise<void> {
    this.disposing ??= this.close();
    return this.disposing;
  }

  private async close(): Promise<void> {
    const launched = this.launched;
    if (launched) {
      const browser = await launched.catch(() => undefined);
      const child = browser?.process();
      if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        // Nothing of the profile is worth keeping, so there is nothing to close politely: the
        // whole process group (puppeteer starts Chromium detached, in a group of its own) goes at
        // once, a tenth of a second sooner than close(), and no helper process is left behind.
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
        await exited;
        await browser?.disconnect().catch(() => undefined);
      } else {
        await browser?.close().catch(() => undefined);
      }
    }
    if (this.profileDir) {
      try {
        rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // A profile folder left in the temporary directory is not worth failing a build for.
      }
    }
  }

  private launch(): Promise<PuppeteerBrowser> {
    if (!this.launched) {
      Browser.launches++;
      // The pid in the name lets anyone (and the tests) tell whose browser a process is.
      this.profileDir = mkdtempSync(join(tmpdir(), `rfc-brief-chromium-${process.pid}-`));
      const root = process.getuid?.() === 0;
      // Imported here: a build that prints nothing never pays for loading puppeteer.
      this.launched = Promise.all([import('puppeteer'), this.executablePath()])
        .then(([{ default: puppeteer }, executablePath]) =>
          puppeteer.launch({
            executablePath,
            headless: true,
            userDataDir: this.profileDir,
            args: [...ARGS, ...(root ? ['--no-sandbox'] : [])],
            timeout: this.timeoutMs,
            handleSIGINT: false,
            handleSIGTERM: false,
            handleSIGHUP: false,
          }),
        )
        .catch(async (cause: unknown) => {
          if (cause instanceof BriefError) throw cause;
          throw new BriefError('BROWSER_FAILED', `the browser at ${await this.executablePath()} did not start`, {
            cause,
            hint: `${firstLine(cause)}. Check that it is a working Chromium or Chrome, or pass another with --browser-path.`,
          });
        });
    }
    return this.launched;
  }
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
