import { lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rfc-brief-init-'));
});

describe('rfc-brief init', () => {
  it('writes a briefing with the four sections, notes, a data file and a chart', async () => {
    const result = await run(['init', 'brief'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual(['brief/01-briefing.md', 'brief/data/results.csv']);
    const text = readFileSync(join(dir, 'brief/01-briefing.md'), 'utf8');
    for (const section of ['aims', 'mechanisms', 'results', 'next steps']) expect(text).toContain(`data-section="${section}"`);
    expect(text.match(/^Note:/gm)).toHaveLength(4);
    expect(text).toContain('```chart');
  });

  it('gives a briefing that builds and passes the cheap checks', async () => {
    await run(['init', 'brief'], dir);
    expect((await run(['check', 'brief', '--no-browser', '--strict'], dir)).code).toBe(0);
    const built = await run(['build', 'brief', '--no-pdf'], dir);
    expect(built.code).toBe(0);
    expect(readFileSync(join(dir, 'dist/slides/index.html'), 'utf8')).toContain('Without the change');
  });

  it('refuses a folder that is not empty, unless --force', async () => {
    mkdirSync(join(dir, 'brief'));
    writeFileSync(join(dir, 'brief/mine.md'), '## Mine');
    const refused = await run(['init', 'brief'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error\[OUTPUT_NOT_WRITABLE\]: .*brief is not empty; rfc-brief init will not write over it/);
    expect(existsSync(join(dir, 'brief/01-briefing.md'))).toBe(false);
    expect((await run(['init', 'brief', '--force'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'brief/mine.md'), 'utf8')).toBe('## Mine');
  });

  it('--force never writes through a symlink: a link is replaced by the file, a linked folder refused', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'rfc-brief-init-elsewhere-'));
    writeFileSync(join(elsewhere, 'bashrc'), 'my shell');
    mkdirSync(join(dir, 'brief'));
    symlinkSync(join(elsewhere, 'bashrc'), join(dir, 'brief/01-briefing.md'));
    expect((await run(['init', 'brief', '--force'], dir)).code).toBe(0);
    expect(readFileSync(join(elsewhere, 'bashrc'), 'utf8')).toBe('my shell');
    expect(lstatSync(join(dir, 'brief/01-briefing.md')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'brief/01-briefing.md'), 'utf8')).toContain('## Aims');

    mkdirSync(join(dir, 'other'));
    symlinkSync(elsewhere, join(dir, 'other/data'));
    const refused = await run(['init', 'other', '--force'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/other\/data is a symlink; rfc-brief init does not write through it/);
    expect(existsSync(join(elsewhere, 'results.csv'))).toBe(false);
  });
});
