import { PDFDict, PDFDocument, PDFName, PDFNumber, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf, PdfEditor, type Placement } from '../../src/pdf/pdf-editor.js';

const META = { title: 'Brief', author: 'Ann', keywords: ['k'], lang: 'en' };
/** Slide 1 on handout page 1 and slide 2 on page 2, at half size. */
const PLACE = (): Placement[] => [
  { slide: 0, page: 0, matrix: [0.5, 0, 0, 0.5, 40, 400] },
  { slide: 1, page: 1, matrix: [0.5, 0, 0, 0.5, 40, 400] },
];

/** Two pages of `size`, each with a rectangle, and a named destination on the second. */
async function written(size: [number, number], useObjectStreams: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const pages = [pdf.addPage(size), pdf.addPage(size)];
  for (const page of pages) page.drawRectangle({ x: 20, y: 20, width: 200, height: 100, color: rgb(0.2, 0.3, 0.7) });
  const dest = pdf.context.obj([pages[1]!.ref, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(700), PDFNumber.of(0)]);
  pdf.catalog.set(PDFName.of('Dests'), pdf.context.register(pdf.context.obj({ 'part-2': dest })));
  return pdf.save({ useObjectStreams });
}

const xobjectsOn = async (bytes: Uint8Array) =>
  (await PDFDocument.load(bytes))
    .getPages()
    .map((page) => page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict)?.keys().length ?? 0);

describe('openPdf: a file as pdf-lib writes it (a cross-reference stream) takes the pdf-lib path', () => {
  it('says so, and why, when it is opened', async () => {
    const editor = openPdf(await written([960, 540], true));
    expect(editor.path).toEqual({ kind: 'pdf-lib', reason: expect.stringContaining('cross-reference') });
  });

  it('reads its page count, page sizes and named destinations', async () => {
    const editor = openPdf(await written([960, 540], true));
    expect(await editor.pageCount()).toBe(2);
    expect(await editor.pageSizes()).toEqual([
      { width: 960, height: 540 },
      { width: 960, height: 540 },
    ]);
    expect(await editor.destinations()).toEqual({ 'part-2': 2 });
  });

  it('sets its metadata, and writes a file the fast path can edit next', async () => {
    const editor = openPdf(await written([595, 842], true));
    await editor.setMetadata(META);
    const saved = await editor.save();
    const read = await PDFDocument.load(saved, { updateMetadata: false });
    expect([read.getTitle(), read.getAuthor(), read.getProducer()]).toEqual(['Brief', 'Ann', 'rfc-brief (Chromium, pdf-lib)']);
    expect(openPdf(saved).path).toEqual({ kind: 'classic' });
  });

  it('lays slides from a pdf-lib-written slides PDF into a pdf-lib-written handout', async () => {
    const handout = openPdf(await written([595, 842], true));
    await handout.laySlides(openPdf(await written([960, 540], true)), PLACE);
    expect(handout.path.kind).toBe('pdf-lib');
    expect(await xobjectsOn(await handout.save())).toEqual([1, 1]);
  });
});

describe('openPdf: a classic file', () => {
  it('does every operation without loading pdf-lib', async () => {
    const [handoutBytes, slidesBytes] = [await written([595, 842], false), await written([960, 540], false)];
    const before = PdfEditor.pdfLibLoads;
    const handout = openPdf(handoutBytes);
    expect([await handout.pageCount(), await handout.destinations()]).toEqual([2, { 'part-2': 2 }]);
    await handout.laySlides(openPdf(slidesBytes), PLACE);
    await handout.setMetadata(META);
    const saved = await handout.save();
    expect(PdfEditor.pdfLibLoads - before).toBe(0);
    expect(handout.path).toEqual({ kind: 'classic' });
    // One update for both edits, after the bytes as they were.
    expect(Buffer.from(saved.subarray(0, handoutBytes.length)).equals(Buffer.from(handoutBytes))).toBe(true);
    expect(Buffer.from(saved.subarray(handoutBytes.length)).toString('latin1').match(/%%EOF/g)).toHaveLength(1);
    expect(await xobjectsOn(saved)).toEqual([1, 1]);
  });

  it('gives back the bytes as they were when nothing was edited', async () => {
    const bytes = await written([595, 842], false);
    expect(await openPdf(bytes).save()).toBe(bytes);
  });

  it('moves to pdf-lib for good when an edit meets what it does not expect, keeping the edits before it', async () => {
    const odd = await PDFDocument.load(await written([595, 842], false));
    const page = odd.getPage(0);
    page.node.set(PDFName.of('Contents'), odd.context.register(odd.context.obj([page.node.get(PDFName.of('Contents'))!])));
    const handout = openPdf(await odd.save({ useObjectStreams: false }));
    await handout.setMetadata(META);
    expect(handout.path.kind).toBe('classic');
    await handout.laySlides(openPdf(await written([960, 540], false)), PLACE);
    expect(handout.path).toEqual({ kind: 'pdf-lib', reason: expect.stringContaining('laying in the slides') });
    const saved = await handout.save();
    expect((await PDFDocument.load(saved, { updateMetadata: false })).getAuthor()).toBe('Ann');
    expect(await xobjectsOn(saved)).toEqual([1, 1]);
  });
});
