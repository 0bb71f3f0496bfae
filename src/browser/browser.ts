import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Browser as PuppeteerBrowser, Page } from 'puppeteer-core';
import { BriefError } from '../errors.js';
import { startChromium, type Chromium } from './chromium.js';
import { makeTempDir } from '../content/scratch.js';

/**
 * The one browser of a run: launched on first use, closed by dispose() whatever happened, with
 * its own throw-away profile folder.
 */
export class Browser implements AsyncDisposable {
  /** Browsers launched by this process so far: tests hold a build to one launch. */
  static launches = 0;
  private launched: Promise<PuppeteerBrowser> | undefined;
  private disposing: Promise<void> | undefined;
  private profileDir: string | undefined;
  private chromium: Chromium | undefined;

  private executable: Promise<string> | undefined;

  /**
   * `locate` finds the browser (findBrowser); it runs once, when first needed. `reach`: hosts the
   * browser may still connect to, for a test that browses `serve` on 127.0.0.1; a build gives none.
   * `protocolTimeoutMs` bounds every call to the browser, `timeoutMs` its start and each page's
   * waits: a build that learns later how long its pages may take (timeoutOf) gives a larger one.
   */
  constructor(
    private readonly locate: () => Promise<string>,
    private readonly timeoutMs: number,
    private readonly reach: readonly string[] = [],
    private readonly protocolTimeoutMs: number = timeoutMs,
  ) {}

  /** The browser's path; fails early, before any work, when there is none. */
  executablePath(): Promise<string> {
    this.executable ??= this.locate();
    return this.executable;
  }

  /**
   * A tab for `use`, closed after it; with `keep`, a tab `use` ended well on is left open (serve's
   * warm print page, see onPage), closed with the browser.
   */
  async withPage<T>(use: (page: Page) => Promise<T>, options: { readonly keep?: boolean } = {}): Promise<T> {
    const browser = await this.launch();
    let page: Page | undefined;
    let kept = false;
    try {
      // A tab still opening when the browser is stopped would be waited for puppeteer's 30 s.
      const taking = this.takePage(browser);
      taking.catch(() => undefined);
      page = await Promise.race([taking, this.stopped]);
      page.setDefaultTimeout(this.timeoutMs);
      const result = await use(page);
      kept = options.keep === true;
      return result;
    } catch (error) {
      throw explain(error, browser, this.timeoutMs);
    } finally {
      // Not waited for (it took 5-20 ms): the next tab does not need this one gone, and a build
      // stops the whole browser once its last page is done. A kept tab stays open for the next print.
      if (!kept) void page?.close().catch(() => undefined);
      if (this.keepTabReady && this.initialTabTaken && !this.disposing && browser.connected) {
        this.initialTabTaken = false;
        this.initialTab = browser.newPage().catch(() => undefined);
      }
    }
  }

  /** `use` on a tab kept open by withPage; the tab is closed if it fails. */
  async onPage<T>(page: Page, use: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.launch();
    try {
      return await use(page);
    } catch (error) {
      await page.close().catch(() => undefined);
      throw explain(error, browser, this.timeoutMs);
    }
  }

  /**
   * For a browser that prints again and again (serve keeps one for its whole life): after each
   * page, the next tab is opened while nothing waits for it, as a new browser's first tab is.
   */
  keepTabReady = false;

  /** Starts the browser now, in the background, so that it is up (its first tab found) when needed. */
  warmUp(): void {
    this.launch()
      .then((browser) => this.firstTab(browser))
      .catch(() => undefined);
  }

  private initialTab: Promise<Page | undefined> | undefined;
  private initialTabTaken = false;

  private firstTab(browser: PuppeteerBrowser): Promise<Page | undefined> {
    this.initialTab ??= browser.pages().then((pages) => pages[0]);
    return this.initialTab;
  }

  /** The tab a new browser opens with is used first: opening another costs a sixth of a second. */
  private async takePage(browser: PuppeteerBrowser): Promise<Page> {
    if (!this.initialTabTaken) {
      this.initialTabTaken = true;
      const first = await this.firstTab(browser);
      if (first) return first;
    }
    return browser.newPage();
  }

  /** Closes the browser and removes its profile; safe to call again (Ctrl-C and finally both do). */
  dispose(): Promise<void> {
    this.disposing ??= this.close();
    return this.disposing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }

  private stopping: () => void = () => undefined;
  /** Rejects once the browser is being stopped (handled here: often nothing waits on it then). */
  private readonly stopped: Promise<never> = (() => {
    const stopped = new Promise<never>((_, reject) => {
      this.stopping = () => reject(new BriefError('INTERRUPTED', 'the build was interrupted; nothing was written'));
    });
    stopped.catch(() => undefined);
    return stopped;
  })();

  private async close(): Promise<void> {
    this.stopping();
    const child = this.chromium?.child;
    if (child?.pid !== undefined) {
      let group = false;
      if (child.exitCode === null && child.signalCode === null) {
        // Nothing of the profile is worth keeping, so there is nothing to close politely: the
        // whole process group (Chromium is started detached, in a group of its own) goes at
        // once, a tenth of a second sooner than close(), and no helper process is left behind.
        // Killed first: a browser still starting (Ctrl-C early) is not waited for.
        try {
          process.kill(-child.pid, 'SIGKILL');
          group = true;
        } catch {
          child.kill('SIGKILL');
        }
      }
      // A group killed with SIGKILL runs no more code: its profile can go while the system
      // reclaims it (waiting for that took a fiftieth of a second). A browser killed alone is
      // waited for, as its helpers only go with it.
      if (!group) await this.chromium?.exited;
      // The profile goes off the main thread, while puppeteer lets go and the build writes its
      // files: removed at once, as the killed browser's processes wind down, it held the main
      // thread 10-80 ms (3-10 ms a moment later).
      const removing = this.removeProfileAsync();
      const browser = await this.launched?.catch(() => undefined);
      await browser?.disconnect().catch(() => undefined);
      await removing;
    }
    process.removeListener('exit', this.abandon);
    this.removeProfile();
  }

