import { type Diagnostic, warning } from '../errors.js';
import type { Browser } from '../browser/browser.js';
import { openPdf, type Destinations } from '../pdf/pdf-editor.js';
import { guessContentsPages, type PageAreas } from './guess-contents.js';
import { openForPrint, printOpenPage, type PrintRequest } from '../browser/print.js';

/**
 * Where the report's headings landed when it was last printed, in their order (serve keeps one
 * for its whole life): the next print fills its contents in with these pages first, and prints
 * only once when they still hold. By order, not by name: a heading renamed is most often on the
 * page it was on.
 */
export interface ContentsMemory {
  pages?: readonly (number | undefined)[] | undefined;
}

/**
 * Prints the report on one loaded page with a table of contents that gives each heading's page.
 * Chromium writes a named destination for every link target, so a print tells where each heading
 * landed. The contents are filled in with a guess first: the pages of the last print (`memory`),
 * else the pages the report falls on when laid out in columns of a page's size before printing
 * (guess-contents.ts, which leaves the page in print media for the prints). The report is kept
 * if its own destinations agree with the guess; else it is printed again with its own. The
 * numbers' room is reserved in the CSS, so filling them in moves nothing.
 */
export async function printReport(
  browser: Browser,
  request: PrintRequest,
  headingIds: readonly string[],
  areas: PageAreas,
  warnings: Diagnostic[],
  memory: ContentsMemory = {},
): Promise<Uint8Array> {
  return browser.withPage(async (page) => {
    await openForPrint(page, request, warnings);
    const fill = (found: Readonly<Record<string, number | undefined>>) =>
      page.evaluate((found: Readonly<Record<string, number | undefined>>) => {
        for (const element of document.querySelectorAll<HTMLElement>('.toc-page')) {
          const page = found[element.dataset['for'] ?? ''];
          element.textContent = page === undefined ? '' : String(page);
        }
      }, found);
    const print = () => printOpenPage(page, request, { outline: true });
    // Only a guess (the print's own destinations are checked): one that fails costs a second print, not the report.
    const noGuess = (): Record<string, number | undefined> => ({});
    const guess = memory.pages
      ? Object.fromEntries(headingIds.map((id, index) => [id, memory.pages?.[index]]))
      : await guessContentsPages(page, headingIds, areas).catch(noGuess);
    await fill(guess);
    const bytes = await print();
    const pages = await openPdf(bytes).destinations();
    if (headingIds.every((id) => pages[id] === guess[id])) return remember(bytes, pages);
    await fill(pages);
    return remember(await print(), pages);
  });

  function remember(bytes: Uint8Array, pages: Destinations): Uint8Array {
    const missing = headingIds.filter((id) => pages[id] === undefined);
    if (missing.length > 0)
      warnings.push(warning('report-contents', `the report's contents could not find the page of: ${missing.join(', ')}`));
    memory.pages = headingIds.map((id) => pages[id]);
    return bytes;
  }
}
