import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPdf, PdfEditor } from '../../src/pdf/pdf-editor.js';
import { run, type CliRun } from '../helpers/cli.js';
import { CONTENT } from '../helpers/paths.js';

/**
 * Chromium's own file inside a finished PDF, found by following the trailers' /Prev back to the
 * table without one, and how many updates rfc-brief appended after it.
 */
function chromiumPart(bytes: Uint8Array): { original: Uint8Array; updates: number } {
  const text = Buffer.from(bytes).toString('latin1');
  let xref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  let updates = 0;
  for (;;) {
    const trailer = text.slice(text.indexOf('trailer', xref), text.indexOf('startxref', xref));
    const prev = /\/Prev\s+(\d+)/.exec(trailer)?.[1];
    if (prev === undefined) break;
    xref = Number(prev);
    updates++;
  }
  return { original: bytes.subarray(0, text.indexOf('%%EOF', xref) + 5), updates };
}

// The default briefing printed by the real Chromium: every PDF it writes is read and edited
// without pdf-lib.
describe("Chromium's own PDFs take the classic fast path", () => {
  let dir: string;
  let result: CliRun;
  let pdfLibLoads: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-fast-path-'));
    const before = PdfEditor.pdfLibLoads;
    result = await run(['build', CONTENT, '--out', join(dir, 'dist')], dir);
    pdfLibLoads = PdfEditor.pdfLibLoads - before;
  });

  it('prints the slides, handout and report without loading a file with pdf-lib', () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/slides\.pdf[\s\S]*handout\.pdf[\s\S]*report\.pdf/);
    expect(pdfLibLoads).toBe(0);
  });

  // The slides and report get their metadata; the handout its slides, then its metadata.
  it.each([
    ['slides.pdf', 1],
    ['handout.pdf', 2],
    ['report.pdf', 1],
  ])("writes %s as Chromium's bytes with %i incremental update(s) after them", async (name, updates) => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'dist', name)));
    const chromium = chromiumPart(bytes);
    expect(chromium.updates).toBe(updates);
    expect(openPdf(chromium.original).path).toEqual({ kind: 'classic' });
    expect((await PDFDocument.load(chromium.original, { updateMetadata: false })).getProducer()).toMatch(/Skia\/PDF/);
    expect(openPdf(bytes).path).toEqual({ kind: 'classic' });
    expect((await PDFDocument.load(bytes, { updateMetadata: false })).getProducer()).toBe('rfc-brief (Chromium)');
  });
});
