// What a build holds while it works: one tab for every output made from the slides' print page, no process of its own for the network service, no chart process once the charts are drawn.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { screenshotPages } from '../../src/browser/screenshots.js';
import { BriefError, type Diagnostic } from '../../src/errors.js';
import { PrintTab } from '../../src/outputs/print-tab.js';
import { readZip } from '../../src/pptx/zip.js';
import { build } from '../../src/pipeline/build.js';
import { fixture } from '../helpers/paths.js';
import { readPdf } from '../helpers/pdf.js';

const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
afterAll(() => browser.dispose());

describe("the slides' print page, shared by the outputs made from it", () => {
  it('is loaded once, in one tab, for slides.pdf, slides.pptx, the slide images and slides.html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-print-tab-'));
    cpSync(fixture('layouts'), join(dir, 'deck'), { recursive: true });
    const out = join(dir, 'dist');
    const tabs = vi.spyOn(browser, 'withPage');
    const result = await build({
      input: 'deck',
      cwd: dir,
      out,
      pdf: true,
      only: ['deck', 'slides', 'pptx', 'images', 'html'],
      cache: false,
      browser,
      browserLent: true,
    });
    // The layouts deck draws no mermaid diagram: the one tab is the print page's.
    expect(tabs).toHaveBeenCalledTimes(1);
    tabs.mockRestore();
    expect(result.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    // Each output still made from it whole: a page, a slide and an image per printed slide, the fonts it loaded inside slides.html.
    const pages = (await readPdf(join(out, 'slides.pdf'))).pages.length;
    expect(pages).toBeGreaterThan(5);
    expect(readdirSync(join(out, 'slides-images')).filter((name) => /^\d+\.png$/.test(name))).toHaveLength(pages);
    const slides = [...readZip(readFileSync(join(out, 'slides.pptx'))).keys()].filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides).toHaveLength(pages);
    expect(readFileSync(join(out, 'slides.html'), 'utf8')).toMatch(/@font-face\s*\{[^}]*src:\s*url\("?data:font\/woff2;base64,/);
    // The page it was loaded from is not left in the deck.
    expect(readdirSync(join(out, 'slides')).filter((name) => name.startsWith('.print'))).toEqual([]);
  });

  it('is left by the slide images as they found it: media, window, page heights and scroll put back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-print-tab-'));
    const html = join(dir, 'print.html');
    writeFileSync(
      html,
      `<!doctype html><html class="reveal-print"><body style="margin:0"><div class="reveal"><div class="slides">` +
        `<div class="pdf-page" style="height:199px;background:#c00"></div><div class="pdf-page" style="height:199px;background:#00c"></div>` +
        `</div></div></body></html>`,
    );
    await browser.withPage(async (page) => {
      await page.goto(`file://${html}`);
      const state = () =>
        page.evaluate(() => ({
          print: matchMedia('print').matches,
          heights: [...document.querySelectorAll<HTMLElement>('.pdf-page')].map((element) => element.getBoundingClientRect().height),
          scroll: window.scrollY,
          styles: document.querySelectorAll('style').length,
        }));
      const before = { viewport: page.viewport(), ...(await state()) };
      const shots = await screenshotPages(page, {
        page: { width: 320, height: 200 },
        scale: 1,
        format: 'png',
        quality: 90,
        previewWidth: 160,
      });
      expect(shots.pages).toHaveLength(2);
      expect({ viewport: page.viewport(), ...(await state()) }).toEqual(before);
      expect(before.heights).toEqual([199, 199]);
    });
  });
});

