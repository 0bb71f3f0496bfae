import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { labelRanges } from '../../src/pdf/page-labels.js';
import { openPdf } from '../../src/pdf/pdf-editor.js';

const LABELS = ['1', '2', '2.1', '2.2', '3', '4', '4.1'];

async function pages(count: number, useObjectStreams: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < count; i++) pdf.addPage();
  return pdf.save({ useObjectStreams });
}

/** The labels a viewer shows, read by pdf.js. */
async function labelsOf(bytes: Uint8Array): Promise<string[] | null> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const labels = await doc.getPageLabels();
  await doc.destroy();
  return labels;
}

describe('page labels', () => {
  it('are written as few ranges: a prefix and numbers counting up', () => {
    expect(labelRanges(LABELS)).toEqual([
      { from: 0, prefix: '', start: 1 },
      { from: 2, prefix: '2.', start: 1 },
      { from: 4, prefix: '', start: 3 },
      { from: 6, prefix: '4.', start: 1 },
    ]);
    expect(labelRanges(['3.01', 'A'])).toEqual([
      { from: 0, prefix: '3.01', start: undefined },
      { from: 1, prefix: 'A', start: undefined },
    ]);
  });

  it('are what a viewer shows, on the fast path and through pdf-lib', async () => {
    for (const useObjectStreams of [false, true]) {
      const pdf = openPdf(await pages(LABELS.length, useObjectStreams));
      expect(pdf.path.kind).toBe(useObjectStreams ? 'pdf-lib' : 'classic');
      await pdf.setPageLabels(LABELS);
      await pdf.setMetadata({ title: 'T', keywords: [], lang: 'en' });
      expect(await labelsOf(await pdf.save())).toEqual(LABELS);
    }
  });
});
