import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFDict, PDFRawStream, rgb, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { dictEntries, refAt, refOf, renumber } from '../../src/pdf/pdf-dict.js';
import { openPdf } from '../../src/pdf/pdf-editor.js';
import { placements } from '../../src/outputs/print-handout.js';
import type { SlideSlot } from '../../src/render/handout.js';
import { pagePixels } from '../helpers/pdf.js';

/** Three 16:9 slides, each with its own colour and text (a font and a graphics state to copy). */
async function slidesPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const [i, colour] of [rgb(0.1, 0.2, 0.6), rgb(0.7, 0.1, 0.1), rgb(0.1, 0.5, 0.2)].entries()) {
    const page = pdf.addPage([960, 540]);
    page.drawRectangle({ x: 40, y: 40, width: 880, height: 460, color: colour, opacity: 0.6 });
    page.drawText(`Slide ${i + 1}`, { x: 80, y: 400, size: 64, font, color: rgb(1, 1, 1) });
  }
  // As rfc-brief's slides arrive at the handout: with their metadata appended as an update.
  const editor = openPdf(await pdf.save({ useObjectStreams: false }));
  await editor.setMetadata({ title: 'Slides', keywords: [], lang: 'en' });
  return editor.save();
}

/** Two A4 pages with a line of their own, where the slides go. */
async function handoutPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < 2; i++) pdf.addPage([595.28, 841.89]).drawText(`Handout page ${i + 1}`, { x: 40, y: 800, size: 14 });
  return pdf.save({ useObjectStreams: false });
}

/** The same file as pdf-lib writes it by default (a cross-reference stream): the fallback's input. */
async function withObjectStreams(bytes: Uint8Array): Promise<Uint8Array> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).save({ useObjectStreams: true });
}

/** The handout with the slides laid in, and the path the handout took. */
async function lay(handout: Uint8Array, slides: Uint8Array) {
  const editor = openPdf(handout);
  await editor.laySlides(openPdf(slides), (sizes) => placements(SLOTS, sizes));
  return { bytes: await editor.save(), path: editor.path };
}

function pixels(files: Record<string, Uint8Array>): Record<string, Buffer[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-lay-'));
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => {
      writeFileSync(join(dir, `${name}.pdf`), bytes);
      return [name, pagePixels(join(dir, `${name}.pdf`), 50)];
    }),
  );
}

const SLOTS: SlideSlot[] = [
  { slide: 0, page: 0, box: { x: 16, y: 22, width: 89, height: 50 } },
  { slide: 1, page: 0, box: { x: 16, y: 107, width: 89, height: 50 } },
  { slide: 2, page: 1, box: { x: 16, y: 22, width: 89, height: 50 } },
  { slide: 0, page: 1, box: { x: 110, y: 107, width: 89, height: 50 } },
];

