import { copyFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser as BriefBrowser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { readBriefing } from '../../src/pipeline/read-briefing.js';
import { printedOnly, printedSlides } from '../../src/render/printed-slides.js';
import { run, type CliRun } from '../helpers/cli.js';
import { CONTENT } from '../helpers/paths.js';

/** Every attribute that makes a browser load something, and every url() of the page's CSS. */
function references(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Element) => {
    for (const [name, value] of Object.entries(node.attribs ?? {})) {
      if (
        /^(src|href|xlink:href|srcset|poster|data|action|formaction|background|data-src|data-background(-image|-video|-iframe)?)$/i.test(
          name,
        )
      )
        found.push(...(name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value]));
      if (name === 'style') found.push(...cssUrls(value));
    }
    if (node.name === 'style') found.push(...cssUrls(textContent(node)));
    for (const child of node.children ?? [])
      if (child.type === 'tag' || child.type === 'style' || child.type === 'script') walk(child as Element);
  };
  for (const child of parseDocument(html).children) if (child.type === 'tag') walk(child as Element);
  return found;
}

function cssUrls(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*["']?([^"')]*)/gi)].map((m) => m[1] ?? '');
  const imports = [...css.matchAll(/@import\s+["']?([^"';\s]*)/gi)].map((m) => `@import ${m[1] ?? ''}`);
  return [...urls, ...imports];
}

const text = (html: string) => textContent(parseDocument(html)).replace(/\s+/g, ' ').trim();

describe('slides.html: the default briefing as one file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-onefile-'));
  const scratch = mkdtempSync(join(tmpdir(), 'rfc-brief-onefile-mail-'));
  const file = join(scratch, 'slides.html');
  const briefing = readBriefing(CONTENT, CONTENT);
  const slides = printedOnly(printedSlides(briefing.config, briefing.stacks));
  let built: CliRun;
  let html: string;
  let browser: Browser;
  let page: Page;
  const refused: string[] = [];

  /** Only the file itself may load (any query or fragment of it), and what is already inside it. */
  const confine = async (tab: Page) => {
    await tab.setRequestInterception(true);
    tab.on('request', (request) => {
      const url = request.url();
      if (url.replace(/[?#].*$/, '') === pathToFileURL(file).href || /^(data:|blob:|about:blank)/.test(url)) return void request.continue();
      refused.push(url);
      void request.abort('blockedbyclient');
    });
  };

  beforeAll(async () => {
    built = await run(['build', CONTENT, '--out', join(dir, 'dist'), '--only', 'html'], dir);
    // As a person who got it by mail has it: alone in a folder.
    copyFileSync(join(dir, 'dist/slides.html'), file);
    html = readFileSync(file, 'utf8');
    browser = await puppeteer.launch({
      executablePath: await findBrowser({ env: process.env, platform: process.platform }),
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    page = await browser.newPage();
    await confine(page);
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is written alone, its size in the listing and in build-report.json', () => {
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/slides\.html \(\d+\.\d KiB\)\n/);
    const report = JSON.parse(readFileSync(join(dir, 'dist/build-report.json'), 'utf8')) as { files: { path: string; bytes: number }[] };
    expect(report.files).toEqual([{ path: 'slides.html', bytes: statSync(file).size }]);
  });

  it('is reused from the cache when nothing changed: no browser starts, the same bytes', async () => {
    const launches = BriefBrowser.launches;
    const again = await run(['build', CONTENT, '--out', join(dir, 'again'), '--only', 'html'], dir);
    expect(again.code).toBe(0);
    expect(BriefBrowser.launches).toBe(launches);
    expect(again.rawStderr).toMatch(/write slides\.html \(unchanged, reused/);
    expect(readFileSync(join(dir, 'again/slides.html'), 'utf8')).toBe(html);
  });

  it('refers to nothing outside itself: every src, href and url() is a data: URL or a fragment', () => {
    const found = references(html);
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((url) => !/^(data:|#|blob:)/.test(url.trim()))).toEqual([]);
    expect(html).not.toMatch(/<link\b/i);
  });

  it('is smaller than the deck folder it replaces: only the fonts the slides use, latin only', () => {
    const faces = html.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThan(0);
    // The briefing is in English: the latin-ext files are not needed, nor unused weights.
    for (const face of faces) expect(face).not.toContain('U+0100-02BA');
    expect(faces.length).toBeLessThan(8);
    expect(statSync(file).size).toBeLessThan(600 * 1024);
  });

  it('shows every slide from the folder it was mailed to, with no network and its fonts', async () => {
    expect(await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides())).toBe(
      slides.length,
    );
    for (const slide of slides) {
      await page.evaluate(({ h, v }) => (window as unknown as { Reveal: { slide(h: number, v: number): void } }).Reveal.slide(h, v), slide);
      const shown = await page.evaluate(() => document.querySelector('.slides section.present:not(.stack)')?.textContent ?? '');
      expect(shown.replace(/\s+/g, ' '), `slide ${slide.number}`).toContain(slide.title.slice(0, 30));
    }
    expect(await page.evaluate(() => [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family))).toContain(
      'Inter',
    );
    await page.screenshot({ path: join(dir, 'deck.png') });
    expect(refused).toEqual([]);
  });

  it("opens the speaker view (S) from the file, and it shows each slide's notes", async () => {
    await page.evaluate(() => (window as unknown as { Reveal: { slide(h: number, v: number): void } }).Reveal.slide(0, 0));
    const opened = new Promise<Page>((resolve) => page.once('popup', (popup) => resolve(popup as Page)));
    await page.keyboard.press('s');
    const speaker = await opened;
    await confine(speaker);
    await speaker.waitForSelector('#current-slide iframe');
    const withNotes = slides.filter((slide) => slide.slide?.notes.html);
    expect(withNotes.length).toBeGreaterThan(5);
    for (const slide of withNotes) {
      await page.evaluate(({ h, v }) => (window as unknown as { Reveal: { slide(h: number, v: number): void } }).Reveal.slide(h, v), slide);
      const expected = text(slide.slide?.notes.html ?? '').slice(0, 60);
      await speaker.waitForFunction(
        (wanted: string) =>
          (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').replace(/\s+/g, ' ').includes(wanted),
        { timeout: 10_000 },
        expected,
      );
    }
    // The slide previews in the speaker view are the file itself, in frames.
    const frames = await speaker.evaluate(() => [...document.querySelectorAll('iframe')].map((frame) => frame.src.replace(/[?#].*$/, '')));
    expect(frames).toEqual([pathToFileURL(file).href, pathToFileURL(file).href]);
    await speaker.setViewport({ width: 1100, height: 700 });
    await speaker.screenshot({ path: join(dir, 'speaker.png') });
    expect(refused).toEqual([]);
  });
});
