import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { printPage } from '../../src/browser/print.js';
import { run } from '../helpers/cli.js';
import { CORPUS } from '../helpers/paths.js';
import { pagePixels, readPdf } from '../helpers/pdf.js';

// Code stepped through line by line beside ordinary fragments, and code with line numbers only.
const DECK = `---
title: Code steps
author: Ann
theme: THEME
---

## Steps through code

\`\`\`js [1|3-5|7]
const answer = 42;

function ask(question) {
  return answer;
}

console.log(ask('why?'));
\`\`\`

Note: The code, a step at a time.

---

## Fragments and code

- first <!-- .element: class="fragment" -->
- second <!-- .element: class="fragment" -->

\`\`\`python [|2]
def f():
    return 1
\`\`\`

Note: Two fragments, then two steps.

---

## Numbers only

\`\`\`rust [25: 1,3]
fn main() {
    let x = 1;
    println!("{}", x);
}
\`\`\`

Note: Line numbers from 25.
`;

/** How often `text` is printed on each page: a step's copy of the code prints once it shows. */
const times = (pages: readonly string[], text: string) => pages.map((page) => page.split(text).length - 1);

async function pageLabels(path: string): Promise<string[] | null> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false }).promise;
  const labels = await doc.getPageLabels();
  await doc.destroy();
  return labels;
}

