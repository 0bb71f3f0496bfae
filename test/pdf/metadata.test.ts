import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf, type PdfMetadata } from '../../src/pdf/pdf-editor.js';

async function withMetadata(bytes: Uint8Array, meta: PdfMetadata) {
  const editor = openPdf(bytes);
  await editor.setMetadata(meta);
  return { bytes: await editor.save(), pages: await editor.pageCount(), path: editor.path };
}

describe('setMetadata', () => {
  it('appends the metadata to the file as it was, keeps its dates, and counts its pages', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    pdf.addPage();
    pdf.setCreationDate(new Date('2026-01-02T03:04:05Z'));
    const original = await pdf.save({ useObjectStreams: false });
    const meta = { title: 'Brief — ünïcode', author: 'Ann', subject: 'S', keywords: ['a b', 'c'], lang: 'en' };
    const first = await withMetadata(original, meta);
    // On top of an update, as the handout's metadata goes on top of its laid-in slides.
    const { bytes, pages, path } = await withMetadata(first.bytes, { ...meta, title: 'Again' });
    expect([first.path, path]).toEqual([{ kind: 'classic' }, { kind: 'classic' }]);
    expect(pages).toBe(2);
    expect(Buffer.from(bytes.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const read = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(read.getTitle()).toBe('Again');
    expect(read.getAuthor()).toBe('Ann');
    expect(read.getKeywords()).toBe('a b, c');
    expect(read.getProducer()).toBe('rfc-brief (Chromium)');
    expect(read.getCreationDate()?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  it('gives a PDF it cannot append to (compressed cross-references) to pdf-lib', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const { bytes, pages, path } = await withMetadata(await pdf.save({ useObjectStreams: true }), { title: 'T', keywords: [], lang: 'en' });
    expect(path.kind).toBe('pdf-lib');
    expect(pages).toBe(1);
    expect((await PDFDocument.load(bytes, { updateMetadata: false })).getProducer()).toBe('rfc-brief (Chromium, pdf-lib)');
  });
});
