import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { contrast } from '../../src/config/palette.js';
import { REVEAL_PALETTES } from '../../src/config/reveal-palettes.js';
import { run, type CliRun } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readPdf } from '../helpers/pdf.js';

/** The words of a page, tags and their splits (mermaid sets each word in its own tspan) removed. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('charts and diagrams in every output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-figures-'));
  let first: CliRun;
  beforeAll(async () => {
    cpSync(fixture('figures'), join(dir, 'deck'), { recursive: true });
    first = await run(['build', 'deck'], dir);
  });

  it('builds without warnings', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
  });

  it('puts the same inline SVG in the deck and the report, with no script', () => {
    const deck = readFileSync(join(dir, 'dist/slides/index.html'), 'utf8');
    const report = readFileSync(join(dir, 'dist/report/index.html'), 'utf8');
    for (const html of [deck, report]) {
      expect(html).toMatch(/<figure class="[^"]*drawn[^"]*"[^>]*><svg role="img" aria-label="Average time per trapped write/);
      expect(html).toMatch(/<svg[^>]*aria-roledescription="flowchart-v2"|<svg[^>]*id="diagram-/);
    }
    expect(report).toContain('<span class="label">Figure 1.</span> Average time per trapped write without and with the round trip');
    expect(report).toContain('<span class="label">Figure 2.</span> Path of one trapped write');
  });

  it.each(['slides.pdf', 'handout.pdf', 'report.pdf'])('%s carries the charts and diagrams as text', async (name) => {
    const text = (await readPdf(join(dir, 'dist', name))).pages.join(' ');
    for (const label of [
      'Time per trapped write',
      'Without the mode',
      'With one round trip',
      'Microseconds',
      'Guest write',
      'VM exit into Xen',
      'Resume guest',
    ]) {
      expect(text, label).toContain(label);
    }
  });

  it('launches no browser for unchanged diagrams when no PDF is asked for', async () => {
    const before = Browser.launches;
    const again = await run(['build', 'deck', '--no-pdf'], dir);
    expect(again.code).toBe(0);
    expect(Browser.launches).toBe(before);
    expect(words(readFileSync(join(dir, 'dist/slides/index.html'), 'utf8'))).toContain('VM exit into Xen');
  });

  it('draws a changed diagram anew', async () => {
    const file = join(dir, 'deck/01-figures.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Resume guest', 'Guest resumes'));
    const before = Browser.launches;
    expect((await run(['build', 'deck', '--no-pdf'], dir)).code).toBe(0);
    expect(Browser.launches).toBe(before + 1);
    expect(words(readFileSync(join(dir, 'dist/slides/index.html'), 'utf8'))).toContain('Guest resumes');
  });

  it("stops on a diagram mermaid rejects, with mermaid's message and the line", async () => {
    const file = join(dir, 'deck/01-figures.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('flowchart LR', 'flowchart LR\n  a -->'));
    const result = await run(['build', 'deck', '--no-pdf'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[DIAGRAM\]: deck\/01-figures\.md:2\d: mermaid cannot draw this diagram: .*Parse error/);
  });
});

/** The fill colour each page's text is shown in (pdf.js reads Chromium's `rg` as "#rrggbb"). */
async function textFills(path: string): Promise<Set<string>[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: Set<string>[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { fnArray, argsArray } = await (await doc.getPage(n)).getOperatorList();
    const fills = new Set<string>();
    let fill = '#000000';
    for (const [i, op] of fnArray.entries()) {
      if (op === OPS.setFillRGBColor) fill = String((argsArray[i] as unknown[])[0]);
      if (op === OPS.showText) fills.add(fill);
    }
    pages.push(fills);
  }
  await doc.destroy();
  return pages;
}

describe('charts and diagrams on a dark reveal.js theme', () => {
  it('are set in ink that reads on the black slide, not in the light palette', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-figures-black-'));
    cpSync(fixture('figures'), join(dir, 'deck'), { recursive: true });
    const built = await run(['build', 'deck', '--theme', 'black', '--only', 'slides'], dir);
    expect([built.code, built.stderr]).toEqual([0, '']);
    const pdf = join(dir, 'dist/slides.pdf');
    const [fills, { pages }] = [await textFills(pdf), await readPdf(pdf)];
    const figurePages = [
      pages.findIndex((text) => text.includes('Microseconds')),
      pages.findIndex((text) => text.includes('VM exit into Xen')),
    ];
    expect(figurePages).not.toContain(-1);
    for (const page of figurePages)
      for (const colour of fills[page] ?? [])
        expect(contrast(colour, REVEAL_PALETTES.black.background), `page ${page + 1}: ${colour}`).toBeGreaterThanOrEqual(4.5);
  });
});
