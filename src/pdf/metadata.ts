import { ClassicPdf } from './classic-pdf.js';
import { dictEntries, writeDict } from './pdf-dict.js';
import { Update } from './pdf-update.js';
export interface PdfMetadata {
  readonly title: string;
  readonly author?: string | undefined;
  readonly subject?: string | undefined;
  readonly keywords: readonly string[];
  readonly lang: string;
}

/**
 * Chromium writes a title and the language; a document for the record needs author, subject and
 * keywords too. They are added as an incremental update (a new Info dictionary appended to the
 * file), which leaves Chromium's bytes as they are and needs no PDF library: loading one and
 * re-saving the whole file cost more than printing a small deck. Anything unexpected in the file
 * falls back to pdf-lib.
 */
export async function setMetadata(bytes: Uint8Array, meta: PdfMetadata): Promise<{ bytes: Uint8Array; pages: number }> {
  return appendInfo(bytes, meta) ?? rewriteWithPdfLib(bytes, meta);
}

function appendInfo(bytes: Uint8Array, meta: PdfMetadata): { bytes: Uint8Array; pages: number } | undefined {
  const pdf = ClassicPdf.read(bytes);
  const pages = pdf?.pages();
  if (!pdf || !pages) return undefined;
  const infoRef = ClassicPdf.ref(pdf.trailer, 'Info');
  const oldInfo = infoRef === undefined ? [] : (dictEntries(pdf.object(infoRef) ?? '') ?? []);
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
  const update = new Update(pdf.size);
  const info = update.reserve();
  update.put(info, writeDict(entries));
  return { bytes: update.append(bytes, pdf, { Info: `${info} 0 R` }), pages: pages.length };
}

/** A PDF text string as UTF-16BE hex: any language, no escaping rules to get wrong. */
function pdfString(text: string): string {
  const utf16 = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

async function rewriteWithPdfLib(bytes: Uint8Array, meta: PdfMetadata): Promise<{ bytes: Uint8Array; pages: number }> {
  const { PDFDocument, PDFName, PDFString } = await import('pdf-lib');
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) pdf.setAuthor(meta.author);
  if (meta.subject) pdf.setSubject(meta.subject);
  if (meta.keywords.length > 0) pdf.setKeywords([meta.keywords.join(', ')]);
  pdf.setCreator('rfc-brief');
  pdf.setProducer('rfc-brief (Chromium, pdf-lib)');
  pdf.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  return { bytes: await pdf.save({ useObjectStreams: true }), pages: pdf.getPageCount() };
}
