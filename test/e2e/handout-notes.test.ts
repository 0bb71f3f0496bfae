import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

/** `count` words in paragraphs of 120, each word its own (w0001 …), so a lost one is seen. */
const wordsOf = (count: number) => Array.from({ length: count }, (_, i) => `w${String(i + 1).padStart(4, '0')}`);
const deckWith = (words: readonly string[]) =>
  [
    '---\ntitle: Long notes\ntitleSlide: true\n---\n## Before\n\n- a point\n\nNote: short.',
    `## The long one\n\n- a point\n\nNote:\n${Array.from({ length: Math.ceil(words.length / 120) }, (_, p) => words.slice(p * 120, (p + 1) * 120).join(' ')).join('\n\n')}`,
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
  });

  // 600 words overflow a frame of either layout even at 8 pt; 2500 need more than one page more.
  const cases = [
    { layout: '3', count: 600, continues: true },
    { layout: '1', count: 600, continues: true },
    { layout: '3', count: 2500, continues: true },
  ] as const;
  for (const { layout, count, continues } of cases) {
    it(`${layout} per page, a ${count}-word note: every word in handout.pdf, none below 8 pt${continues ? ', and the build says which slide continued' : ''}`, async () => {
      const words = wordsOf(count);
      const name = `deck-${layout}-${count}`;
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'deck.md'), deckWith(words));
      const out = `out-${layout}-${count}`;
      const result = await run(['build', name, '--out', out, '--only', 'handout', '--handout', layout], dir);
      expect(result.code).toBe(0);
      const said =
        /warning: deck-\d-\d+\/deck\.md:\d+: the notes of slide 3 "The long one" do not fit their frame in the handout: they continue on page \d+/;
      if (continues) expect(result.stderr).toMatch(said);
      else expect(result.stderr).not.toMatch(said);
      const runs = await textRuns(join(dir, out, 'handout.pdf'));
      const found = new Set(runs.flatMap((r) => r.str.split(/\s+/)));
      expect(words.filter((word) => !found.has(word))).toEqual([]);
      const noteRuns = runs.filter((r) => /\bw\d{4}\b/.test(r.str));
      expect(Math.min(...noteRuns.map((r) => r.size))).toBeGreaterThanOrEqual(8);
      // The slide after keeps its notes, and the pages their numbers.
      const text = runs.map((r) => r.str).join(' ');
      expect(text).toContain('also short, and still beside its slide.');
      const pages = Math.max(...runs.map((r) => r.page));
      expect(text).toContain(`Page ${pages} of ${pages}`);
      if (continues) expect(text).toMatch(/\(continued\)/i);
    });
  }
});
