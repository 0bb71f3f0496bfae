import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readBriefing } from '../../src/pipeline/read-briefing.js';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { run } from '../helpers/cli.js';
import { CORPUS } from '../helpers/paths.js';
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
