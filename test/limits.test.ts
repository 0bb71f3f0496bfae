import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS, parseLimits } from '../src/config/limits.js';
import { run } from './helpers/cli.js';
import { generateDeck } from './helpers/deck.js';
import { spawnBin } from './helpers/spawn.js';

// Issue 15, "memory without bound": each limit of src/config/limits.ts ends the build with an
// error that names it and the way to raise it; the cases that ate gigabytes run in a child
// process with its heap capped, so that before the fix they fail (killed) instead of the runner.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rfc-brief-limits-'));
  mkdirSync(join(dir, 'deck'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});
const deck = (name: string, contents: string) => writeFileSync(join(dir, 'deck', name), contents);
const build = (...args: string[]) => run(['build', 'deck', '--no-pdf', ...args], dir);
const chart = (spec: string) => `## Chart\n\n\`\`\`chart\n${spec}\n\`\`\`\n`;
const table = (rows: number) => `## T\n\n| a | b |\n|---|---|\n${'| x | y |\n'.repeat(rows)}`;

describe('RFC_BRIEF_LIMITS', () => {
  it('reads name=value pairs over the defaults', () => {
    const values = parseLimits('rows=200000, slides=20_000');
    expect(values.rows).toBe(200_000);
    expect(values.slides).toBe(20_000);
    expect(values.tableRows).toBe(LIMITS.tableRows.value);
  });

  it('refuses a name that is not a limit, or a value that is not a count', () => {
    expect(() => parseLimits('row=5')).toThrow(/names "row", which is not a limit/);
    expect(() => parseLimits('rows=-1')).toThrow(/must give a whole number above 0/);
  });
});

describe('limits, each with its error', () => {
  it('data.sequence of 30 million rows: the rows limit, in a capped heap', async () => {
    deck('a.md', chart('data: {sequence: {start: 0, stop: 30000000, as: n}}\nmark: point\nencoding: {x: {field: n, type: quantitative}}'));
    const result = await spawnBin(['build', 'deck', '--no-pdf'], dir, { heapMb: 256, timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md:3: the chart's data sequence makes 30,000,000 rows; .*limit "rows"/);
    expect(result.stderr).toContain('RFC_BRIEF_LIMITS=rows=200000');
  });

  it('a calculate that builds a huge string: the stringLength limit, in a capped heap', async () => {
    deck(
      'a.md',
      chart(
        'data: {values: [{a: 1}]}\ntransform: [{calculate: "pad(\'x\', 1000000000)", as: s}]\nmark: text\nencoding: {text: {field: s}}',
      ),
    );
    const result = await spawnBin(['build', 'deck', '--no-pdf'], dir, { heapMb: 256, timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error\[CHART\]: deck\/a\.md:3: the chart cannot be drawn: pad\(\) asks for 1,000,000,000 characters, past the limit "stringLength"/,
    );
  });

  it('a data file of more rows than the limit', async () => {
    vi.stubEnv('RFC_BRIEF_LIMITS', 'rows=100');
    deck('a.md', chart('data: {url: d.csv}\nmark: bar'));
    deck('d.csv', `a,b\n${'1,2\n'.repeat(101)}`);
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md:3: d\.csv holds 101 rows; rfc-brief allows at most 100 rows/);
  });

  it('a 20,000-row table: the tableRows limit; raised, it builds', async () => {
    deck('a.md', table(20_000));
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md:1: this table has 20,000 rows; .*limit "tableRows"/);
    deck('a.md', table(2_500));
    vi.stubEnv('RFC_BRIEF_LIMITS', 'tableRows=3000');
    expect((await build('--quiet')).code).toBe(0);
  });

  it('more slides than the slides limit', async () => {
    vi.stubEnv('RFC_BRIEF_LIMITS', 'slides=100');
    deck('a.md', generateDeck(101));
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md: the briefing has 101 slides or more; .*limit "slides"/);
  });

  it('a file larger than the fileBytes limit', async () => {
    vi.stubEnv('RFC_BRIEF_LIMITS', 'fileBytes=1000');
    deck('a.md', `## A\n\n${'word '.repeat(300)}`);
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md: the Markdown file deck\/a\.md is 1,506 bytes; .*limit "fileBytes"/);
  });

  it('5,000 slides build within a 192 MB heap (HTML outputs)', async () => {
    deck('a.md', generateDeck(5_000));
    const result = await spawnBin(['build', 'deck', '--no-pdf', '--quiet'], dir, { heapMb: 192, timeoutMs: 120_000 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
