import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { screenshotTabs } from '../../src/browser/screenshots.js';
import { run, type CliRun } from '../helpers/cli.js';
import { blocks, compare, decodePng, imageSize, pdfPagePixels } from '../helpers/images.js';
import { CONTENT } from '../helpers/paths.js';
import { readPdf } from '../helpers/pdf.js';

const files = (dir: string) => readdirSync(dir);
const size = (path: string) => imageSize(readFileSync(path));

/**
 * An image and a PDF page rendered by pdftoppm at the same scale, in 4×4 blocks: pdftoppm and
 * Chromium smooth glyph edges each their own way (1–1.5 % of pixels differ, by up to 255), which
 * averages out over a block; a glyph, a line or a shape elsewhere does not. Measured on the
 * default briefing: the same slide 2.1–2.3 mean difference and at most 0.01 % of blocks off by
 * more than 96; a neighbouring slide 8 or more, and 3.7 % or more.
 */
const SAME_PAGE = { meanDifference: 4, differentShare: 0.001 };

describe('the slide images of the default briefing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-images-'));
  const out = join(dir, 'dist');
  const images = join(out, 'slides-images');
  let built: CliRun;
  let pages: number;

  beforeAll(async () => {
    built = await run(['build', CONTENT, '--out', out, '--only', 'slides,images'], dir);
    pages = (await readPdf(join(out, 'slides.pdf'))).pages.length;
  });

  it('are one PNG per printed slide, named so that they sort, with a preview of the title slide', () => {
    expect(built.code).toBe(0);
    const names = files(images);
    expect(pages).toBeGreaterThan(10);
    const numbered = names.filter((name) => name !== 'preview.png');
    expect(numbered).toHaveLength(pages);
    expect(numbered).toEqual(Array.from({ length: pages }, (_, i) => `${String(i + 1).padStart(3, '0')}.png`));
    expect([...names].sort()).toEqual(names.sort());
    expect(names).toContain('preview.png');
  });

  it('are the size of the slide (1280×720); the preview 1200 wide', () => {
    for (const name of files(images).filter((n) => n !== 'preview.png'))
      expect(size(join(images, name)), name).toEqual({ width: 1280, height: 720, type: 'png' });
    expect(size(join(images, 'preview.png'))).toEqual({ width: 1200, height: 675, type: 'png' });
  });

  it('are listed with their count and size, in the build listing and in build-report.json', () => {
    const bytes = files(images).reduce((sum, name) => sum + statSync(join(images, name)).size, 0);
    expect(built.stdout).toMatch(new RegExp(`slides-images \\(\\d+\\.\\d [KM]iB, ${pages} pages\\)`));
    const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) as { files: unknown[]; stages: { stage: string }[] };
    expect(report.files).toContainEqual({ path: 'slides-images', bytes, pages });
    expect(report.stages.map((s) => s.stage)).toContain('slides-images');
    expect(built.rawStderr).toMatch(/rfc-brief: take the slide images \(\d+ pages, [\d.]+ m?s\)/);
  });

  it('show what the PDF page shows, as pdftoppm draws it at the same scale', () => {
    const pdf = join(out, 'slides.pdf');
    for (const page of [1, 2, 6, pages]) {
      const image = decodePng(readFileSync(join(images, `${String(page).padStart(3, '0')}.png`)));
      const difference = compare(blocks(image, 4), blocks(pdfPagePixels(pdf, page, 96), 4));
      expect(difference.meanDifference, `page ${page}`).toBeLessThan(SAME_PAGE.meanDifference);
      expect(difference.differentShare, `page ${page}`).toBeLessThan(SAME_PAGE.differentShare);
    }
    // The tolerance tells slides apart: an image against the next page is far outside it.
    const image = decodePng(readFileSync(join(images, '004.png')));
    expect(compare(blocks(image, 4), blocks(pdfPagePixels(pdf, 5, 96), 4)).meanDifference).toBeGreaterThan(2 * SAME_PAGE.meanDifference);
  });

  it('at --image-scale 2 have twice the pixels, and match the PDF drawn at twice the resolution', async () => {
    const result = await run(['build', CONTENT, '--out', join(dir, 'twice'), '--only', 'images', '--image-scale', '2'], dir);
    expect(result.code).toBe(0);
    expect(size(join(dir, 'twice/slides-images/002.png'))).toEqual({ width: 2560, height: 1440, type: 'png' });
    const image = decodePng(readFileSync(join(dir, 'twice/slides-images/002.png')));
    const difference = compare(blocks(image, 8), blocks(pdfPagePixels(join(out, 'slides.pdf'), 2, 192), 8));
    expect(difference.meanDifference).toBeLessThan(SAME_PAGE.meanDifference);
    expect(size(join(dir, 'twice/slides-images/preview.png'))).toEqual({ width: 1200, height: 675, type: 'png' });
  });

  it('are JPEG on request, at any scale, from the front matter or the command line', async () => {
    const deck = join(dir, 'deck');
    mkdirSync(deck);
    writeFileSync(join(deck, 'deck.md'), '---\ntitle: Small\nimageFormat: jpeg\n---\n## One\n\nNote: a.\n\n---\n\n## Two\n\nNote: b.\n');
    expect((await run(['build', 'deck', '--out', 'jpeg', '--only', 'images'], dir)).code).toBe(0);
    expect(files(join(dir, 'jpeg/slides-images'))).toEqual(['001.jpg', '002.jpg', 'preview.png']);
    expect(size(join(dir, 'jpeg/slides-images/002.jpg'))).toEqual({ width: 1280, height: 720, type: 'jpeg' });
    const small = await run(['build', 'deck', '--out', 'small', '--only', 'images', '--image-scale', '0.5'], dir);
    expect(small.code).toBe(0);
    expect(size(join(dir, 'small/slides-images/001.jpg'))).toEqual({ width: 640, height: 360, type: 'jpeg' });
    const png = await run(['build', 'deck', '--out', 'png', '--only', 'images', '--image-format', 'png'], dir);
    expect(files(join(dir, 'png/slides-images'))).toEqual(['001.png', '002.png', 'preview.png']);
    expect(png.code).toBe(0);
  });

  it('are reused from the cache when nothing changed: no browser starts', async () => {
    const launches = Browser.launches;
    const again = await run(['build', CONTENT, '--out', out, '--only', 'slides,images'], dir);
    expect(again.code).toBe(0);
    expect(Browser.launches).toBe(launches);
    expect(again.rawStderr).toMatch(/take the slide images \(\d+ pages, unchanged, reused/);
    expect(files(images)).toHaveLength(pages + 1);
  });
});

