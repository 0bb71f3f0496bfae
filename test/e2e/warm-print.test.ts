import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { WarmPrint, patchable, splitPrintPage } from '../../src/outputs/warm-print.js';
import { build } from '../../src/pipeline/build.js';
import { fixture } from '../helpers/paths.js';
import { pdfPagePixels, redBox } from '../helpers/images.js';
import { readPdf } from '../helpers/pdf.js';

const page = (n: number, body: string) => `<div class="pdf-page" style="height: 719px"><section>${body}</section><div>${n}</div></div>`;
const printPage = (pages: string[], head = '<style></style>') =>
  `<!doctype html><html><head>${head}</head>\n<body><div class="reveal"><div class="slides">\n${pages.join('\n')}\n</div></div>\n</body>\n</html>\n`;

describe('which saves patch the kept print page', () => {
  const before = splitPrintPage(printPage([page(1, '<p>one</p>'), page(2, '<p>two</p>'), page(3, '<p>three</p>')]))!;

  it('cuts the static print page into its pages', () => {
    expect(before.pages).toHaveLength(3);
    expect(before.pages[1]).toBe(page(2, '<p>two</p>'));
  });

  it('patches the pages whose text changed', () => {
    const after = splitPrintPage(printPage([page(1, '<p>one</p>'), page(2, '<p>two, edited</p>'), page(3, '<p>three</p>')]))!;
    expect(patchable(before, after)).toEqual([1]);
  });

  it('loads afresh for another head, another number of pages, or a changed page that loads a file', () => {
    const again = (pages: string[], head?: string) => patchable(before, splitPrintPage(printPage(pages, head))!);
    expect(again([page(1, '<p>one</p>'), page(2, '<p>two</p>'), page(3, '<p>three</p>')], '<style>p{}</style>')).toBeUndefined();
    expect(again([page(1, '<p>one</p>'), page(2, '<p>two</p>')])).toBeUndefined();
    expect(again([page(1, '<p>one</p>'), page(2, '<img src="a.png">'), page(3, '<p>three</p>')])).toBeUndefined();
    expect(again([page(1, '<p>one</p>'), page(2, '<p style="background:url(a.png)">two</p>'), page(3, '<p>three</p>')])).toBeUndefined();
  });
});

describe("serve's slides PDF from the kept print page", () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-warm-'));
  const deck = join(dir, 'deck', 'slides.md');
  const slides = Array.from({ length: 8 }, (_, i) => `## Slide ${i + 1}\n\nText of slide ${i + 1}.`);
  mkdirSync(join(dir, 'deck'));
  writeFileSync(join(dir, 'deck', 'chart.png'), readFileSync(fixture('check-findings', 'images', 'present.png')));
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
  const warm = new WarmPrint(join(dir, 'warm'));
  afterAll(async () => {
    warm.drop();
    await browser.dispose();
  });
  let builds = 0;
  const slidesPdf = async (text: string[]) => {
    writeFileSync(deck, text.join('\n\n---\n\n'));
    const out = join(dir, `out-${++builds}`);
    await build({ input: 'deck', cwd: dir, out, pdf: true, only: ['slides'], cache: false, browser, browserLent: true, warmPrint: warm });
    return readPdf(join(out, 'slides.pdf'));
  };

  it('loads the print page for the first PDF', async () => {
    const pdf = await slidesPdf(slides);
    expect(warm.last).toBe('loaded');
    expect(pdf.pages).toHaveLength(8);
    expect(pdf.pages[2]).toContain('Text of slide 3.');
  });

  it('patches the slide a save changed, and prints it as changed', async () => {
    const edited = slides.map((s, i) => (i === 2 ? s.replace('Text of slide 3.', 'Edited text of slide 3.') : s));
    const pdf = await slidesPdf(edited);
    expect(warm.last).toBe('patched');
    expect(pdf.pages).toHaveLength(8);
    expect(pdf.pages[2]).toContain('Edited text of slide 3.');
    expect(pdf.pages[3]).toContain('Text of slide 4.');
  });

  it('loads afresh for a slide that gains an image, and prints it', async () => {
    const withImage = slides.map((s, i) => (i === 5 ? `${s}\n\n![A chart](chart.png)` : s));
    const pdf = await slidesPdf(withImage);
    expect(warm.last).toBe('loaded');
    expect(pdf.pages).toHaveLength(8);
    expect(pdf.pages[2]).toContain('Text of slide 3.');
    expect(pdf.pages[2]).not.toContain('Edited');
  });

  it('loads afresh for a slide added', async () => {
    const pdf = await slidesPdf([...slides, '## Slide 9\n\nA new slide.']);
    expect(warm.last).toBe('loaded');
    expect(pdf.pages).toHaveLength(9);
    expect(pdf.pages[8]).toContain('A new slide.');
  });

  it('fits a figure patched in as loading the page fits it: the whole of it above the footer, its proportions kept', async () => {
    const svg = (height: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 ${height}" width="300" height="${height}"><rect width="300" height="${height}" fill="#ff0000"/></svg>`;
    const figure = (height: number) => `## Slide 3\n\n### A subtitle\n\nA paragraph above the figure.\n\n${svg(height)}`;
    const nine = [...slides, '## Slide 9\n\nA new slide.'];
    await slidesPdf(nine.map((s, i) => (i === 2 ? figure(200) : s)));
    await slidesPdf(nine.map((s, i) => (i === 2 ? figure(600) : s)));
    expect(warm.last).toBe('patched');
    const box = redBox(pdfPagePixels(join(dir, `out-${builds}`, 'slides.pdf'), 3, 72));
    expect(box).toBeDefined();
    if (!box) return;
    // 72 dpi: 0.75 pixels a CSS pixel of the 1280 x 720 slide.
    const [height, width] = [(box.bottom - box.top + 1) / 0.75, (box.right - box.left + 1) / 0.75];
    expect(height).toBeLessThan(455);
    expect(height / width).toBeGreaterThan(1.94);
    expect(height / width).toBeLessThan(2.06);
    expect(box.bottom / 0.75).toBeLessThan(720 - 40);
  });
});
