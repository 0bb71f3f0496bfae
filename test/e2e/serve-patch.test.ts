import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { EventStream } from '../helpers/events.js';

const TALL = Array.from({ length: 30 }, (_, i) => `line ${i}<br>`).join('');
const DECK = `---
title: Patch fixture
titleSlide: true
---
## One

First slide.

Note: one.

---

## Two

<p class="fragment">Step A</p>
<p class="fragment">Step B</p>
<div id="tall" style="height:120px;overflow:auto">${TALL}</div>

Original two

Note: two.

---

## Three

Third slide.

Note: three.
`;
const WAIT_MS = 20_000;

interface PageState {
  alive: boolean;
  h: number;
  v: number;
  f: number | undefined;
  total: number;
  current: string;
  visibleFragments: number;
  tallScroll: number | undefined;
  touched: number[];
}

type Reveal = {
  isReady(): boolean;
  getIndices(): { h: number; v: number; f?: number };
  getTotalSlides(): number;
  getCurrentSlide(): HTMLElement;
  slide(h: number, v?: number, f?: number): void;
  next(): void;
};
type Watched = Window & { Reveal: Reveal; __alive?: boolean; __touched?: Set<number> };

/** Marks the page (a reload loses the mark) and notes which top-level slides get new content. */
const watch = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Watched;
    w.__alive = true;
    w.__touched = new Set();
    const holder = document.querySelector('.reveal .slides') as HTMLElement;
    new MutationObserver((records) => {
      for (const record of records) {
        let top: Node | null = record.target;
        while (top && top.parentNode !== holder) top = top.parentNode;
        const index = [...holder.children].filter((el) => el.tagName === 'SECTION').indexOf(top as Element);
        if (index >= 0) w.__touched?.add(index);
      }
    }).observe(holder, { childList: true, subtree: true });
  });

const state = (page: Page): Promise<PageState> =>
  page.evaluate(() => {
    const w = window as unknown as Watched;
    const { h, v, f } = w.Reveal.getIndices();
    const current = w.Reveal.getCurrentSlide();
    return {
      alive: w.__alive === true,
      h,
      v,
      f,
      total: w.Reveal.getTotalSlides(),
      current: current.textContent ?? '',
      visibleFragments: current.querySelectorAll('.fragment.visible').length,
      tallScroll: current.querySelector('#tall')?.scrollTop,
      touched: [...(w.__touched ?? [])],
    };
  });

const shows = (page: Page, text: string) =>
  page.waitForFunction((t: string) => document.querySelector('.reveal .slides')?.textContent?.includes(t), { timeout: WAIT_MS }, text);

describe('rfc-brief serve patches the open deck', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-serve-patch-'));
  const file = join(dir, 'deck/01.md');
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 30_000, ['127.0.0.1']);
  let server: RunningServer;
  let page: Page;
  let closePage: () => void;
  const edit = (from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

  beforeAll(async () => {
    mkdirSync(join(dir, 'deck'));
    writeFileSync(file, DECK);
    server = await startServer({ input: 'deck', cwd: dir, port: 0, host: '127.0.0.1' });
    // One page for the whole file, kept open as an author keeps theirs.
    await new Promise<void>((opened) => {
      void browser.withPage(
        (p) =>
          new Promise<void>((closed) => {
            page = p;
            closePage = closed;
            opened();
          }),
      );
    });
    await page.goto(`${server.url}slides/`);
    await page.waitForFunction(() => (window as unknown as Watched).Reveal?.isReady());
  });
  afterAll(async () => {
    closePage?.();
    await server.close();
    await browser.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces only the edited slide, without a reload: the same slide, fragment and scroll position', async () => {
    // The title slide is 0: "Two" is 2. Its first fragment shown, its tall box scrolled.
    await page.evaluate(() => {
      const w = window as unknown as Watched;
      w.Reveal.slide(2, 0, 0);
      const tall = w.Reveal.getCurrentSlide().querySelector('#tall') as HTMLElement;
      tall.scrollTop = 40;
    });
    const before = await state(page);
    expect(before).toMatchObject({ h: 2, f: 0, visibleFragments: 1, tallScroll: 40 });
    await watch(page);
    edit('Original two', 'Edited two');
    await shows(page, 'Edited two');
    const after = await state(page);
    expect(after).toMatchObject({ alive: true, h: 2, v: 0, f: 0, total: before.total, visibleFragments: 1, tallScroll: 40 });
    expect(after.current).toContain('Edited two');
    expect(after.touched).toEqual([2]);
    // reveal.js goes on from there: the next step is the second fragment, on the new content.
    await page.evaluate(() => (window as unknown as Watched).Reveal.next());
    expect(await state(page)).toMatchObject({ h: 2, f: 1, visibleFragments: 2 });
  });

  it('adds a slide without a reload, staying on the slide shown', async () => {
    await page.evaluate(() => (window as unknown as Watched).Reveal.slide(2, 0, 1));
    const before = await state(page);
    await watch(page);
    edit('## Two', '## Inserted\n\nA new slide.\n\n---\n\n## Two');
    await shows(page, 'A new slide.');
    const after = await state(page);
    expect(after).toMatchObject({ alive: true, h: 3, f: 1, total: before.total + 1 });
    expect(after.current).toContain('Edited two');
  });

  it('reloads for a change that is not in the slides alone (the front matter), on the same slide', async () => {
    const before = await state(page);
    await watch(page);
    const reloaded = page.waitForNavigation({ timeout: WAIT_MS });
    edit('title: Patch fixture', 'title: Patch fixture, retitled');
    await reloaded;
    await page.waitForFunction(() => (window as unknown as Watched).Reveal?.isReady(), { timeout: WAIT_MS });
    expect(await page.title()).toBe('Patch fixture, retitled');
    const after = await state(page);
    expect(after).toMatchObject({ alive: false, h: before.h });
    expect(after.current).toContain('Edited two');
  });

  it('tells a page that shows an older deck than the latest to reload as it connects', async () => {
    const stale = await EventStream.open(server.url, '?deck=0');
    await stale.next('reload', 2_000, 'connecting with an old version');
    stale.close();
  });
});
