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
  const text = Buffer.from(bytes).toString('latin1');
  // The last trailer: the file may already end with an update (the handout's slides).
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(text.slice(text.lastIndexOf('trailer')));
  const size = trailer && /\/Size\s+(\d+)/.exec(trailer[1] ?? '')?.[1];
  const root = trailer && /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer[1] ?? '')?.[1];
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  if (!trailer || !size || !root || counts.length === 0) return undefined;
  const infoRef = /\/Info\s+(\d+)\s+0\s+R/.exec(trailer[1] ?? '')?.[1];
  const oldInfo = infoRef ? new RegExp(`(?:^|\\n)${infoRef} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text)?.[1] : undefined;
  const dates = [...(oldInfo ?? '').matchAll(/\/(CreationDate|ModDate)\s*(\([^)]*\))/g)].map((m) => `/${m[1]} ${m[2]}`);
  const entries = [
    `/Title ${pdfString(meta.title)}`,
    meta.author ? `/Author ${pdfString(meta.author)}` : '',
    meta.subject ? `/Subject ${pdfString(meta.subject)}` : '',
    // Comma-separated: a keyword of several words stays one keyword.
    meta.keywords.length > 0 ? `/Keywords ${pdfString(meta.keywords.join(', '))}` : '',
    `/Creator ${pdfString('rfc-brief')}`,
    `/Producer ${pdfString('rfc-brief (Chromium)')}`,
    ...dates,
  ].filter(Boolean);
  const number = Number(size);
  const start = bytes.length + 1;
  const object = `\n${number} 0 obj\n<< ${entries.join(' ')} >>\nendobj\n`;
  const xrefAt = bytes.length + Buffer.byteLength(object, 'latin1');
  const update =
    `${object}xref\n${number} 1\n${String(start).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${number + 1} /Root ${root} /Info ${number} 0 R /Prev ${trailer[2]} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return { bytes: Buffer.concat([Buffer.from(bytes), Buffer.from(update, 'latin1')]), pages: Math.max(...counts) };
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
