import type { PDFDocument } from 'pdf-lib';
import type { ClassicFile } from './classic-file.js';
import { dictEntries, dictValue, refAt, refEntry, refOf, skipSpace } from './pdf-dict.js';

/** Named destination → 1-based page number. */
export type Destinations = Record<string, number>;

/**
 * The named destinations from Chromium's /Dests dictionary (it writes one for every link target,
 * which is how the report learns the page of each heading), read as plain text. Undefined for
 * anything unexpected: the editor then reads them with pdf-lib.
 */
export function destinationsClassic(file: ClassicFile): Destinations | undefined {
  const { pdf } = file;
  const root = refEntry(pdf.trailer, 'Root');
  const catalog = root === undefined ? undefined : pdf.object(root);
  if (catalog === undefined) return undefined;
  const destsRef = refEntry(catalog, 'Dests');
  if (destsRef === undefined) return dictValue(catalog, 'Dests') === undefined ? {} : undefined;
  const dests = dictEntries(pdf.object(destsRef) ?? '');
  if (!dests) return undefined;
  const pageOf = new Map(file.pages.map((page, index) => [page, index + 1]));
  const found: Destinations = {};
  // Each entry is `/name [page 0 R /XYZ …]` or `/name N 0 R` pointing at such an array.
  for (const [name, value] of dests) {
    const arrayRef = refOf(value);
    const array = value.startsWith('[') ? value : arrayRef === undefined ? undefined : pdf.object(arrayRef);
    const target = array?.startsWith('[') ? refAt(array, skipSpace(array, 1)) : undefined;
    if (target === undefined) return undefined;
    const page = pageOf.get(target.number);
    if (page !== undefined) found[decodeName(name)] = page;
  }
  return found;
}

/** The same with pdf-lib, for PDFs not as Chromium writes them. */
export async function destinationsWithPdfLib(pdf: PDFDocument): Promise<Destinations> {
  const { PDFArray, PDFDict, PDFName, PDFRef } = await import('pdf-lib');
  const pageOf = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const found: Destinations = {};
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