describe('the print tab', () => {
  it('fails the outputs after one that failed with its error, not with the tab it closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-print-tab-'));
    const htmlPath = join(dir, 'print.html');
    writeFileSync(htmlPath, '<!doctype html><html><body><div class="pdf-page">one</div></body></html>');
    const tab = new PrintTab(browser, { htmlPath, allowedDir: dir, timeoutMs: 30_000 }, async () => undefined);
    const failed = new BriefError('TIMEOUT', 'the first output failed');
    const first = tab.use([], async () => Promise.reject(failed));
    const second = tab.use([], async (page) => page.evaluate(() => document.body.textContent));
    await expect(first).rejects.toBe(failed);
    await expect(second).rejects.toBe(failed);
    tab.close();
  });

  it("gives what the page says during an output's turn to that output", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-print-tab-'));
    const htmlPath = join(dir, 'print.html');
    writeFileSync(
      htmlPath,
      '<!doctype html><html><body><div class="pdf-page">one</div><script>' +
        "matchMedia('print').addEventListener('change', () => { throw new Error('late news'); });</script></body></html>",
    );
    const tab = new PrintTab(browser, { htmlPath, allowedDir: dir, timeoutMs: 30_000, allowScripts: true }, async () => undefined);
    const quiet: Diagnostic[] = [];
    const told: Diagnostic[] = [];
    await tab.use(quiet, async () => undefined);
    await tab.use(told, async (page) => {
      await page.emulateMediaType('print');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    });
    tab.close();
    expect(quiet.map((w) => w.message)).toEqual([]);
    expect(told.map((w) => w.message)).toEqual([expect.stringContaining('late news')]);
  });

  it('takes every image of pages that never stop animating', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-print-tab-'));
    const html = join(dir, 'print.html');
    const pages = Array.from(
      { length: 12 },
      (_, index) => `<div class="pdf-page" style="height:199px"><div class="spin" style="width:${40 + index}px">${index}</div></div>`,
    ).join('');
    writeFileSync(
      html,
      `<!doctype html><html class="reveal-print"><head><style>@keyframes spin{to{transform:rotate(360deg)}}` +
        `.spin{height:40px;background:#c00;animation:spin 0.5s linear infinite}</style></head>` +
        `<body style="margin:0"><div class="reveal"><div class="slides">${pages}</div></div></body></html>`,
    );
    await browser.withPage(async (page) => {
      await page.goto(`file://${html}`);
      const started = performance.now();
      const shots = await screenshotPages(page, { page: { width: 320, height: 200 }, scale: 1, format: 'png', quality: 90 });
      expect([...shots.pages.keys()]).toEqual([...Array(12).keys()]);
      // A pass ends on its own deadline at the latest, however many frames the page sends.
      expect(performance.now() - started).toBeLessThan(12 * 2_000);
    });
  });
});

describe("the build's processes", () => {
  it('end the chart process once the charts are drawn, unless serve keeps it for the next build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-charts-'));
    cpSync(fixture('layouts'), join(dir, 'deck'), { recursive: true });
    const charts = () => processTree(process.pid).filter((cmd) => cmd.includes('chart-process'));
    const request = { input: 'deck', cwd: dir, out: join(dir, 'dist'), pdf: false, only: ['deck' as const], cache: false };
    await build({ ...request, keepChartProcess: true });
    expect(charts()).toHaveLength(1);
    await build(request);
    expect(charts()).toEqual([]);
  });

  it('hold the network service in the browser process, not in one of its own (60 MB less)', async () => {
    await browser.withPage(async (page) => {
      await page.goto('about:blank');
      const mine = processTree(process.pid);
      expect(mine.some((cmd) => /chromium|chrome/.test(cmd) && cmd.includes('--type=renderer'))).toBe(true);
      expect(mine.filter((cmd) => cmd.includes('network.mojom.NetworkService'))).toEqual([]);
    });
  });
});

/** The command lines of every process under `root`. */
function processTree(root: number): string[] {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commands.set(Number(name), readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' '));
    } catch {
      // Gone while listed.
    }
  }
  const under = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) if (at === root) return true;
    return false;
  };
  return [...commands].filter(([pid]) => under(pid)).map(([, command]) => command);
}
