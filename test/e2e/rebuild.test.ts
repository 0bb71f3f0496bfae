import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { run } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readPdf } from '../helpers/pdf.js';

describe('rebuilding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-rebuild-'));
  const deck = join(dir, 'deck/01-figures.md');
  const pdfs = ['slides.pdf', 'handout.pdf', 'report.pdf'];
  const read = () => Object.fromEntries(pdfs.map((name) => [name, readFileSync(join(dir, 'dist', name))]));

  beforeAll(async () => {
    cpSync(fixture('figures'), join(dir, 'deck'), { recursive: true });
    expect((await run(['build', 'deck'], dir)).code).toBe(0);
  });

  it('with nothing changed launches no browser and writes the same PDFs', async () => {
    const before = read();
    const launches = Browser.launches;
    const again = await run(['build', 'deck'], dir);
    expect(again.code).toBe(0);
    expect(Browser.launches).toBe(launches);
    // Two slides: the fixture's front matter has only a title, which names the page (README, "Title slide").
    expect(again.rawStderr).toMatch(/print slides\.pdf \(2 pages, unchanged, reused/);
    // Its handout fits on one page, and says so in the singular.
    expect(again.rawStderr).toMatch(/print handout\.pdf \(1 page, unchanged, reused/);
    expect(again.stdout).toMatch(/handout\.pdf \([\d.]+ KiB, 1 page\)/);
    expect(read()).toEqual(before);
  });

  it('keeps its cache outside the output folder: a new output folder reuses it, and holds only deliverables', async () => {
    const result = await run(['build', 'deck', '--out', 'elsewhere'], dir);
    expect(result.code).toBe(0);
    expect(result.rawStderr).toMatch(/print slides\.pdf \(\d+ pages, unchanged, reused/);
    // The deliverables, and the marker that says which of them are rfc-brief's (no cache).
    expect(readdirSync(join(dir, 'elsewhere')).sort()).toEqual([
      '.rfc-brief-output',
      'build-report.json',
      'handout.pdf',
      'report',
      'report.pdf',
      'slides',
      'slides-images',
      'slides.html',
      'slides.pdf',
      'slides.pptx',
    ]);
    expect(readdirSync(join(dir, 'dist')).filter((name) => name.startsWith('.'))).toEqual(['.rfc-brief-output']);
  });

  it('keeps the diagrams a build drew even when it printed nothing into a cache folder not made yet', async () => {
    const env = { ...process.env, RFC_BRIEF_CACHE_DIR: join(dir, 'cache-not-made-yet') };
    const first = await run(['build', 'deck', '--out', 'deck-only', '--only', 'deck'], dir, env);
    expect(first.code).toBe(0);
    expect(first.rawStderr).not.toMatch(/could not keep the build cache/);
    const launches = Browser.launches;
    const again = await run(['build', 'deck', '--out', 'deck-only', '--only', 'deck'], dir, env);
    expect(again.code).toBe(0);
    // Diagrams are drawn in the browser: from the cache, none is launched.
    expect(Browser.launches).toBe(launches);
  });

  it('with --no-cache prints again', async () => {
    const result = await run(['build', 'deck', '--out', 'uncached', '--no-cache'], dir);
    expect(result.code).toBe(0);
    expect(result.rawStderr).not.toMatch(/reused/);
  });

  it('reprints only what a change touches: report-only text reprints the report alone', async () => {
    const before = read();
    writeFileSync(deck, `${readFileSync(deck, 'utf8')}\n<!-- report -->\nA paragraph only the report carries.\n<!-- /report -->\n`);
    const launches = Browser.launches;
    const result = await run(['build', 'deck'], dir);
    expect(result.code).toBe(0);
    expect(Browser.launches).toBe(launches + 1);
    const after = read();
    expect(after['slides.pdf']).toEqual(before['slides.pdf']);
    expect(after['handout.pdf']).toEqual(before['handout.pdf']);
    expect(after['report.pdf']).not.toEqual(before['report.pdf']);
    expect((await readPdf(join(dir, 'dist/report.pdf'))).pages.join(' ')).toContain('A paragraph only the report carries.');
  });

  it('reprints the slides when a slide changes', async () => {
    const before = read();
    writeFileSync(deck, readFileSync(deck, 'utf8').replace('## A diagram', '## A diagram, renamed'));
    expect((await run(['build', 'deck'], dir)).code).toBe(0);
    expect(read()['slides.pdf']).not.toEqual(before['slides.pdf']);
    expect((await readPdf(join(dir, 'dist/slides.pdf'))).pages.join(' ')).toContain('A diagram, renamed');
  });

  it("replays each reused PDF's own warnings, once, as the first build gave them", async () => {
    const other = join(dir, 'refusing');
    cpSync(fixture('figures'), other, { recursive: true });
    // Refused while printing the slides and again while printing the report, side by side.
    writeFileSync(join(other, '02-outside.md'), '## Outside\n\n![far](http://127.0.0.1:9/far.png)\n\nNote: n.\n');
    const warnings = async () => {
      const result = await run(['build', 'refusing', '--out', 'refusing-out', '--json'], dir);
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as { warnings: { message: string }[] }).warnings.map((w) => w.message).sort();
    };
    const first = await warnings();
    expect(first.filter((m) => m.includes('http://127.0.0.1:9/far.png')).length).toBeGreaterThanOrEqual(2);
    expect(await warnings()).toEqual(first);
  });
});
