import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { RUN_MARKER, runMarkerText } from '../../src/content/scratch.js';
import { OUTPUT_MARKER } from '../../src/pipeline/output-folder.js';
import { run } from '../helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'rfc-brief-outdir-')));
  mkdirSync(join(dir, 'deck'));
  writeFileSync(join(dir, 'deck/a.md'), '## Hello\n');
  // The user's own work: a folder that has nothing to do with rfc-brief.
  mkdirSync(join(dir, 'work/slides'), { recursive: true });
  writeFileSync(join(dir, 'work/notes.txt'), 'my notes');
  writeFileSync(join(dir, 'work/slides/mine.txt'), 'my slides');
});

const build = (out: string) => run(['build', 'deck', '--no-pdf', '--out', out], dir);
const untouched = () => {
  expect(readFileSync(join(dir, 'work/notes.txt'), 'utf8')).toBe('my notes');
  expect(readdirSync(join(dir, 'work/slides'))).toEqual(['mine.txt']);
  expect(readdirSync(join(dir, 'work')).sort()).toEqual(['notes.txt', 'slides']);
};

describe('the output commit replaces only what rfc-brief wrote', () => {
  it('refuses an --out that is a symlink (to a folder of other work), and deletes nothing', async () => {
    symlinkSync(join(dir, 'work'), join(dir, 'dist'));
    const result = await build('dist');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error\[OUTPUT_NOT_WRITABLE\]: the output folder \S*\/dist is a symlink; rfc-brief does not write through it/,
    );
    untouched();
  });

  it('refuses a non-empty folder without its marker, saying what to do', async () => {
    const result = await build('work');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error[OUTPUT_NOT_WRITABLE]: ${join(dir, 'work')} holds files that rfc-brief did not write; it will not write over them`,
    );
    expect(result.stderr).toContain('Choose a new or empty folder with --out');
    untouched();
    // Nothing left beside it either.
    expect(readdirSync(dir).sort()).toEqual(['deck', 'work']);
  });

  it('writes a marker, and replaces a folder with its marker as before', async () => {
    expect((await build('dist')).code).toBe(0);
    const marker = JSON.parse(readFileSync(join(dir, 'dist', OUTPUT_MARKER), 'utf8')) as { generator: string; entries: string[] };
    expect(marker).toEqual({ generator: 'rfc-brief', entries: ['slides', 'report', 'slides.html', 'build-report.json'] });
    writeFileSync(join(dir, 'deck/a.md'), '## Changed\n');
    expect((await build('dist')).code).toBe(0);
    expect(readFileSync(join(dir, 'dist/slides/index.html'), 'utf8')).toContain('Changed');
  });

  it('does not replace an entry of its own folder that it did not write (a folder put there by hand)', async () => {
    expect((await run(['build', 'deck', '--no-pdf', '--only', 'report'], dir)).code).toBe(0);
    mkdirSync(join(dir, 'dist/slides'));
    writeFileSync(join(dir, 'dist/slides/mine.txt'), 'mine');
    const result = await build('dist');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/dist\/slides was not written by rfc-brief; it will not write over it/);
    expect(readdirSync(join(dir, 'dist/slides'))).toEqual(['mine.txt']);
  });

  it('takes an output folder written before the marker existed (its build-report.json is rfc-brief’s)', async () => {
    mkdirSync(join(dir, 'old/slides'), { recursive: true });
    writeFileSync(join(dir, 'old/slides/index.html'), 'old');
    writeFileSync(join(dir, 'old/build-report.json'), JSON.stringify({ generator: 'rfc-brief', files: [{ path: 'slides/index.html' }] }));
    expect((await build('old')).code).toBe(0);
    expect(readFileSync(join(dir, 'old/slides/index.html'), 'utf8')).toContain('Hello');
  });

  it('sweeps the staging folder a run that died left beside the output (its pid is gone)', async () => {
    // A pid that surely ran and is gone: a process that has exited.
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
    const left = join(dir, `.dist.rfc-brief-${dead}-abcdef`);
    mkdirSync(join(left, 'slides'), { recursive: true });
    writeFileSync(join(left, RUN_MARKER), runMarkerText(dead));
    const alive = join(dir, `.dist.rfc-brief-${process.ppid}-abcdef`);
    mkdirSync(alive);
    writeFileSync(join(alive, RUN_MARKER), runMarkerText(process.ppid));
    expect((await build('dist')).code).toBe(0);
    expect(existsSync(left)).toBe(false);
    // A live run's staging folder is its own.
    expect(existsSync(alive)).toBe(true);
  });
});
