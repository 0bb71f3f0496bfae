import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { printPage } from '../../src/browser/print.js';
import type { Diagnostic } from '../../src/errors.js';
import { run, type CliRun } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { fonts, pagePixels } from '../helpers/pdf.js';

/** pdftotext's reading of each page (what a reader searching the PDF finds), white space collapsed. */
function pdfText(path: string): string[] {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/[\s\u200b]+/g, ' ').trim());
}
const pageCount = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);

// test/fixtures/math: $…$, $$…$$, \(…\), \[…\] and \\(…\\) on the slides and in the notes, and
// prices in prose, built into every output by the real Chromium.
describe('a briefing with math, built into the deck, slides PDF, handout and report', () => {
  let dir: string;
  let result: CliRun;
  const out = (...parts: string[]) => join(dir, 'dist', ...parts);

  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
  afterAll(() => browser.dispose());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-math-'));
    // --strict: any warning (a request refused while printing, a missing glyph) or error (an
    // overflowing slide, a TeX error) fails the build.
    result = await run(['build', fixture('math'), '--out', join(dir, 'dist'), '--strict'], dir);
  });

  it('builds without a warning: nothing overflows, nothing is asked of the network', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(out('build-report.json'), 'utf8')) as { warnings: unknown[] };
    expect(report.warnings).toEqual([]);
  });

  it('prints one page per slide, and the handout and report at their lengths', () => {
    expect(pageCount(out('slides.pdf'))).toBe(4);
    expect(pageCount(out('handout.pdf'))).toBe(2);
    expect(pageCount(out('report.pdf'))).toBe(3);
  });

  it('shows each formula typeset in the slides PDF, prices and code as written', () => {
    const [, first, second, third] = pdfText(out('slides.pdf'));
    expect(first).toContain('A switch costs tswitch = tsave + trestore , measured once per call.');
    expect(first).toContain('n(n + 1)');
    expect(first).toContain('the board costs $5 and the cable $10.');
    expect(first).not.toContain('\\frac');
    expect(second).toContain('Inline with parentheses: α + β');
    expect(second).toContain('As reveal.js decks write it: γ');
    expect(second).toContain('Code stays code: $x$ and \\(y\\)');
    expect(second).toMatch(/∫ .*x.*dx =/);
    expect(third).toContain('a=b+c');
  });

  it('carries the math of the report as text a reader can search', () => {
    const text = pdfText(out('report.pdf')).join(' ');
    expect(text).toContain('A switch costs tswitch = tsave + trestore , measured once per call.');
    // Speaker notes become the report's prose, their formulas typeset too.
    expect(text).toMatch(/Say that E = mc ?2 is not what we measure/);
    expect(text).not.toMatch(/\$E|mc\^2|\\frac/);
  });

  it('typesets the formulas of the notes in the handout', () => {
    const text = pdfText(out('handout.pdf')).join(' ');
    expect(text).toMatch(/Say that E = mc ?2 is not what we measure/);
    expect(text).toContain('x y keeps its thin space');
    expect(text).not.toMatch(/\$E|mc\^2|\\,/);
  });

  it("embeds KaTeX's own fonts in every PDF, and no font that is not embedded", () => {
    for (const pdf of ['slides.pdf', 'handout.pdf', 'report.pdf']) {
      const names = fonts(out(pdf));
      for (const font of ['KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'KaTeX_Size2-Regular'])
        expect(
          names.some((f) => f.name.endsWith(`+${font}`) && f.embedded),
          `${font} in ${pdf}`,
        ).toBe(true);
      expect(names.filter((f) => !f.embedded)).toEqual([]);
    }
  });

  it("ships KaTeX's stylesheet and woff2 fonts beside the deck and the report, naming no file that is not there", () => {
    for (const folder of [out('slides'), out('report')]) {
      const css = readFileSync(join(folder, 'lib/katex/katex.css'), 'utf8');
      const named = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1] ?? '');
      expect(named.length).toBeGreaterThan(15);
      for (const file of named) expect(existsSync(join(folder, 'lib/katex', file)), file).toBe(true);
      expect(readdirSync(join(folder, 'lib/katex/fonts')).every((name) => name.endsWith('.woff2'))).toBe(true);
      expect(readFileSync(join(folder, 'index.html'), 'utf8')).toContain('<link rel="stylesheet" href="lib/katex/katex.css">');
    }
  });

  it("prints the same pixels from the static print page as reveal.js's own print of the deck", async () => {
    const warnings: Diagnostic[] = [];
    const bytes = await printPage(
      browser,
      { htmlPath: out('slides/index.html'), allowedDir: out('slides'), query: 'print-pdf', readyEvent: 'pdf-ready', timeoutMs: 60_000 },
      warnings,
    );
    writeFileSync(join(dir, 'reveal.pdf'), bytes);
    const ours = pagePixels(out('slides.pdf'));
    const theirs = pagePixels(join(dir, 'reveal.pdf'));
    expect(theirs).toHaveLength(ours.length);
    ours.forEach((page, index) => expect(page.equals(theirs[index] as Buffer), `page ${index + 1}`).toBe(true));
    expect(warnings).toEqual([]);
  });
});
