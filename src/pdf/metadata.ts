import type { PDFDocument } from 'pdf-lib';
import type { ClassicFile } from './classic-file.js';
import { dictEntries, refEntry, writeDict, writeRef } from './pdf-dict.js';

export interface PdfMetadata {
  readonly title: string;
  readonly author?: string | undefined;
  readonly subject?: string | undefined;
  readonly keywords: readonly string[];
  readonly lang: string;
}

/**
 * Chromium writes a title and the language; a document for the record needs author, subject and
 * keywords too. They are staged as a new Info dictionary in the file's incremental update, which
 * leaves Chromium's bytes as they are and needs no PDF library: loading one and re-saving the
 * whole file cost more than printing a small deck.
 */
export function setMetadataClassic(file: ClassicFile, meta: PdfMetadata): undefined {
  const infoRef = refEntry(file.pdf.trailer, 'Info');
  const oldInfo = infoRef === undefined ? [] : (dictEntries(file.pdf.object(infoRef) ?? '') ?? []);
  const entries: [string, string][] = [
    ['Title', pdfString(meta.title)],
    ...(meta.author ? ([['Author', pdfString(meta.author)]] as [string, string][]) : []),
    ...(meta.subject ? ([['Subject', pdfString(meta.subject)]] as [string, string][]) : []),
    // Comma-separated: a keyword of several words stays one keyword.
    ...(meta.keywords.length > 0 ? ([['Keywords', pdfString(meta.keywords.join(', '))]] as [string, string][]) : []),
    ['Creator', pdfString('rfc-brief')],
    ['Producer', pdfString('rfc-brief (Chromium)')],
    ...oldInfo.filter(([key]) => key === 'CreationDate' || key === 'ModDate'),
  ];
  const info = file.update.reserve();
  file.update.put(info, writeDict(entries));
  file.trailer['Info'] = writeRef(info);
  return undefined;
}

/** A PDF text string as UTF-16BE hex: any language, no escaping rules to get wrong. */
function pdfString(text: string): string {
  const utf16 = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

/** The same with pdf-lib, for PDFs not as Chromium writes them. */
export function setMetadataWithPdfLib(pdf: PDFDocument, meta: PdfMetadata): void {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) pdf.setAuthor(meta.author);
  if (meta.subject) pdf.setSubject(meta.subject);
  if (meta.keywords.length > 0) pdf.setKeywords([meta.keywords.join(', ')]);
  pdf.setCreator('rfc-brief');
  pdf.setProducer('rfc-brief (Chromium, pdf-lib)');
  pdf.setLanguage(meta.lang);
}
