import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find-browser.js';
import { run, type CliRun } from '../helpers/cli.js';
import { pdfPagePixels, redBox } from '../helpers/images.js';

// A red box twice as tall as it is wide: where it is drawn, and whether it kept its shape, can
// be read off the printed page's pixels.
const TALL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 600" width="300" height="600"><rect width="300" height="600" fill="#ff0000"/></svg>';

const FITS = `## A tall figure under a subtitle and a paragraph

### The subtitle takes a line

A paragraph above the figure takes another line.

![A tall red box](tall.svg)

Note: The figure is shrunk to the room the text leaves.
`;

// reveal.js's themes set larger type: a title and a paragraph leave less room than 600 px.
const FITS_SKY = `## A tall figure

A paragraph above the figure.

![A tall red box](tall.svg)

Note: The figure is shrunk to the room the text leaves.
`;

// Six list items leave less than half the figure's height: shrinking it that far is refused.
const TOO_TALL = `## Far too tall for the room

### A subtitle

- one
- two
- three
- four
- five
- six

![A tall red box](tall.svg)

Note: The figure would have to be shrunk below half its height.
`;

function writeDeck(dir: string, name: string, markdown: string): void {
  mkdirSync(join(dir, name));
  writeFileSync(join(dir, name, 'deck.md'), markdown);
  writeFileSync(join(dir, name, 'tall.svg'), TALL_SVG);
}

describe('a figure under text is shrunk to the room left on its slide, keeping its proportions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-fit-figures-'));
  let built: CliRun;
  beforeAll(async () => {
    writeDeck(dir, 'fits', FITS);
    writeDeck(dir, 'too-tall', TOO_TALL);
    writeDeck(dir, 'fits-sky', FITS_SKY);
    built = await run(['build', 'fits', '--only', 'slides,deck'], dir);
  });

  it('prints the whole figure above the footer, smaller than the theme draws it and as tall as it is wide twice', () => {
    expect([built.code, built.stderr]).toEqual([0, '']);
    const page = pdfPagePixels(join(dir, 'dist/slides.pdf'), 1, 72);
    const box = redBox(page);
    expect(box).toBeDefined();
    if (!box) return;
    // 72 dpi: a 1280 x 720 px slide is 960 x 540 pixels, 0.75 a CSS pixel.
    const [height, width] = [(box.bottom - box.top + 1) / 0.75, (box.right - box.left + 1) / 0.75];
    expect(height).toBeLessThan(455); // the theme caps an image at 460 px
    expect(height).toBeGreaterThan(230); // never below half
    expect(height / width).toBeGreaterThan(1.94);
    expect(height / width).toBeLessThan(2.06);
    expect(box.bottom / 0.75).toBeLessThan(720 - 40); // above the footer band
  });

  it('check finds nothing: the overflow it measures is the figure fitted', async () => {
    const checked = await run(['check', 'fits'], dir);
    expect([checked.code, checked.stdout]).toEqual([0, expect.stringMatching(/no problems found/)]);
  });

  it('is fitted the same in the deck a person opens', async () => {
    const browser = await puppeteer.launch({
      executablePath: await findBrowser({ env: process.env, platform: process.platform }),
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(pathToFileURL(join(dir, 'dist/slides/index.html')).href, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
      await page.waitForFunction(() => document.querySelector<HTMLElement>('section.present img')?.style.maxHeight !== '');
      const drawn = await page.evaluate(() => {
        const slide = document.querySelector<HTMLElement>('section.present') as HTMLElement;
        const image = slide.querySelector('img') as HTMLImageElement;
        const scale = slide.getBoundingClientRect().height / slide.offsetHeight;
        const [s, i] = [slide.getBoundingClientRect(), image.getBoundingClientRect()];
        return {
          height: i.height / scale,
          width: i.width / scale,
          bottom: (i.bottom - s.top) / scale,
          room: slide.clientHeight - parseFloat(getComputedStyle(slide).paddingBottom),
        };
      });
      expect(drawn.height).toBeLessThan(455);
      expect(drawn.height / drawn.width).toBeCloseTo(2, 1);
      expect(drawn.bottom).toBeLessThanOrEqual(drawn.room + 1);
    } finally {
      await browser.close();
    }
  });

  it('under a reveal.js theme too (reveal.js lays the print out and centres the slide; 118 px too tall unfitted)', async () => {
    const sky = await run(['build', 'fits-sky', '--only', 'slides', '--theme', 'sky', '--out', 'sky'], dir);
    expect([sky.code, sky.stderr]).toEqual([0, '']);
    const box = redBox(pdfPagePixels(join(dir, 'sky/slides.pdf'), 1, 72));
    expect(box).toBeDefined();
    if (!box) return;
    const ratio = (box.bottom - box.top + 1) / (box.right - box.left + 1);
    expect(box.bottom).toBeLessThan(pdfPagePixels(join(dir, 'sky/slides.pdf'), 1, 72).height - 1);
    expect(ratio).toBeGreaterThan(1.94);
    expect(ratio).toBeLessThan(2.06);
  });

  it('a figure that would have to shrink below half its height is left as it was, and the slide is an overflow error', async () => {
    const result = await run(['build', 'too-tall', '--only', 'slides', '--out', 'too-tall-out', '--force'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /too-tall\/deck\.md:1: error: slide 1 "Far too tall for the room" overflows the slide: its content is \d+ px too tall \[overflow\]/,
    );
    // As the theme draws it: 460 px tall, so 230 px wide (its bottom is off the page, its width is not).
    const box = redBox(pdfPagePixels(join(dir, 'too-tall-out/slides.pdf'), 1, 72));
    expect(box).toBeDefined();
    if (!box) return;
    expect((box.right - box.left + 1) / 0.75).toBeGreaterThan(225);
    expect((box.right - box.left + 1) / 0.75).toBeLessThan(235);
  });
});