describe('laySlides', () => {
  it('draws the same pages as pdf-lib, as an update that keeps the handout as it was', async () => {
    const [handout, slides] = [await handoutPdf(), await slidesPdf()];
    const laid = await lay(handout, slides);
    expect(laid.path).toEqual({ kind: 'classic' });
    expect(Buffer.from(laid.bytes.subarray(0, handout.length)).equals(Buffer.from(handout))).toBe(true);
    const fallback = await lay(await withObjectStreams(handout), await withObjectStreams(slides));
    expect(fallback.path.kind).toBe('pdf-lib');
    const { ours, theirs } = pixels({ ours: laid.bytes, theirs: fallback.bytes });
    expect(ours).toHaveLength(2);
    ours!.forEach((page, i) => expect(page.equals(theirs![i]!), `page ${i + 1}`).toBe(true));
    // The handout page itself (its text) is still there, and the slide used twice is one form.
    const read = await PDFDocument.load(laid.bytes);
    const names = read.getPages().map((page) => page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict).keys().map(String));
    expect(names).toEqual([
      ['/RfcSlide0', '/RfcSlide1'],
      ['/RfcSlide2', '/RfcSlide0'],
    ]);
  });

  it('gives pages that share their resources every form they draw', async () => {
    const handout = await PDFDocument.create();
    const pages = [handout.addPage([595.28, 841.89]), handout.addPage([595.28, 841.89])];
    for (const page of pages) page.drawRectangle({ x: 30, y: 30, width: 100, height: 20, color: rgb(0.5, 0.5, 0.5) });
    const resources = handout.context.register(pages[0]!.node.Resources()!);
    for (const page of pages) page.node.set(PDFName.of('Resources'), resources);
    const shared = await handout.save({ useObjectStreams: false });
    const slides = await slidesPdf();
    const laid = await lay(shared, slides);
    expect(laid.path.kind).toBe('classic');
    const fallback = await lay(await withObjectStreams(shared), await withObjectStreams(slides));
    const { ours, theirs } = pixels({ ours: laid.bytes, theirs: fallback.bytes });
    ours!.forEach((page, i) => expect(page.equals(theirs![i]!), `page ${i + 1}`).toBe(true));
  });

  it('moves a slide page whose box is not at 0 0 into its frame by that box', async () => {
    const slides = await PDFDocument.load(await slidesPdf());
    for (const page of slides.getPages()) page.setMediaBox(-20, 10, 960, 540);
    const laid = await lay(await handoutPdf(), await slides.save({ useObjectStreams: false }));
    expect(laid.path.kind).toBe('classic');
    const read = await PDFDocument.load(laid.bytes);
    const xobjects = read.getPage(0).node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    const form = read.context.lookup(xobjects.get(PDFName.of('RfcSlide0'))) as PDFRawStream;
    expect(form.dict.get(PDFName.of('BBox'))?.toString()).toBe('[ -20 10 940 550 ]');
    expect(form.dict.get(PDFName.of('Matrix'))?.toString()).toBe('[ 1 0 0 1 20 -10 ]');
  });

  it('gives page contents it does not expect (an array object) to pdf-lib, which still lays the slides', async () => {
    const handout = await PDFDocument.load(await handoutPdf());
    const page = handout.getPage(0);
    page.node.set(PDFName.of('Contents'), handout.context.register(handout.context.obj([page.node.get(PDFName.of('Contents'))!])));
    const laid = await lay(await handout.save({ useObjectStreams: false }), await slidesPdf());
    expect(laid.path).toEqual({ kind: 'pdf-lib', reason: expect.stringContaining('laying in the slides') });
    const read = await PDFDocument.load(laid.bytes);
    expect(read.getPage(0).node.Resources()?.lookup(PDFName.of('XObject'), PDFDict).keys()).toHaveLength(2);
  });

  it('gives the handout to pdf-lib when the slides it lays in have compressed cross-references', async () => {
    const laid = await lay(await handoutPdf(), await withObjectStreams(await slidesPdf()));
    expect(laid.path).toEqual({ kind: 'pdf-lib', reason: expect.stringContaining('slides PDF') });
  });
});

describe('PDF dictionaries as text', () => {
  it('reads top-level entries through nested dictionaries, arrays and strings', () => {
    const entries = dictEntries(
      '<</Type /Page /Resources <</Font <</F1 4 0 R>>>> /Title (a >> b ( c ) 5 0 R) /Box [0 0 960 540] /Contents 7 0 R>>',
    );
    expect(entries).toEqual([
      ['Type', '/Page'],
      ['Resources', '<</Font <</F1 4 0 R>>>>'],
      ['Title', '(a >> b ( c ) 5 0 R)'],
      ['Box', '[0 0 960 540]'],
      ['Contents', '7 0 R'],
    ]);
  });

  it('renumbers references but not text that looks like one', () => {
    expect(renumber('<</A 4 0 R /B [5 0 R (6 0 R)] /C <36>>>', (n) => n + 100)).toBe('<</A 104 0 R /B [105 0 R (6 0 R)] /C <36>>>');
    expect(renumber('<</T (a (b) 5 0 R) /U 15 0 R /V 3.5 0 R>>', (n) => n + 100)).toBe('<</T (a (b) 5 0 R) /U 115 0 R /V 3.5 0 R>>');
    expect(renumber('<</A 4 1 R>>', (n) => n)).toBeUndefined();
  });

  it('reads a reference only where one is written whole', () => {
    expect(refOf(' 12 0 R ')).toBe(12);
    expect(refOf('12 0 R 13 0 R')).toBeUndefined();
    expect(refOf('12 1 R')).toBeUndefined();
    expect(refAt('[5 0 R /XYZ]', 1)).toEqual({ number: 5, generation: 0, end: 6 });
    expect(refAt('5 0 RG', 0)).toBeUndefined();
  });
});
