import { type Diagnostic, warning } from '../errors.js';
import type { Browser } from '../browser/browser.js';
import { openPdf } from '../pdf/pdf-editor.js';
import { openForPrint, printOpenPage, type PrintRequest } from '../browser/print.js';

/**
 * Prints the report twice on one loaded page: the first print tells on which page each heading
 * landed (Chromium writes a named destination for every link target), the table of contents gets
 * those numbers, and the second print is the report. The numbers' room is reserved in the CSS, so
 * filling them in moves nothing.
 */
export async function printReport(
  browser: Browser,
  request: PrintRequest,
  headingIds: readonly string[],
  warnings: Diagnostic[],
): Promise<Uint8Array> {
  return browser.withPage(async (page) => {
    await openForPrint(page, request, warnings);
    const draft = await printOpenPage(page, request, { draft: true });
    const pages = await openPdf(draft).destinations();
    const missing = headingIds.filter((id) => pages[id] === undefined);
    if (missing.length > 0)
      warnings.push(warning('report-contents', `the report's contents could not find the page of: ${missing.join(', ')}`));
    await page.evaluate((found: Record<string, number>) => {
      for (const element of document.querySelectorAll<HTMLElement>('.toc-page')) {
        const page = found[element.dataset['for'] ?? ''];
        element.textContent = page === undefined ? '' : String(page);
      }
    }, pages);
    return printOpenPage(page, request, { outline: true });
  });
}
