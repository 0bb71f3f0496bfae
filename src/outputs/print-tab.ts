import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { Browser } from '../browser/browser.js';
import { openForPrint, type PrintRequest } from '../browser/print.js';
import type { Diagnostic } from '../errors.js';

/**
 * The slides' print page loaded once, in one tab, and lent in turn to every output made from it:
 * slides.pdf, slides.pptx and the slide images print, walk or capture it, slides.html reads which
 * font files it loaded. Each of them loading a copy of its own (four loads and layouts of the
 * same page, and four tabs, side by side on two cores) took the default briefing's every-output
 * build from 1.1 s to 2.5 s, where slides.pdf alone prints in 0.25 s.
 *
 * One output at a time has the page, in the order they asked, and each leaves it as it found it
 * (screenshots.ts puts back the media and window it changed). Each gets what loading the page
 * said (a refused file, a page error), as loading its own copy said it; and what measuring it
 * finds (overflow, missing characters) is measured once and given to each that asks.
 */
export class PrintTab {
  private opened: Promise<Page> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private release: () => void = () => undefined;
  private closed = false;
  private readonly loadWarnings: Diagnostic[] = [];
  private readonly fontFiles = new Set<string>();
  private measured: Promise<readonly Diagnostic[]> | undefined;

  /** `measure`: what an output printed from the page reports of it (measure-print-page.ts). */
  constructor(
    private readonly browser: Browser,
    readonly request: PrintRequest,
    private readonly measure: (page: Page, found: Diagnostic[]) => Promise<void>,
  ) {}

  /** `work` on the loaded page, once those that asked before are done with it. */
  use<T>(warnings: Diagnostic[], work: (page: Page) => Promise<T>): Promise<T> {
    const turn = this.queue.then(async () => {
      // A turn that failed closed the tab (onPage): the outputs after it fail as it did, not
      // with "session closed".
      if (this.failed) throw this.failed;
      const page = await this.page(warnings);
      // What the page says while it is this output's (a script's error, a file refused as the
      // media change) is this output's, as when each loaded a copy of its own.
      const from = this.loadWarnings.length;
      try {
        return await this.browser.onPage(page, work);
      } catch (error) {
        this.failed = error;
        throw error;
      } finally {
        warnings.push(...this.loadWarnings.slice(from));
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private failed: unknown;

  /** What `measure` finds on the page, in a turn of `use`: measured for the first output that asks, given to each. */
  async findings(page: Page, warnings: Diagnostic[]): Promise<void> {
    this.measured ??= (async () => {
      const found: Diagnostic[] = [];
      await this.measure(page, found);
      return found;
    })();
    warnings.push(...(await this.measured));
  }

  /** The font files the page loaded, as paths on disk (all it needs: every slide is laid out at once, fragments shown). */
  async fonts(warnings: Diagnostic[]): Promise<string[]> {
    await this.page(warnings);
    return [...this.fontFiles];
  }

  /** Closes the tab (at the end of the build, once every output is made). */
  close(): void {
    this.closed = true;
    this.release();
  }

  /** The loaded page, loading it on first use; `warnings` get what loading it said. */
  private async page(warnings: Diagnostic[]): Promise<Page> {
    this.opened ??= new Promise<Page>((resolve, reject) => {
      const held = this.browser.withPage(async (page) => {
        // Heard before the page's own request filter (confine-page.ts), which lets them through.
        page.on('request', (request) => {
          const url = request.url();
          if (request.resourceType() === 'font' && url.startsWith('file:')) this.fontFiles.add(fileURLToPath(url));
        });
        await openForPrint(page, this.request, this.loadWarnings);
        // withPage closes the tab when this returns: once the build has no more use for it.
        const done = new Promise<void>((end) => {
          this.release = end;
          if (this.closed) end();
        });
        resolve(page);
        await done;
      });
      held.catch(reject);
    });
    const page = await this.opened;
    warnings.push(...this.loadWarnings);
    return page;
  }
}
