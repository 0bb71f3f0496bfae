import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { measureOverflow } from '../../src/browser/overflow.js';
import { contrast } from '../../src/config/palette.js';
import { resolveTheme } from '../../src/config/themes.js';
import type { Diagnostic } from '../../src/errors.js';
import { PRINT_READY_EVENT } from '../../src/render/print-centre.js';
import { run } from '../helpers/cli.js';
import { fixture, ROOT } from '../helpers/paths.js';
import { readPdf } from '../helpers/pdf.js';

/** The themes the README lists as supported: the test follows the README, not a copy of it. */
function listedThemes(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const list = /Supported themes \([^)]*\):([^.]*)\./.exec(readme)?.[1] ?? '';
  return [...list.matchAll(/`([\w-]+)`/g)].map((match) => match[1] ?? '');
}

const THEMES = listedThemes();
/** WCAG 2's minimum for graphics and large text. */
const MIN_CONTRAST = 3;

interface Box {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The colours the figure's text is filled with. */
  readonly fills: readonly string[];
}

/** Where each drawn figure sits on its page, in CSS pixels of the print layout. */
async function figureBoxes(browser: Browser, deck: string): Promise<Box[]> {
  return browser.withPage(async (page) => {
    await page.goto(`file://${deck}?print-pdf`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0);
    return page.evaluate(() =>
      [...document.querySelectorAll('.pdf-page')].flatMap((pdfPage, index) => {
        const origin = pdfPage.getBoundingClientRect();
        return [...pdfPage.querySelectorAll('figure.drawn svg')].map((svg) => {
          const r = svg.getBoundingClientRect();
          const hex = (rgb: string) =>
            `#${(rgb.match(/\d+/g) ?? [])
              .slice(0, 3)
              .map((c) => Number(c).toString(16).padStart(2, '0'))
              .join('')}`;
          const fills = [...svg.querySelectorAll('text')].filter((t) => t.textContent?.trim()).map((t) => hex(getComputedStyle(t).fill));
          return { page: index, x: r.x - origin.x, y: r.y - origin.y, width: r.width, height: r.height, fills: [...new Set(fills)] };
        });
      }),
    );
  });
}

/**
 * The ink of a figure as printed: the page rendered from the PDF (one pixel per CSS pixel), the
 * figure's box cut out, its most common colour taken as the background and the contrast that
 * the brightest 1 % of the rest reaches against it. A figure missing from the PDF has none.
 */
