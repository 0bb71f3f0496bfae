import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { woff2Only } from '../../src/render/math-files.js';
import { run } from '../helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rfc-brief-math-files-'));
  mkdirSync(join(dir, 'deck'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const build = async (markdown: string) => {
  writeFileSync(join(dir, 'deck', 'deck.md'), markdown);
  const result = await run(['build', 'deck', '--no-pdf', '--out', 'dist'], dir);
  expect(result.code).toBe(0);
};
const BROKEN = '## One\n\nFine $x$.\n\nNote: fine.\n\n---\n\n## Two\n\n$$\na + b\n\\sqrt{x\n$$\n\nNote: broken.';

describe('a TeX error', () => {
  it("fails the build at the file and line of the formula, with KaTeX's message, and writes nothing", async () => {
    writeFileSync(join(dir, 'deck', 'deck.md'), BROKEN);
    const result = await run(['build', 'deck', '--no-pdf', '--out', 'dist'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error[CHECK_FAILED]');
    expect(result.stderr).toMatch(
      /deck\/deck\.md:14: error: cannot typeset the formula "\$\$ a \+ b \\sqrt\{x \$\$": KaTeX says "Expected '\}', got 'EOF'/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('is listed by check as an error at the same place, and fails it', async () => {
    writeFileSync(join(dir, 'deck', 'deck.md'), BROKEN);
    const result = await run(['check', 'deck', '--no-browser', '--json'], dir);
    expect(result.code).toBe(1);
    const { findings } = JSON.parse(result.stdout) as { findings: { severity: string; code: string; file: string; line: number }[] };
    expect(findings).toEqual([expect.objectContaining({ severity: 'error', code: 'math', file: 'deck/deck.md', line: 14 })]);
  });
});

describe("KaTeX's stylesheet and fonts", () => {
  it('go with the deck and the report when a slide holds a formula', async () => {
    await build('## Cost\n\nIt is $O(n)$.\n\nNote: linear.');
    for (const folder of ['slides', 'report']) {
      expect(existsSync(join(dir, 'dist', folder, 'lib/katex/katex.css'))).toBe(true);
      const fonts = readdirSync(join(dir, 'dist', folder, 'lib/katex/fonts'));
      expect(fonts).toContain('KaTeX_Main-Regular.woff2');
      expect(fonts.filter((name) => !name.endsWith('.woff2'))).toEqual([]);
    }
  });

  it('go with the deck when only the notes hold a formula', async () => {
    await build('## Cost\n\nLinear.\n\nNote: it is $O(n)$.');
    expect(existsSync(join(dir, 'dist/slides/lib/katex/katex.css'))).toBe(true);
  });

  it('stay out of a briefing without math (prices are no formula)', async () => {
    await build('## Cost\n\nIt costs $5 and $10.\n\nNote: cheap.');
    expect(existsSync(join(dir, 'dist/slides/lib/katex'))).toBe(false);
    expect(existsSync(join(dir, 'dist/report/lib/katex'))).toBe(false);
  });
});

describe('woff2Only', () => {
  it('keeps the woff2 source of each font and drops the woff and ttf ones', () => {
    const css =
      '@font-face{font-family:KaTeX_AMS;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2"),url(fonts/KaTeX_AMS-Regular.woff) format("woff"),url(fonts/KaTeX_AMS-Regular.ttf) format("truetype")}.katex{font:normal 1.21em KaTeX_Main}';
    expect(woff2Only(css)).toBe(
      '@font-face{font-family:KaTeX_AMS;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2")}.katex{font:normal 1.21em KaTeX_Main}',
    );
  });
});
