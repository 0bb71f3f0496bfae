import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { CONTENT, fixture } from '../helpers/paths.js';

const FINDINGS = fixture('check-findings');
const FILE = 'test/fixtures/check-findings/deck.md';

describe('rfc-brief check', () => {
  const cwd = join(FINDINGS, '../../..');

  it('passes the default briefing with no finding at all', async () => {
    const result = await run(['check', CONTENT], cwd);
    expect(result.stdout).toMatch(/^\d+ slides checked: no problems found\n$/);
    expect(result.code).toBe(0);
  });

  describe('on a briefing with one of each problem', () => {
    let json: {
      errors: number;
      warnings: number;
      findings: { severity: string; code: string; file?: string; line?: number; slide?: number; title?: string; message: string }[];
    };
    const find = (code: string) => json.findings.filter((f) => f.code === code);

    it('reports them as JSON and exits 1', async () => {
      const result = await run(['check', FINDINGS, '--json'], cwd);
      expect(result.code).toBe(1);
      json = JSON.parse(result.stdout) as typeof json;
      expect(json.errors).toBe(5);
      expect(json.warnings).toBe(2);
    });

    it('measures the slide that overflows in the browser, with its number, title and line', () => {
      expect(find('overflow')).toEqual([
        expect.objectContaining({ severity: 'error', file: FILE, line: 44, slide: 7, title: 'Far too tall' }),
      ]);
    });

    it('names a missing image', () => {
      expect(find('missing-file')).toEqual([
        expect.objectContaining({ severity: 'error', file: FILE, line: 22, message: expect.stringContaining('images/missing.png') }),
      ]);
    });

    it('names links to slides and ids that do not exist, and not the one that works', () => {
      expect(find('broken-link').map((f) => [f.line, f.slide, /#\S+/.exec(f.message)?.[0]])).toEqual([
        [36, 6, '#/40,'],
        [36, 6, '#/no-such-id,'],
      ]);
    });

    it('warns about an image without alt text and a slide without notes', () => {
      expect(find('no-alt')).toEqual([expect.objectContaining({ severity: 'warning', line: 28, slide: 5 })]);
      expect(find('no-notes')).toEqual([expect.objectContaining({ severity: 'warning', line: 14, slide: 3, title: 'No notes here' })]);
    });

    it('names a required section that is missing', () => {
      expect(find('missing-section')).toEqual([
        expect.objectContaining({ severity: 'error', message: 'the briefing has no "results" section (required in the front matter)' }),
      ]);
    });
  });

  it('prints findings for people, one per line with file and line, and a summary', async () => {
    const result = await run(['check', FINDINGS, '--no-browser'], cwd);
    expect(result.stdout).toContain(`${FILE}:14: warning: slide 3 "No notes here" has no speaker notes [no-notes]\n`);
    expect(result.stdout).toMatch(/7 slides checked: 4 errors, 2 warnings\n$/);
  });

  it('exits non-zero on warnings only with --strict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-strict-'));
    await run(['init', join(dir, 'b')], dir);
    const deck = join(dir, 'b/01-briefing.md');
    writeFileSync(deck, readFileSync(deck, 'utf8').replace(/Note:\nEnd with the decision or feedback you need from the room.\n/, ''));
    expect((await run(['check', 'b', '--no-browser'], dir)).code).toBe(0);
    expect((await run(['check', 'b', '--no-browser', '--strict'], dir)).code).toBe(1);
  });

  it('writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-check-'));
    await run(['check', CONTENT], dir);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('rfc-brief check --no-browser', () => {
  it('starts no browser, even for a briefing with diagrams', async () => {
    const { Browser } = await import('../../src/browser/browser.js');
    const before = Browser.launches;
    const result = await run(['check', fixture('figures'), '--no-browser'], join(FINDINGS, '../../..'));
    expect(result.code).toBe(0);
    expect(Browser.launches).toBe(before);
  });
});

describe('rfc-brief check on content just past the 2 px tolerance', () => {
  const cwd = join(FINDINGS, '../../..');
  const DECK = 'test/fixtures/overflow-by-a-hair/deck.md';

  it('says by how much in whole pixels, and lets 1.6 px pass', async () => {
    const result = await run(['check', fixture('overflow-by-a-hair')], cwd);
    expect(result.stdout).toBe(
      `${DECK}:5: error: slide 1 "Just past the bottom" overflows the slide: its content is 2 px too tall [overflow]\n` +
        `${DECK}:14: error: slide 2 "Just past the edge" overflows the slide: its content is 2 px too wide [overflow]\n` +
        `${DECK}:28: error: slide 3 "A column just too wide": region "right" overflows by 2 px (too wide) [overflow]\n` +
        '4 slides checked: 3 errors, 0 warnings\n',
    );
    expect(result.code).toBe(1);
  });
});

describe('rfc-brief check on a deck with a hidden slide', () => {
  const cwd = join(FINDINGS, '../../..');
  const DECK = 'test/fixtures/hidden-slide/deck.md';

  // reveal.js removes a hidden slide from the deck, so the slides after it take the numbers the
  // deck shows (the title slide is 1): "Second" is 3 and "Overflowing" 4, in every message.
  it('names the slide that overflows by its own number, title and line', async () => {
    const result = await run(['check', fixture('hidden-slide')], cwd);
    expect(result.stdout).toContain(`${DECK}:25: error: slide 4 "Overflowing" overflows the slide`);
    expect(result.stdout).toContain(`${DECK}:21: warning: slide 3 "Second" has no speaker notes [no-notes]\n`);
    expect(result.stdout).toMatch(/4 slides checked: 1 error, 1 warning\n$/);
    expect(result.code).toBe(1);
  });
});