function inkContrast(pdf: string, box: Box): number {
  const page = `${box.page + 1}`;
  const ppm = execFileSync('pdftoppm', ['-scale-to-x', '1280', '-scale-to-y', '-1', '-f', page, '-l', page, pdf], { maxBuffer: 64 << 20 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  const [width, offset] = [Number(header[1]), header[0].length];
  const colours: string[] = [];
  for (let y = Math.floor(box.y); y < box.y + box.height; y++)
    for (let x = Math.floor(box.x); x < box.x + box.width; x++) {
      const at = offset + (y * width + x) * 3;
      colours.push(`#${[...ppm.subarray(at, at + 3)].map((c) => c.toString(16).padStart(2, '0')).join('')}`);
    }
  const counts = new Map<string, number>();
  for (const colour of colours) counts.set(colour, (counts.get(colour) ?? 0) + 1);
  const background = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '#000000';
  const ink = colours
    .filter((colour) => colour !== background)
    .map((colour) => contrast(colour, background))
    .sort((a, b) => b - a);
  // Fewer than 0.5 % of the box in another colour than the background: nothing is drawn.
  if (ink.length < colours.length * 0.005) return 1;
  return ink[Math.floor(ink.length * 0.01)] ?? 1;
}

describe('every theme the README lists, end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-themes-'));
  cpSync(fixture('all-themes'), join(dir, 'deck'), { recursive: true });
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
  afterAll(() => browser.dispose());

  it('lists light, dark and the reveal.js themes', () => {
    expect(THEMES).toEqual(expect.arrayContaining(['light', 'dark', 'black', 'sky', 'solarized', 'league', 'serif']));
  });

  it('sky: a centred slide whose title wraps at the slide width keeps all of it on its page', async () => {
    // reveal.js measured this slide's height before giving it its width (two title lines, not
    // three), placed it too low, and its list fell off the printed page (print-centre.ts).
    const out = join(dir, 'sky-briefing');
    const built = await run(['build', join(ROOT, 'content'), '--theme', 'sky', '--only', 'slides', '--out', out], dir);
    expect(built.code).toBe(0);
    const { pages } = await readPdf(join(out, 'slides.pdf'));
    const page = (pages[6] ?? '').replace(/\s+/g, ' ');
    expect(page).toContain('FOUR MECHANISMS');
    for (const item of ['Memory: map', 'Transitions: move', 'System calls: handle', 'Exceptions: trap']) expect(page).toContain(item);
  });

  it.each(THEMES)('%s: every page has its text, nothing overflows, figures read on the background', async (theme) => {
    const out = join(dir, theme);
    const built = await run(['build', 'deck', '--theme', theme, '--only', 'deck,slides', '--out', out], dir);
    // Nothing refused (a Google Fonts import would be), no other warning.
    expect([built.code, built.stderr]).toEqual([0, '']);
    const pdf = join(out, 'slides.pdf');

    const { pages } = await readPdf(pdf);
    expect(pages).toHaveLength(5);
    const expected = [
      // Word by word: a theme's text-shadow (beige) prints each line twice, interleaved.
      ['rather', 'title', 'deprivileged', 'operations', 'guests', 'subtitle', 'Tester'],
      ['Round trips', 'native', 'deprivileged', 'mode'],
      ['Guest', 'Hypervisor', 'Deprivileged'],
      ['hypercall', 'page fault', 'interrupt', 'measured on the test machine', 'Costs per operation'],
      // A layout and a callout (issue 17), measured region by region.
      ['Columns', 'wider column', 'Approve it?', 'board decides', 'narrower column'],
    ];
    for (const [index, words] of expected.entries())
      for (const word of words) expect(pages[index]?.toLowerCase(), `page ${index + 1}`).toContain(word.toLowerCase());

    const warnings: Diagnostic[] = [];
    const deck = join(out, 'slides/index.html');
    const request = {
      htmlPath: deck,
      allowedDir: join(out, 'slides'),
      query: 'print-pdf',
      readyEvent: PRINT_READY_EVENT,
      timeoutMs: 60_000,
    };
    expect(await measureOverflow(browser, request, warnings)).toEqual([]);
    expect(warnings).toEqual([]);

    const { background } = resolveTheme(theme, undefined).palette;
    const boxes = await figureBoxes(browser, deck);
    expect(boxes.map((box) => box.page)).toEqual([1, 2]);
    for (const box of boxes) {
      expect(box.fills.length, `text in the figure on page ${box.page + 1}`).toBeGreaterThan(0);
      for (const colour of box.fills)
        expect(contrast(colour, background), `figure text on page ${box.page + 1} in ${colour}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(inkContrast(pdf, box), `the figure on page ${box.page + 1}, as printed`).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });

  // The default briefing, every layout it uses (columns, an image split, a big number beside its
  // chart, callouts), under each theme: reveal.js's themes set larger type than ours (issue 19).
  it.each(THEMES)('%s: the default briefing passes check (nothing overflows, no region, no slide)', async (theme) => {
    const checked = await run(['check', join(ROOT, 'content'), '--theme', theme], dir);
    expect([checked.code, checked.stderr.split('\n').filter((line) => /error|warning/.test(line))]).toEqual([0, []]);
    expect(checked.stdout + checked.stderr).toMatch(/\d+ slides checked: no problems found/);
  });
});
