import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ClassicPdf } from '../../src/pdf/classic-pdf.js';
import { openPdf } from '../../src/pdf/pdf-editor.js';

/** Three pages and two named destinations: one written in place, one as a separate object. */
async function withDestinations(useObjectStreams: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const pages = [pdf.addPage(), pdf.addPage(), pdf.addPage()];
  const at = (index: number) =>
    pdf.context.obj([pages[index]!.ref, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(700), PDFNumber.of(0)]);
  const dests = pdf.context.obj({ 'section-1': at(1), 'section#2': pdf.context.register(at(2)) });
  pdf.catalog.set(PDFName.of('Dests'), pdf.context.register(dests));
  return pdf.save({ useObjectStreams });
}

describe('ClassicPdf', () => {
  it('finds the pages in order through the page tree', async () => {
    const pdf = ClassicPdf.read(await withDestinations(false));
    expect(pdf?.pages()).toHaveLength(3);
  });

  it('reads named destinations on the fast path, and leaves cross-reference streams to pdf-lib with the same answer', async () => {
    const classic = openPdf(await withDestinations(false));
    expect(await classic.destinations()).toEqual({ 'section-1': 2, 'section#2': 3 });
    expect(classic.path).toEqual({ kind: 'classic' });
    const compressed = await withDestinations(true);
    expect(ClassicPdf.read(compressed)).toBeUndefined();
    const fallback = openPdf(compressed);
    expect(fallback.path).toMatchObject({ kind: 'pdf-lib', reason: expect.stringContaining('cross-reference') });
    expect(await fallback.destinations()).toEqual({ 'section-1': 2, 'section#2': 3 });
  });

  it('reads a destination whose name holds a keyword ("endobj", "stream") as a name', async () => {
    const pdf = await PDFDocument.create();
    const pages = [pdf.addPage(), pdf.addPage()];
    const at = (index: number) =>
      pdf.context.obj([pages[index]!.ref, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(700), PDFNumber.of(0)]);
    pdf.catalog.set(PDFName.of('Dests'), pdf.context.register(pdf.context.obj({ 'endobj-notes': at(0), 'stream-x': at(1), last: at(1) })));
    const editor = openPdf(await pdf.save({ useObjectStreams: false }));
    expect(await editor.destinations()).toEqual({ 'endobj-notes': 1, 'stream-x': 2, last: 2 });
    expect(editor.path.kind).toBe('classic');
  });

  it('reads no destinations in a PDF without any', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const editor = openPdf(await pdf.save({ useObjectStreams: false }));
    expect(await editor.destinations()).toEqual({});
    expect(editor.path.kind).toBe('classic');
  });
});