describe('code steps printed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-code-steps-'));
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
  beforeAll(() => {
    for (const theme of ['light', 'dark']) {
      mkdirSync(join(dir, theme));
      writeFileSync(join(dir, theme, 'deck.md'), DECK.replace('THEME', theme));
    }
  });
  afterAll(() => browser.dispose());

  /** reveal.js's own print of the deck rfc-brief wrote: the page rfc-brief's static print page stands in for. */
  async function revealPrint(out: string): Promise<Buffer[]> {
    const warnings: Diagnostic[] = [];
    const bytes = await printPage(
      browser,
      {
        htmlPath: join(out, 'slides/index.html'),
        allowedDir: join(out, 'slides'),
        query: 'print-pdf',
        readyEvent: 'pdf-ready',
        timeoutMs: 60_000,
      },
      warnings,
    );
    writeFileSync(join(out, 'reveal.pdf'), bytes);
    return pagePixels(join(out, 'reveal.pdf'));
  }

  it.each(['light', 'dark'])('slides.pdf shows each slide at its last step, as reveal.js prints it (%s theme)', async (theme) => {
    const out = join(dir, `${theme}-out`);
    const result = await run(['build', theme, '--out', out], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const slides = (await readPdf(join(out, 'slides.pdf'))).pages;
    expect(slides).toHaveLength(4);
    // Every copy of the code shows: the original and one per further step, the last on top.
    expect(times(slides, 'const answer = 42;')).toEqual([0, 3, 0, 0]);
    expect(slides[2]).toMatch(/first.*second/);
    // Its lines numbered from 25 (the numbers are generated content: printed as text too).
    expect(slides[3]).toContain('let x = 1;');
    for (const number of ['25', '26', '27', '28']) expect(slides[3]).toContain(number);
    const ours = pagePixels(join(out, 'slides.pdf'));
    const theirs = await revealPrint(out);
    expect(theirs).toHaveLength(4);
    ours.forEach((page, index) => expect(page.equals(theirs[index] as Buffer), `page ${index + 1}`).toBe(true));
  });

  it('the handout shows each slide once, as the slide, and the report the code once, plain', async () => {
    const out = join(dir, 'light-out');
    const handout = (await readPdf(join(out, 'handout.pdf'))).pages;
    expect(handout).toHaveLength(2);
    expect(handout[0]).toContain('The code, a step at a time.');
    expect(times(handout, 'const answer = 42;')).toEqual([3, 0]);
    const report = (await readPdf(join(out, 'report.pdf'))).pages.join(' ');
    expect(times([report], 'const answer = 42;')).toEqual([1]);
    expect(report).toContain('fn main() {');
    expect(report).not.toMatch(/\b25 fn main/);
    expect(readFileSync(join(out, 'report/index.html'), 'utf8')).not.toMatch(/hljs-ln|<code[^>]*fragment/);
  });

  it('--pdf-separate-fragments prints a page per step, labelled and numbered as reveal.js prints them', async () => {
    const out = join(dir, 'separate-out');
    const result = await run(['build', 'light', '--out', out, '--pdf-separate-fragments'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/slides\.pdf \([\d.]+ KiB, 9 pages\)/);
    const labels = ['1', '2', '2.1', '2.2', '3', '3.1', '3.2', '3.3', '4'];
    expect(await pageLabels(join(out, 'slides.pdf'))).toEqual(labels);
    const slides = (await readPdf(join(out, 'slides.pdf'))).pages;
    slides.forEach((page, index) => expect(page.endsWith(` ${labels[index]}`) || index === 0, `page ${index + 1}`).toBe(true));
    // The code's copies show one step after the other; the list's items before the code's steps.
    expect(times(slides, 'const answer = 42;')).toEqual([0, 1, 2, 3, 0, 0, 0, 0, 0]);
    expect(times(slides, 'first')).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 0]);
    expect(times(slides, 'second')).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 0]);
    expect(times(slides, 'return 1')).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 0]);
    const ours = pagePixels(join(out, 'slides.pdf'));
    const theirs = await revealPrint(out);
    expect(theirs).toHaveLength(9);
    ours.forEach((page, index) => expect(page.equals(theirs[index] as Buffer), `page ${index + 1}`).toBe(true));
    // The handout keeps one frame per slide: its last step.
    const handout = (await readPdf(join(out, 'handout.pdf'))).pages;
    expect(handout).toHaveLength(2);
    expect(times(handout, 'const answer = 42;')).toEqual([3, 0]);
    expect(handout[0]).toMatch(/first.*second/);
  });

  it('the deck steps through the code in reveal.js, one fragment per step', async () => {
    const out = join(dir, 'light-out');
    const shown = await browser.withPage(async (page) => {
      await page.goto(`${pathToFileURL(join(out, 'slides/index.html')).href}#/1`);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      const step = () =>
        page.evaluate(() => {
          const reveal = (window as unknown as { Reveal: { next(): void } }).Reveal;
          reveal.next();
          return [...document.querySelectorAll('section.present pre code')].map((code) => code.className);
        });
      return [await step(), await step()];
    });
    const code = 'hljs language-js has-highlights';
    const copy = 'hljs language-js fragment has-highlights';
    expect(shown).toEqual([
      [code, `${copy} visible current-fragment`, copy],
      [code, `${copy} visible`, `${copy} visible current-fragment`],
    ]);
  });
});

describe('a corpus deck with code steps in the real reveal.js', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-bugli-'));
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
  afterAll(() => browser.dispose());

  it("bugli-collaborazione has reveal-md's 102 fragments, 45 of them code steps", async () => {
    const out = join(dir, 'out');
    const result = await run(
      ['build', join(CORPUS, 'reveal-md-decks/bugli-collaborazione/README.md'), '--out', out, '--no-pdf', '--force'],
      dir,
    );
    expect([0, 1]).toContain(result.code);
    const counted = await browser.withPage(async (page) => {
      await page.goto(pathToFileURL(join(out, 'slides/index.html')).href);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      return page.evaluate(() => {
        const slides = (window as unknown as { Reveal: { getSlides(): HTMLElement[] } }).Reveal.getSlides();
        const count = (selector: string) => slides.reduce((sum, slide) => sum + slide.querySelectorAll(selector).length, 0);
        return { fragments: count('.fragment'), code: count('pre code.fragment') };
      });
    });
    expect(counted).toEqual({ fragments: 102, code: 45 });
  });
});
