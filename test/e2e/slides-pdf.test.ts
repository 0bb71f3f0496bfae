import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBriefing } from '../../src/pipeline/read-briefing.js';
import { stacksFor } from '../../src/markdown/only.js';
import { run, type CliRun } from '../helpers/cli.js';
import { CONTENT } from '../helpers/paths.js';
import { fonts, greyLevels, readPdf, type ReadPdf } from '../helpers/pdf.js';
import { briefBrowsers } from '../helpers/processes.js';

// The real thing: the default briefing printed by the real Chromium, read back from the PDF.
describe('the slides PDF of the default briefing', () => {
  let dir: string;
  let result: CliRun;
  let pdf: ReadPdf;
  let browsersBefore: number;
  const briefing = readBriefing(CONTENT, CONTENT);
  const slides = stacksFor(briefing.stacks, 'slides').flat();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-e2e-'));
    browsersBefore = briefBrowsers();
    result = await run(['build', CONTENT, '--out', join(dir, 'dist')], dir);
    pdf = await readPdf(join(dir, 'dist/slides.pdf'));
  });

  it('is written, with the deck, and exit code 0', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/slides\.pdf \(\d+\.\d KiB, \d+ pages\)/);
  });

  it('has one page per slide, vertical slides and the title slide included', () => {
    expect(slides.length).toBeGreaterThan(5);
    expect(pdf.pages).toHaveLength(slides.length + 1);
  });

  it('prints each slide on its own page, in order, with its title', () => {
    expect(pdf.pages[0]).toContain(briefing.config.meta.title);
    slides.forEach((slide, index) => expect(pdf.pages[index + 1], `page ${index + 2}`).toContain(slide.title));
  });

  it('keeps speaker notes out of the slides', () => {
    const notesText =
      slides[0]?.notes.html
        .replace(/<[^>]+>/g, '')
        .split(/[.\n]/)[0]
        ?.trim() ?? '';
    expect(notesText.length).toBeGreaterThan(10);
    expect(pdf.pages.join('\n')).not.toContain(notesText);
  });

  it('shows every fragment in its final state', () => {
    const withFragments = slides.findIndex((s) => Boolean(s.regions[0]?.html.includes('fragment')));
    expect(withFragments).toBeGreaterThanOrEqual(0);
    const lastItem = /<li[^>]*class="fragment"[^>]*>([^<]+)/g;
    const items = [...(slides[withFragments]?.regions[0]?.html.matchAll(lastItem) ?? [])].map((m) => m[1]?.trim() ?? '');
    for (const item of items) expect(pdf.pages[withFragments + 1]).toContain(item.slice(0, 20));
  });

  it('carries title, author and subject from the front matter', () => {
    expect(pdf.info['Title']).toBe(briefing.config.meta.title);
    expect(pdf.info['Author']).toBe(briefing.config.meta.author);
    expect(pdf.info['Subject']).toBe(briefing.config.meta.subtitle);
    expect(pdf.info['Creator']).toBe('rfc-brief');
  });

  it('draws something on every page', () => {
    for (let page = 1; page <= pdf.pages.length; page++)
      expect(greyLevels(join(dir, 'dist/slides.pdf'), page), `page ${page}`).toBeGreaterThan(8);
  });

  it('embeds every font it uses', () => {
    const used = fonts(join(dir, 'dist/slides.pdf'));
    expect(used.map((f) => f.name).join(' ')).toMatch(/Inter/);
    expect(used.filter((f) => !f.embedded)).toEqual([]);
  });

  it('has 16:9 pages', () => {
    for (const { width, height } of pdf.sizes) expect(width / height).toBeCloseTo(16 / 9, 2);
  });

  it('leaves no Chromium running', () => {
    expect(briefBrowsers()).toBe(browsersBefore);
  });
});

describe('the process counter the tests rely on', () => {
  it('sees a browser this process started, and not after dispose()', async () => {
    const { Browser } = await import('../../src/browser/browser.js');
    const { findBrowser } = await import('../../src/browser/find-browser.js');
    const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 30_000);
    const before = briefBrowsers();
    await browser.withPage(async () => expect(briefBrowsers()).toBe(before + 1));
    await browser.dispose();
    expect(briefBrowsers()).toBe(before);
  });
});

describe('printing faults', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-faults-'));
  });

  it('gives up after --timeout with a message, keeps the previous PDF and leaves no browser', async () => {
    mkdirSync(join(dir, 'deck'), { recursive: true });
    writeFileSync(join(dir, 'deck/a.md'), '## Fine');
    expect((await run(['build', 'deck'], dir)).code).toBe(0);
    const before = readFileSync(join(dir, 'dist/slides.pdf'));
    const browsers = briefBrowsers();
    // A page that never finishes loading: its script (allowed to run) never returns.
    writeFileSync(join(dir, 'deck/a.md'), '## Stuck\n\n<script>for (;;) {}</script>');
    const result = await run(['build', 'deck', '--timeout', '3000', '--allow-scripts'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[TIMEOUT\]: gave up after 3 s waiting for/);
    expect(readFileSync(join(dir, 'dist/slides.pdf'))).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['deck', 'dist']);
    expect(briefBrowsers()).toBe(browsers);
  });

  it('does not run scripts written in the content while printing, unless allowed', async () => {
    mkdirSync(join(dir, 'scripted'), { recursive: true });
    const script = "<script>document.querySelector('h2').textContent = 'Changed by a script';</script>";
    writeFileSync(join(dir, 'scripted/a.md'), `## Written heading\n\n${script}`);
    expect((await run(['build', 'scripted', '--out', 'blocked', '--only', 'slides'], dir)).code).toBe(0);
    expect((await readPdf(join(dir, 'blocked/slides.pdf'))).pages.join(' ')).toContain('Written heading');
    // Allowed by the person running the build: the content's own "allowScripts: true" is not enough.
    writeFileSync(join(dir, 'scripted/a.md'), `---\nallowScripts: true\n---\n## Written heading\n\n${script}`);
    const selfGranted = await run(['build', 'scripted', '--out', 'self-granted', '--only', 'slides'], dir);
    expect(selfGranted.stderr).toContain('scripted/a.md:2: "allowScripts" in the briefing is ignored');
    expect((await readPdf(join(dir, 'self-granted/slides.pdf'))).pages.join(' ')).toContain('Written heading');
    expect((await run(['build', 'scripted', '--out', 'allowed', '--only', 'slides', '--allow-scripts'], dir)).code).toBe(0);
    expect((await readPdf(join(dir, 'allowed/slides.pdf'))).pages.join(' ')).toContain('Changed by a script');
  });

  it('refuses to load anything from the network while printing, and says so', async () => {
    mkdirSync(join(dir, 'remote'), { recursive: true });
    writeFileSync(join(dir, 'remote/a.md'), '## Remote\n\n![logo](http://127.0.0.1:9/logo.png)');
    const result = await run(['build', 'remote', '--out', 'remote-out'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('refused to load http://127.0.0.1:9/logo.png');
    expect(existsSync(join(dir, 'remote-out/slides.pdf'))).toBe(true);
  });
});
