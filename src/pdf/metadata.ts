export interface PdfMetadata {
  readonly title: string;
  readonly author?: string | undefined;
  readonly subject?: string | undefined;
  readonly keywords: readonly string[];
  readonly lang: string;
}

/** Chromium writes only a title; a document for the record needs author, subject, language. */
export async function setMetadata(bytes: Uint8Array, meta: PdfMetadata): Promise<{ bytes: Uint8Array; pages: number }> {
  const { PDFDocument, PDFName, PDFString } = await import('pdf-lib');
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) pdf.setAuthor(meta.author);
  if (meta.subject) pdf.setSubject(meta.subject);
  if (meta.keywords.length > 0) pdf.setKeywords([...meta.keywords]);
  pdf.setCreator('rfc-brief');
  pdf.setProducer('rfc-brief (Chromium, pdf-lib)');
  pdf.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  return { bytes: await pdf.save({ useObjectStreams: true }), pages: pdf.getPageCount() };
}
