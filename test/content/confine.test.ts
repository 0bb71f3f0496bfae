import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { resolveAssets } from '../../src/content/assets.js';
import { confine } from '../../src/content/confine.js';
import { loadData } from '../../src/content/data.js';
import { CacheStore } from '../../src/pipeline/cache-store.js';
import { FigureCache } from '../../src/figures/cache.js';
import { drawChart } from '../../src/figures/chart.js';
import { resolveTheme } from '../../src/config/themes.js';

const LIGHT = resolveTheme('light', undefined).palette;
import { briefErrorOf } from '../helpers/errors.js';

const where = { file: 'a.md', line: 4 };
let root: string;
let outside: string;
beforeEach(() => {
  // Real paths: the temporary folder may itself be reached through a symlink (macOS /var).
  root = realpathSync(mkdtempSync(join(tmpdir(), 'rfc-brief-confine-')));
  outside = realpathSync(mkdtempSync(join(tmpdir(), 'rfc-brief-confine-outside-')));
  mkdirSync(join(root, 'img'));
  writeFileSync(join(root, 'img/a.png'), 'png');
  writeFileSync(join(outside, 'secret.png'), 'secret');
});

describe('confine', () => {
  it('returns the real path of a file inside, also when the name climbs with .. and comes back', () => {
    expect(confine(root, 'img/../img/a.png', where)).toBe(join(root, 'img/a.png'));
    expect(confine(root, './img/a.png', where)).toBe(join(root, 'img/a.png'));
  });

  it('refuses a name that climbs out with .., naming the file and line and what to do', () => {
    const error = briefErrorOf(() => confine(root, '../secret.png', where));
    expect([error.code, error.where, error.message]).toEqual(['ASSET_OUTSIDE', where, '../secret.png is outside the briefing folder']);
    expect(error.hint).toMatch(/Copy the file into the briefing folder/);
  });

  it('refuses an absolute path, even one that lies inside', () => {
    expect(briefErrorOf(() => confine(root, join(outside, 'secret.png'), where)).code).toBe('ASSET_OUTSIDE');
    expect(briefErrorOf(() => confine(root, join(root, 'img/a.png'), where)).code).toBe('ASSET_OUTSIDE');
  });

  it('refuses a symlink that points out of the root, and a folder symlinked from outside', () => {
    symlinkSync(join(outside, 'secret.png'), join(root, 'link.png'));
    symlinkSync(outside, join(root, 'elsewhere'));
    expect(briefErrorOf(() => confine(root, 'link.png', where)).code).toBe('ASSET_OUTSIDE');
    expect(briefErrorOf(() => confine(root, 'elsewhere/secret.png', where)).code).toBe('ASSET_OUTSIDE');
  });

  it('follows a symlink that stays inside, to the real file', () => {
    symlinkSync(join(root, 'img/a.png'), join(root, 'alias.png'));
    expect(confine(root, 'alias.png', where)).toBe(join(root, 'img/a.png'));
  });

  it('accepts a root reached through a symlink: the real paths are compared', () => {
    const via = join(outside, 'via');
    symlinkSync(root, via);
    expect(confine(via, 'img/a.png', where)).toBe(join(root, 'img/a.png'));
  });

  it('returns undefined for a missing file, a dangling symlink and a NUL byte: the caller says what that means', () => {
    symlinkSync(join(root, 'gone.png'), join(root, 'dangling.png'));
    expect(confine(root, 'img/none.png', where)).toBeUndefined();
    expect(confine(root, 'img/a.png/deeper', where)).toBeUndefined();
    expect(confine(root, 'dangling.png', where)).toBeUndefined();
    expect(confine(root, 'a\0.png', where)).toBeUndefined();
  });

  it('refuses a missing file whose name leads outside: the name itself asks for it', () => {
    expect(briefErrorOf(() => confine(root, '../no/such.png', where)).code).toBe('ASSET_OUTSIDE');
  });

  it('takes a name that starts with two dots for a file inside (hidden, so refused as such, not as outside)', () => {
    writeFileSync(join(root, '..notes.png'), 'png');
    expect(briefErrorOf(() => confine(root, '..notes.png', where)).message).toMatch(/is a hidden file/);
  });

  it("words the refusal as the caller asks, keeping the caller's code", () => {
    const error = briefErrorOf(() => confine(root, '../x.csv', where, { code: 'DATA', subject: 'the data file ../x.csv', hint: 'Move it.' }));
    expect([error.code, error.message, error.hint]).toEqual(['DATA', 'the data file ../x.csv is outside the briefing folder', 'Move it.']);
  });
});

// Every caller refuses a symlink that leaves the briefing; the theme stylesheet and the chart's
// cache stamp compared paths as written before confine().
describe('every path the content names is confined', () => {
  beforeEach(() => {
    writeFileSync(join(outside, 'theme.css'), 'body{}');
    writeFileSync(join(outside, 'data.csv'), 'a,b\n1,2\n');
    symlinkSync(join(outside, 'secret.png'), join(root, 'link.png'));
    symlinkSync(join(outside, 'theme.css'), join(root, 'theme.css'));
    symlinkSync(join(outside, 'data.csv'), join(root, 'data.csv'));
  });

  it('an image', () => {
    expect(briefErrorOf(() => resolveAssets(root, [{ url: 'link.png', file: 'a.md', line: 4 }])).code).toBe('ASSET_OUTSIDE');
  });

  it('a theme stylesheet named in the front matter', () => {
    const layer = { data: { theme: 'theme.css' }, file: 'a.md', keyLines: { theme: 2 }, warnUnknown: true };
    const error = briefErrorOf(() => resolveConfig({ root }, [layer]));
    expect([error.code, error.where, error.message]).toEqual([
      'ASSET_OUTSIDE',
      { file: 'a.md', line: 2 },
      'the theme stylesheet theme.css is outside the briefing folder',
    ]);
  });

  it('but not a theme stylesheet given on the command line: that is the person’s own choice', () => {
    expect(resolveConfig({ root, theme: 'theme.css' }, []).config.theme).toMatchObject({ kind: 'css' });
  });

  it("a chart's data file, with and without the figure cache", async () => {
    await expect(loadData(root, 'data.csv', where, () => Promise.resolve([]))).rejects.toMatchObject({ code: 'DATA', message: /outside the briefing folder/ });
    const block = { key: 'a.md:4', kind: 'chart' as const, source: 'data: { url: data.csv }\nmark: bar', file: 'a.md', line: 4 };
    const cache = new FigureCache(new CacheStore(join(root, '.cache')));
    await expect(drawChart(block, root, LIGHT, [], cache)).rejects.toMatchObject({ code: 'DATA', where });
  });
});
