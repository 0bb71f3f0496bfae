import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readBriefing } from '../../src/pipeline/read-briefing.js';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { run } from '../helpers/cli.js';
import { CORPUS, fixture } from '../helpers/paths.js';
import { readPdf } from '../helpers/pdf.js';

// Decks written by others build, and the real reveal.js counts the slides SOURCE.txt says it does.
const decks: [file: string, slides: number][] = [
  ['reveal-md-demo/a.md', 4],
  ['reveal-md-demo/b.md', 3],
  ['reveal-md-demo/c.md', 3],
  ['reveal-md-demo/c-old-custom-separators.md', 4],
  ['reveal-md-demo/e.md', 1],
  ['reveal-md-demo/sub/c.md', 4],
  ['reveal-md-demo/sub/deep/d.md', 5],
  ['reveal-md-demo/demo-mermaid/mermaid.md', 2],
  ['reveal-md-demo/test-fixtures/a.md', 4],
  ['pba-templates/0-how-to-use-reveal-slides.md', 7],
  ['pba-templates/1-copy-paste-reveal-template-slides.md', 13],
];

describe('corpus decks in the real reveal.js and Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-corpus-'));
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
  afterAll(() => browser.dispose());

  it.each(decks)('%s: %i slides in reveal.js and in the PDF', async (file, slides) => {
    const out = join(dir, file.replace(/\W+/g, '-'));
    // Others' decks come without some of their images and with slides that overflow: what
    // `check` finds fails the build, so these are forced (written anyway); nothing else may fail.
    const result = await run(['build', join(CORPUS, file), '--out', out, '--force'], dir);
    expect(result.stderr).not.toMatch(/^error(?!\[CHECK_FAILED\]: the build found \d+ problems?; written anyway)/m);
    const titleSlide = readBriefing(join(CORPUS, file), CORPUS).config.meta.titleSlide ? 1 : 0;
    const total = await browser.withPage(async (page) => {
      await page.goto(pathToFileURL(join(out, 'slides/index.html')).href);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      return page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
    });
    expect(total).toBe(slides + titleSlide);
    expect((await readPdf(join(out, 'slides.pdf'))).pages).toHaveLength(slides + titleSlide);
  });
});

// Three reveal-md decks printed end to end: the deck reveal.js shows and the slides PDF have the
// slides reveal-md gives (test/fixtures/reveal-md-oracle.json; test/corpus-reveal-md.test.ts
// compares every deck's model without a browser). valorcz-bigdata puts a heading beside a raw
// <section>: reveal.js's print layout would leave that heading on a page of its own.
const oracle = JSON.parse(readFileSync(fixture('reveal-md-oracle.json'), 'utf8')) as {
  decks: Record<string, { total: number; horizontal: number; headings: string[] }>;
};
const printed = [
  'reveal-md-decks/valorcz-bigdata/slides.md',
  'reveal-md-decks/nevermendel-boilerplate/slides.md',
  'reveal-md-decks/anxodio-kanban/slides.md',
];

describe('reveal-md decks in the real reveal.js and Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-reveal-md-'));
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
  afterAll(() => browser.dispose());

  it.each(printed)("%s: reveal-md's slides in reveal.js, one PDF page each, none blank", async (file) => {
    const expected = oracle.decks[file];
    if (!expected) throw new Error(`no oracle values for ${file}`);
    const out = join(dir, file.replace(/\W+/g, '-'));
    // Others' decks have problems of their own (missing images, overflowing slides): written anyway.
    const result = await run(['build', join(CORPUS, file), '--out', out, '--only', 'deck,slides', '--force'], dir);
    expect(result.stderr).not.toMatch(/^error\[(?!CHECK_FAILED)/m);
    expect([0, 1]).toContain(result.code);
    const shown = await browser.withPage(async (page) => {
      await page.goto(pathToFileURL(join(out, 'slides/index.html')).href);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      return page.evaluate(() => {
        const reveal = (window as unknown as { Reveal: { getTotalSlides(): number; getHorizontalSlides(): unknown[] } }).Reveal;
        return { total: reveal.getTotalSlides(), horizontal: reveal.getHorizontalSlides().length };
      });
    });
    expect(shown).toEqual({ total: expected.total, horizontal: expected.horizontal });
    const pdf = await readPdf(join(out, 'slides.pdf'));
    expect(pdf.pages).toHaveLength(expected.total);
    // No page holds only its slide number: each shows its slide's heading, or some text of its own.
    pdf.pages.forEach((text, index) => {
      const heading = expected.headings[index] ?? '';
      expect(text.replace(/\s*\d+(\s*\/\s*\d+)?$/, '')).not.toBe('');
      if (heading !== '') expect(text.toLowerCase()).toContain(heading.toLowerCase());
    });
  });
});
