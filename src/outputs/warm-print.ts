import { cpSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Browser } from '../browser/browser.js';
import { openForPrint, withTimeout, type PrintRequest } from '../browser/print.js';
import type { Diagnostic } from '../errors.js';
import { FIT_PRINTED_FIGURES } from '../render/fit-figures.js';

/** The static print page cut where it may be patched: what is before the pages, each page, what is after. */
interface PrintParts {
  readonly head: string;
  readonly pages: readonly string[];
  readonly tail: string;
}

/** What a changed page may not hold to be patched in: anything that loads a file or an address. */
const LOADS =
  /\b(?:src|srcset|poster|data|xlink:href)\s*=|url\(|@import|<(?:iframe|object|embed|link|video|audio|source|img|image|use|script|style)\b/i;

/**
 * serve's slides print page, kept open in a tab between PDFs (`build --only slides` from scratch
 * loads and lays out every slide again: a third of a warm PDF at 200 slides). It is a copy of the
 * staged slides folder (the build's own is removed when the build ends), confined to that copy. A
 * save that changes only the text of some pages is patched into it, those pages replaced; anything
 * else (the head, the number of pages, a changed page that loads a file) loads the page afresh.
 * One print at a time: the slides PDF and the handout (made from it) may be asked for together.
 */
export class WarmPrint {
  private kept: { readonly page: Page; readonly dir: string; parts: PrintParts; readonly loadWarnings: readonly Diagnostic[] } | undefined;
  private loads = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** How the last page was made ready: for a test, and for the bench's trace. */
  last: 'loaded' | 'patched' | 'unchanged' | undefined;

  /** `folder`: one of serve's own, where the copies go. */
  constructor(private readonly folder: string) {}

  /** `use` on the print page of `request` (just staged), loaded or patched, fonts and images ready. */
  open<T>(browser: Browser, request: PrintRequest, warnings: Diagnostic[], use: (page: Page) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.openNow(browser, request, warnings, use));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async openNow<T>(browser: Browser, request: PrintRequest, warnings: Diagnostic[], use: (page: Page) => Promise<T>): Promise<T> {
    const parts = splitPrintPage(readFileSync(request.htmlPath, 'utf8'));
    const kept = this.kept;
    const changed = kept && parts && !kept.page.isClosed() ? patchable(kept.parts, parts) : undefined;
    if (kept && changed && parts) {
      const result = await browser
        .onPage(kept.page, async (page) => {
          const patched = await withTimeout(page, request, 'the changed slides to be patched in', patch(page, changed, parts.pages));
          if (!patched) return { reload: true as const };
          // The pages patched in are fitted as loading the page fits them (openForPrint).
          if (request.fitFigures) await page.evaluate(FIT_PRINTED_FIGURES);
          kept.parts = parts;
          // What loading it said (a refused request of an unchanged page) holds for this print too.
          warnings.push(...kept.loadWarnings);
          this.last = changed.length ? 'patched' : 'unchanged';
          return { reload: false as const, value: await use(page) };
        })
        .catch(async (error: unknown) => {
          this.drop();
          throw error;
        });
      if (!result.reload) return result.value;
    }
    this.drop();
    const dir = join(this.folder, `slides-${++this.loads}`);
    cpSync(request.allowedDir, dir, { recursive: true });
    const copy = { ...request, htmlPath: join(dir, basename(request.htmlPath)), allowedDir: dir };
    let opened: { page: Page; loadWarnings: Diagnostic[] } | undefined;
    let value: T;
    try {
      value = await browser.withPage(
        async (page) => {
          const before = warnings.length;
          await openForPrint(page, copy, warnings);
          opened = { page, loadWarnings: warnings.slice(before) };
          return use(page);
        },
        // Kept only for a page that can be patched next time (else loaded afresh anyway).
        { keep: parts !== undefined },
      );
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    if (opened && parts) this.kept = { ...opened, dir, parts };
    else rmSync(dir, { recursive: true, force: true });
    this.last = 'loaded';
    return value;
  }

  /** Closes the kept tab and removes its copy (the browser closing closes the tab too). */
  drop(): void {
    const kept = this.kept;
    this.kept = undefined;
    if (!kept) return;
    void kept.page.close().catch(() => undefined);
    rmSync(kept.dir, { recursive: true, force: true });
  }
}

/** The static print page's parts (render/print-deck.ts), or undefined for a page not cut that way. */
export function splitPrintPage(html: string): PrintParts | undefined {
  const open = '<div class="slides">\n';
  const start = html.indexOf(open);
  const end = html.lastIndexOf('\n</div></div>\n</body>');
  if (start < 0 || end < start + open.length) return undefined;
  const pages = html.slice(start + open.length, end).split(/\n(?=<div class="pdf-page" style=")/);
  return { head: html.slice(0, start + open.length), pages, tail: html.slice(end) };
}

/** The indexes of the pages to replace, or undefined when the page must be loaded afresh. */
export function patchable(before: PrintParts, after: PrintParts): number[] | undefined {
  if (before.head !== after.head || before.tail !== after.tail || before.pages.length !== after.pages.length) return undefined;
  const changed = after.pages.flatMap((page, index) => (page === before.pages[index] ? [] : [index]));
  // Past half the pages, loading afresh costs no more.
  if (changed.length > after.pages.length / 2) return undefined;
  // Nor a page that loaded something before: what loading it said would no longer hold.
  const loads = (index: number) => LOADS.test(after.pages[index] ?? '') || LOADS.test(before.pages[index] ?? '');
  return changed.some(loads) ? undefined : changed;
}

/** Replaces the changed pages, then waits for their fonts; false if the page is not as it was left. */
async function patch(page: Page, changed: readonly number[], pages: readonly string[]): Promise<boolean> {
  return page.evaluate(
    async (count: number, replace: readonly (readonly [number, string])[]) => {
      const all = document.querySelectorAll('.reveal > .slides > .pdf-page');
      if (all.length !== count) return false;
      for (const [index, html] of replace) {
        const old = all[index];
        if (!old) return false;
        old.outerHTML = html;
      }
      await document.fonts.ready;
      return true;
    },
    pages.length,
    changed.map((index) => [index, pages[index] ?? ''] as const),
  );
}