  private async removeProfileAsync(): Promise<void> {
    if (!this.profileDir) return;
    // Until it is gone, a process that exits removes it as it goes (abandon).
    await rm(this.profileDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }

  /** At process exit, where nothing can be awaited. */
  private readonly abandon = (): void => {
    const pid = this.chromium?.child.pid;
    try {
      if (pid !== undefined) process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    this.removeProfile();
  };

  private readonly removeProfile = (): void => {
    if (!this.profileDir) return;
    try {
      rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A profile folder left in the temporary directory is not worth failing a build for.
    }
  };

  private launch(): Promise<PuppeteerBrowser> {
    this.launched ??= this.start();
    return this.launched;
  }

  /**
   * Chromium is started first and puppeteer loaded while it comes up; puppeteer then connects
   * over the browser's pipe.
   */
  private async start(): Promise<PuppeteerBrowser> {
    Browser.launches++;
    const executablePath = await this.executablePath();
    if (this.disposing) throw new BriefError('INTERRUPTED', 'the build was interrupted; nothing was written');
    // The pid in the name lets anyone (and the tests) tell whose browser a process is, and the
    // next run sweep the profile a run that died (SIGKILL, out of memory) could not remove.
    this.profileDir = makeTempDir('chromium');
    // A process that exits without closing the browser (a second Ctrl-C) still stops it and
    // removes its profile.
    process.once('exit', this.abandon);
    const chromium = startChromium(executablePath, this.profileDir, this.reach);
    this.chromium = chromium;
    const failed = async (cause: unknown) => {
      const said = (await Promise.race([chromium.exited, new Promise<string>((resolve) => setTimeout(() => resolve(''), 200))])).trim();
      const last = said.split('\n').filter(Boolean).at(-1);
      return new BriefError('BROWSER_FAILED', `the browser at ${executablePath} did not start`, {
        cause,
        hint: `${last ?? firstLine(cause)}. Check that it is a working Chromium or Chrome, or pass another with --browser-path.`,
      });
    };
    try {
      let timer: NodeJS.Timeout | undefined;
      const connecting = connect(chromium, this.protocolTimeoutMs);
      const gone = chromium.exited.then(() => Promise.reject(new Error('the browser exited as it started')));
      // A browser that is slow to answer is not a broken one: the person is told to wait longer.
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(timedOut(this.timeoutMs, 'the browser to start')), this.timeoutMs);
      });
      gone.catch(() => undefined);
      try {
        return await Promise.race([connecting, gone, late]);
      } finally {
        clearTimeout(timer);
      }
    } catch (cause) {
      if (cause instanceof BriefError) throw cause;
      if (isProtocolTimeout(cause)) throw timedOut(this.timeoutMs, 'the browser to start');
      throw await failed(cause);
    }
  }
}

/** The one message for a wait that ran out: what was waited for, and how to wait longer. */
export function timedOut(timeoutMs: number, waitingFor: string): BriefError {
  return new BriefError('TIMEOUT', `gave up after ${timeoutMs / 1000} s waiting for ${waitingFor}`, {
    hint: `Pass --timeout with a larger number of milliseconds (now ${timeoutMs}; the default is 60000, more for a deck of over 500 slides).`,
  });
}

/** puppeteer's protocol clock (set to --timeout) ran out: "Runtime.evaluate timed out. Increase the 'protocolTimeout' ...". */
function isProtocolTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || / timed out\. Increase the 'protocolTimeout'/.test(error.message));
}

/**
 * puppeteer over the browser's pipe. Loading all of puppeteer takes a fifth of a second, most of
 * it for what a build never uses (launchers, downloads, WebDriver BiDi); its CDP connector alone
 * takes half that (a third of it bundled, see scripts/bundle.mjs, where a puppeteer update that
 * moved it would fail the compile). The connector is internal to puppeteer, so the public
 * connect() is the fallback should an update move it under the unbundled build.
 */
async function connect(chromium: Chromium, protocolTimeout: number): Promise<PuppeteerBrowser> {
  const options = { defaultViewport: { width: 800, height: 600 }, protocolTimeout };
  const internal = (await import('puppeteer-core/internal/cdp/BrowserConnector.js').catch(() => undefined)) as
    { _connectToCdpBrowser?: (transport: unknown, url: string, options: object) => Promise<PuppeteerBrowser> } | undefined;
  if (typeof internal?._connectToCdpBrowser === 'function') return internal._connectToCdpBrowser(chromium.transport, '', options);
  // Imported here: a build that prints nothing never pays for loading puppeteer.
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.connect({ transport: chromium.transport, ...options });
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/** What went wrong with the browser, said as rfc-brief's error. */
function explain(error: unknown, browser: PuppeteerBrowser, timeoutMs: number): unknown {
  if (error instanceof BriefError) return error;
  if (isProtocolTimeout(error) && browser.connected) return timedOut(timeoutMs, 'the browser to answer');
  // A browser that crashed or was killed surfaces as a protocol error: say so, not as a bug.
  const gone = !browser.connected;
  return new BriefError(
    'BROWSER_FAILED',
    gone ? 'the browser stopped while working (it crashed or was killed)' : `the browser failed: ${firstLine(error)}`,
    {
      cause: error,
      hint: gone ? 'Run the build again; if it keeps happening, check memory and the browser with --browser-path.' : undefined,
    },
  );
}
