import type { PDFDocument } from 'pdf-lib';
import type { ClassicFile } from './classic-file.js';
import { dictEntries, refEntry, writeDict } from './pdf-dict.js';

/**
 * A page label range (ISO 32000-1, 12.4.2): from page `from` (0-based), `prefix` then decimal
 * numbers counting up from `start`; no number at all when `start` is undefined (the label is the
 * prefix alone).
 */
interface LabelRange {
  readonly from: number;
  readonly prefix: string;
  readonly start: number | undefined;
}

/**
 * Labels as few ranges: a label ending in a number continues the range before it when its prefix
 * is the same and its number the next. "1" "2" "3" "3.1" "3.2" "4" are three ranges: 1-3, "3."
 * from 1, and 4.
 */
export function labelRanges(labels: readonly string[]): LabelRange[] {
  const ranges: LabelRange[] = [];
  let last: { prefix: string; number: number | undefined } | undefined;
  labels.forEach((label, from) => {
    const match = /^(.*?)(\d+)$/s.exec(label);
    const prefix = match ? (match[1] ?? '') : label;
    const number = match ? Number(match[2]) : undefined;
    // A number with a leading zero ("3.01") cannot be written as a decimal range: the prefix alone.
    const plain = match !== null && String(number) === match[2];
    const continues = plain && last?.number !== undefined && last.prefix === prefix && number === last.number + 1;
    if (!continues) ranges.push(plain ? { from, prefix, start: number } : { from, prefix: label, start: undefined });
    last = plain ? { prefix, number } : { prefix: label, number: undefined };
  });
  return ranges;
}

/** The /PageLabels number tree, as one /Nums array. */
function pageLabelsDict(labels: readonly string[]): string {
  const nums = labelRanges(labels).map(({ from, prefix, start }) => {
    const entries: [string, string][] = [];
    if (start !== undefined) entries.push(['S', '/D'], ['St', String(start)]);
    if (prefix !== '') entries.push(['P', pdfText(prefix)]);
    return `${from} ${writeDict(entries)}`;
  });
  return `<</Nums [${nums.join(' ')}]>>`;
}

/** The catalog written again with /PageLabels, in the update; undefined when it was, else why not. */
export function setPageLabelsClassic(file: ClassicFile, labels: readonly string[]): string | undefined {
  const root = refEntry(file.pdf.trailer, 'Root');
  const entries = root === undefined ? undefined : dictEntries(file.update.get(root) ?? file.pdf.object(root) ?? '');
  if (root === undefined || entries === undefined) return 'its catalog is not as Chromium writes it';
  file.update.put(root, writeDict([...entries.filter(([key]) => key !== 'PageLabels'), ['PageLabels', pageLabelsDict(labels)]]));
  return undefined;
}

export async function setPageLabelsWithPdfLib(pdf: PDFDocument, labels: readonly string[]): Promise<void> {
  const { PDFHexString, PDFName } = await import('pdf-lib');
  const nums = labelRanges(labels).flatMap(({ from, prefix, start }) => {
    const range = pdf.context.obj({});
    if (start !== undefined) {
      range.set(PDFName.of('S'), PDFName.of('D'));
      range.set(PDFName.of('St'), pdf.context.obj(start));
    }
    if (prefix !== '') range.set(PDFName.of('P'), PDFHexString.fromText(prefix));
    return [pdf.context.obj(from), range];
  });
  pdf.catalog.set(PDFName.of('PageLabels'), pdf.context.obj({ Nums: nums }));
}

/** A PDF text string as UTF-16BE hex, as metadata.ts writes them. */
function pdfText(text: string): string {
  return `<${Buffer.from(`\uFEFF${text}`, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}