describe('a slide that overflows', () => {
  const TALL = `---\ntitle: Cut off\ntitleSlide: true\n---\n## Fine\n\nNote: said.\n\n---\n\n## Far too tall\n\n${Array.from({ length: 16 }, (_, i) => `- bullet ${i + 1}`).join('\n')}\n\nNote: too long.\n`;

  it('fails a build of the images as it fails one of slides.pdf, and is reported once when both are made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-images-tall-'));
    mkdirSync(join(dir, 'tall'));
    writeFileSync(join(dir, 'tall/deck.md'), TALL);
    const line = /tall\/deck\.md:11: error: slide 3 "Far too tall" overflows the slide: its content is \d+ px too tall \[overflow\]/g;
    const images = await run(['build', 'tall', '--out', 'images-out', '--only', 'images'], dir);
    expect(images.code).toBe(1);
    expect(images.stderr.match(line)).toHaveLength(1);
    const pdf = await run(['build', 'tall', '--out', 'pdf-out', '--only', 'slides'], dir);
    expect(images.stderr.match(line)).toEqual(pdf.stderr.match(line));
    const both = await run(['build', 'tall', '--out', 'both', '--only', 'slides,images', '--force'], dir);
    expect(both.stderr).toMatch(/the build found 1 problem; written anyway/);
    const report = JSON.parse(readFileSync(join(dir, 'both/build-report.json'), 'utf8')) as { warnings: { code: string }[] };
    expect(report.warnings.filter((w) => w.code === 'overflow')).toHaveLength(1);
  });
});

describe('a deck long enough to be taken in two tabs', () => {
  const SLIDES = 41;
  const deck = Array.from({ length: SLIDES }, (_, i) => `## Slide ${i + 1}\n\n${'word '.repeat(i + 1)}\n\nNote: ${i + 1}.`).join(
    '\n\n---\n\n',
  );

  it('has one image per printed slide, each decoding to the slide size and showing its own PDF page, across the tabs', async () => {
    expect(screenshotTabs(1, SLIDES)).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-images-tabs-'));
    mkdirSync(join(dir, 'long'));
    writeFileSync(join(dir, 'long/deck.md'), `---\ntitle: Long\n---\n${deck}\n`);
    const result = await run(['build', 'long', '--out', 'out', '--only', 'slides,images'], dir);
    expect(result.code).toBe(0);
    const images = join(dir, 'out/slides-images');
    const pdf = join(dir, 'out/slides.pdf');
    const pages = (await readPdf(pdf)).pages.length;
    const numbered = files(images).filter((name) => name !== 'preview.png');
    expect(numbered).toHaveLength(pages);
    for (const name of numbered) expect(decodePng(readFileSync(join(images, name))), name).toMatchObject({ width: 1280, height: 720 });
    // The first tab takes pages 1–21, the second 22–41: each side of the seam is its own page.
    for (const page of [1, 21, 22, pages]) {
      const image = decodePng(readFileSync(join(images, `${String(page).padStart(3, '0')}.png`)));
      const difference = compare(blocks(image, 4), blocks(pdfPagePixels(pdf, page, 96), 4));
      expect(difference.meanDifference, `page ${page}`).toBeLessThan(SAME_PAGE.meanDifference);
    }
    expect(size(join(images, 'preview.png'))).toEqual({ width: 1200, height: 675, type: 'png' });
  });
});
