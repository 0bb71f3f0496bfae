import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveAssets } from '../../src/content/assets.js';
import { loadBriefing } from '../../src/content/load.js';
import { briefErrorOf } from '../helpers/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rfc-brief-load-'));
});

describe('loadBriefing', () => {
  it('takes the Markdown files of a folder in name order, numbers compared as numbers', () => {
    for (const name of ['10-end.md', '2-middle.md', '1-start.md', 'notes.txt']) writeFileSync(join(dir, name), `# ${name}`);
    expect(loadBriefing(dir, dir).files.map((f) => f.display)).toEqual(['1-start.md', '2-middle.md', '10-end.md']);
  });

  it('takes a single Markdown file', () => {
    writeFileSync(join(dir, 'deck.md'), '# One');
    expect(loadBriefing(join(dir, 'deck.md'), dir).files).toHaveLength(1);
  });

  it('refuses a folder that does not exist', () => {
    expect(briefErrorOf(() => loadBriefing(join(dir, 'nope'), dir)).code).toBe('INPUT_NOT_FOUND');
  });

  it('refuses a folder with no Markdown', () => {
    expect(briefErrorOf(() => loadBriefing(dir, dir)).code).toBe('INPUT_EMPTY');
  });

  it('refuses files that are all empty', () => {
    writeFileSync(join(dir, 'a.md'), '  \n\n');
    expect(briefErrorOf(() => loadBriefing(dir, dir)).where).toEqual({ file: 'a.md' });
  });

  it('refuses a binary file by name', () => {
    writeFileSync(join(dir, 'a.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    const error = briefErrorOf(() => loadBriefing(dir, dir));
    expect([error.code, error.where?.file]).toEqual(['INPUT_NOT_TEXT', 'a.md']);
  });

  it('names the line of the first byte that is not UTF-8', () => {
    writeFileSync(join(dir, 'a.md'), Buffer.concat([Buffer.from('# ok\nstill ok\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(briefErrorOf(() => loadBriefing(dir, dir)).where).toEqual({ file: 'a.md', line: 3 });
  });

  it('reads reveal-md.json beside the Markdown', () => {
    writeFileSync(join(dir, 'a.md'), '# A');
    writeFileSync(join(dir, 'reveal-md.json'), '{"separator": "<!--s-->"}');
    expect(loadBriefing(dir, dir).revealMdJson?.data).toEqual({ separator: '<!--s-->' });
  });
});

describe('resolveAssets', () => {
  const ref = (url: string) => ({ url, file: 'a.md', line: 7 });

  it('copies a local file under the same relative path', () => {
    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, 'img/a.png'), 'png');
    expect(resolveAssets(dir, [ref('img/a.png'), ref('./img/a.png')]).assets).toEqual([{ from: join(dir, 'img/a.png'), to: 'img/a.png', root: dir }]);
  });

  it('warns about a missing file with its line, and goes on', () => {
    const { assets, warnings } = resolveAssets(dir, [ref('img/none.png')]);
    expect(assets).toEqual([]);
    expect(warnings[0]?.where).toEqual({ file: 'a.md', line: 7 });
  });

  it.each(['../secret.png', '/etc/passwd'])('refuses %s, a file outside the briefing', (url) => {
    writeFileSync(join(dir, '../secret.png'), 'secret');
    const error = briefErrorOf(() => resolveAssets(dir, [ref(url)]));
    expect([error.code, error.where?.line]).toEqual(['ASSET_OUTSIDE', 7]);
  });

  it('only warns about a path outside the briefing that names no file: there is nothing to copy', () => {
    expect(resolveAssets(dir, [ref('../../no/such/file.png')]).warnings[0]?.message).toMatch(/was not found/);
  });

  it('refuses a symlink that leaves the briefing folder', () => {
    const outside = mkdtempSync(join(tmpdir(), 'rfc-brief-outside-'));
    writeFileSync(join(outside, 'secret.png'), 'secret');
    symlinkSync(join(outside, 'secret.png'), join(dir, 'link.png'));
    expect(briefErrorOf(() => resolveAssets(dir, [ref('link.png')])).code).toBe('ASSET_OUTSIDE');
  });
});
