import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

/** 600 words in five paragraphs, each word its own (w001 … w600), so a lost one is seen. */
const WORDS = Array.from({ length: 600 }, (_, i) => `w${String(i + 1).padStart(3, '0')}`);
const NOTE = Array.from({ length: 5 }, (_, p) => WORDS.slice(p * 120, (p + 1) * 120).join(' ')).join('\n\n');
const DECK = [
  '---\ntitle: Long notes\n---\n## Before\n\n- a point\n\nNote: short.',
  `## The long one\n\n- a point\n\nNote:\n${NOTE}`,
  '## After\n\n- another point\n\nNote: also short, and still beside its slide.',
].join('\n\n---\n\n');

/** Every piece of text of a PDF with its font size in points (pdf.js: the text matrix's scale). */
async function textRuns(path: string): Promise<{ page: number; str: string; size: number }[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false }).promise;
  const runs: { page: number; str: string; size: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items)
      if ('str' in item && item.str.trim())
        runs.push({ page: n, str: item.str, size: Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) });
  }
  await doc.destroy();
  return runs;
}

describe('the handout never loses notes (issue 13, case 2)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-long-notes-'));
    mkdirSync(join(dir, 'deck'));
    writeFileSync(join(dir, 'deck/deck.md'), DECK);
  });

  for (const layout of ['3', '1'] as const) {
    it(`${layout} per page: every word of a 600-word note is in handout.pdf, none below 8 pt, and the build says which slide continued`, async () => {
      const out = `out-${layout}`;
      const result = await run(['build', 'deck', '--out', out, '--only', 'handout', '--handout', layout], dir);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(
        /warning: deck\/deck\.md:\d+: the notes of slide 3 "The long one" do not fit their frame in the handout: they continue on page \d+/,
      );
      const runs = await textRuns(join(dir, out, 'handout.pdf'));
      const words = new Set(runs.flatMap((r) => r.str.split(/\s+/)));
      expect(WORDS.filter((word) => !words.has(word))).toEqual([]);
      const noteRuns = runs.filter((r) => /\bw\d{3}\b/.test(r.str));
      expect(Math.min(...noteRuns.map((r) => r.size))).toBeGreaterThanOrEqual(8);
      // The slide after keeps its notes, and the pages their numbers.
      const text = runs.map((r) => r.str).join(' ');
      expect(text).toContain('also short, and still beside its slide.');
      const pages = Math.max(...runs.map((r) => r.page));
      expect(text).toContain(`Page ${pages} of ${pages}`);
      expect(text).toMatch(/\(continued\)/i);
    });
  }
});
