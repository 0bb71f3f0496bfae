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
/** A text mark of a string that `count` calculates double, from one character. */
const doubling = (count: number, data: string) =>
  `${data}\ntransform: [{calculate: "'x'", as: s}, ${Array(count).fill('{calculate: "datum.s + datum.s", as: s}').join(', ')}]\nmark: text\nencoding: {text: {field: s}}`;
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

  it('a chain of calculates that doubles a string: the chart process runs out of its heap, not the build', async () => {
    // 100 rows of 16 million characters each, were they drawn: gigabytes.
    deck('a.md', chart(doubling(24, 'data: {sequence: {start: 0, stop: 100, as: n}}')));
    const result = await spawnBin(['build', 'deck', '--no-pdf', '--no-cache'], dir, { heapMb: 256, timeoutMs: 60_000 });
    expect([result.killed, result.code]).toEqual([false, 1]);
    expect(result.stderr).toMatch(
      /^error\[LIMIT\]: deck\/a\.md:3: drawing the chart ran out of memory \(an expression such as "datum\.s \+ datum\.s", repeated, .*at most 512 MB .*\(limit "chartHeapMb"\)\n  To raise the limit: RFC_BRIEF_LIMITS=chartHeapMb=1024 rfc-brief \.\.\.\n$/,
    );
  });

  it('the chartHeapMb limit, set by RFC_BRIEF_LIMITS, whatever heap node itself is given', async () => {
    deck('a.md', chart(doubling(25, 'data: {values: [{a: 1}]}')));
    const result = await spawnBin(['build', 'deck', '--no-pdf', '--no-cache'], dir, {
      heapMb: 4096,
      timeoutMs: 60_000,
      env: { RFC_BRIEF_LIMITS: 'chartHeapMb=64' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error\[LIMIT\]: deck\/a\.md:3: drawing the chart ran out of memory .*at most 64 MB .*\(limit "chartHeapMb"\)/,
    );
    expect(result.stderr).toContain('RFC_BRIEF_LIMITS=chartHeapMb=128');
  });

  it('an SVG larger than the chartBytes limit never reaches the build', async () => {
    vi.stubEnv('RFC_BRIEF_LIMITS', 'chartBytes=100000');
    deck('a.md', chart(doubling(17, 'data: {values: [{a: 1}]}')));
    const result = await build('--no-cache');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md:3: the chart draws [\d,]+ bytes of SVG; .*\(limit "chartBytes"\)/);
  });

  it('a chart expression that backtracks for ever: stopped at the chartMs limit', async () => {
    deck(
      'a.md',
      chart(
        `data: {values: [{a: 1}]}\ntransform: [{calculate: "test(regexp('(a+)+$'), '${'a'.repeat(40)}!')", as: s}]\nmark: text\nencoding: {text: {field: s}}`,
      ),
    );
    const result = await spawnBin(['build', 'deck', '--no-pdf', '--no-cache'], dir, { env: { RFC_BRIEF_LIMITS: 'chartMs=1000' } });
    expect([result.killed, result.code]).toEqual([false, 1]);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md:3: drawing the chart did not end in time .*\(limit "chartMs"\)/);
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
