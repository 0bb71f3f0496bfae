import type { Warning } from '../errors.js';
import type { Browser } from '../browser/browser.js';
import { ClassicPdf } from '../pdf/classic-pdf.js';
import { dictEntries, dictValue } from '../pdf/pdf-dict.js';
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
  warnings: Warning[],
): Promise<Uint8Array> {
  return browser.withPage(async (page) => {
    await openForPrint(page, request, warnings);
    const draft = await printOpenPage(page, request, { draft: true });
    const pages = await destinationPages(draft);
    const missing = headingIds.filter((id) => pages[id] === undefined);
    if (missing.length > 0) warnings.push({ message: `the report's contents could not find the page of: ${missing.join(', ')}` });
    await page.evaluate((found: Record<string, number>) => {
      for (const element of document.querySelectorAll<HTMLElement>('.toc-page')) {
        const page = found[element.dataset['for'] ?? ''];
        element.textContent = page === undefined ? '' : String(page);
      }
    }, pages);
    return printOpenPage(page, request, { outline: true });
  });
}

/** Named destination → 1-based page number, read from the PDF's /Dests dictionary. */
export async function destinationPages(bytes: Uint8Array): Promise<Record<string, number>> {
  return readDestinations(bytes) ?? destinationPagesWithPdfLib(bytes);
}

/** The same read from Chromium's plain-text dictionaries; undefined for anything unexpected. */
export function readDestinations(bytes: Uint8Array): Record<string, number> | undefined {
  const pdf = ClassicPdf.read(bytes);
  const root = pdf && ClassicPdf.ref(pdf.trailer, 'Root');
  const catalog = root === undefined ? undefined : pdf?.object(root);
  const pages = pdf?.pages();
  if (!pdf || catalog === undefined || !pages) return undefined;
  const destsRef = ClassicPdf.ref(catalog, 'Dests');
  if (destsRef === undefined) return dictValue(catalog, 'Dests') === undefined ? {} : undefined;
  const dests = dictEntries(pdf.object(destsRef) ?? '');
  if (!dests) return undefined;
  const pageOf = new Map(pages.map((page, index) => [page, index + 1]));
  const found: Record<string, number> = {};
  // Each entry is `/name [page 0 R /XYZ …]` or `/name N 0 R` pointing at such an array.
  for (const [name, value] of dests) {
    const array = value.startsWith('[') ? value : pdf.object(Number(/^(\d+)\s+0\s+R$/.exec(value)?.[1] ?? NaN));
    const target = array === undefined ? undefined : /^\[\s*(\d+)\s+\d+\s+R/.exec(array)?.[1];
    if (target === undefined) return undefined;
    const page = pageOf.get(Number(target));
    if (page !== undefined) found[decodeName(name)] = page;
  }
  return found;
}

async function destinationPagesWithPdfLib(bytes: Uint8Array): Promise<Record<string, number>> {
  const { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } = await import('pdf-lib');
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageOf = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const found: Record<string, number> = {};
  for (const [name, value] of dests?.entries() ?? []) {
    const array = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    const target = array instanceof PDFArray ? array.get(0) : undefined;
    const page = target ? pageOf.get(target.toString()) : undefined;
    if (page !== undefined) found[decodeName(name.asString())] = page;
  }
  return found;
}

/** "/section-1" → "section-1", with PDF name escapes (#2D) decoded. */
function decodeName(name: string): string {
  return name.replace(/^\//, '').replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
