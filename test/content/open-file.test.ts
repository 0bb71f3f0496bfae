import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveAssets } from '../../src/content/assets.js';
import { confine } from '../../src/content/confine.js';
import { copyContentFile, readContentFile } from '../../src/content/open-file.js';
import { run } from '../helpers/cli.js';
import { briefErrorOf } from '../helpers/errors.js';

let root: string;
let outside: string;
let out: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'rfc-brief-open-')));
  outside = realpathSync(mkdtempSync(join(tmpdir(), 'rfc-brief-open-outside-')));
  out = join(realpathSync(mkdtempSync(join(tmpdir(), 'rfc-brief-open-out-'))), 'copy');
  mkdirSync(join(root, 'img'));
  writeFileSync(join(root, 'img/a.png'), 'png');
  writeFileSync(join(outside, 'secret.txt'), 'SECRET-KEY');
});

/** Every file under a folder, read: what a build put into its output. */
function everything(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('copyContentFile: what is opened is what is checked', () => {
  it('copies a plain file of the briefing', () => {
    copyContentFile(root, join(root, 'img/a.png'), out);
    expect(readFileSync(out, 'utf8')).toBe('png');
  });

  it('refuses a hard link to a file outside the briefing (confine() cannot tell it from a file inside)', () => {
    linkSync(join(outside, 'secret.txt'), join(root, 'img/b.png'));
    expect(confine(root, 'img/b.png', undefined)).toBe(join(root, 'img/b.png'));
    const error = briefErrorOf(() => copyContentFile(root, join(root, 'img/b.png'), out, undefined, 'img/b.png'));
    expect(error.code).toBe('ASSET_OUTSIDE');
    expect(error.message).toMatch(/img\/b\.png is a hard link/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file swapped for a symlink out after confine() passed it (the race)', () => {
    const checked = confine(root, 'img/a.png', undefined);
    expect(checked).toBe(join(root, 'img/a.png'));
    rmSync(join(root, 'img/a.png'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'img/a.png'));
    expect(briefErrorOf(() => copyContentFile(root, checked ?? '', out)).message).toMatch(/is a symlink/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder on the path swapped for a symlink out (a theme stylesheet in styles/)', () => {
    mkdirSync(join(root, 'styles'));
    writeFileSync(join(root, 'styles/theme.css'), 'h1 {}');
    writeFileSync(join(outside, 'theme.css'), 'SECRET-KEY');
    const checked = confine(root, 'styles/theme.css', undefined) ?? '';
    renameSync(join(root, 'styles'), join(root, 'styles-old'));
    symlinkSync(outside, join(root, 'styles'));
    expect(briefErrorOf(() => copyContentFile(root, checked, out)).message).toMatch(/is outside the briefing folder/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses what is not a regular file', () => {
    expect(briefErrorOf(() => readContentFile(root, join(root, 'img'))).message).toMatch(/is not a regular file/);
  });
});

describe('hidden files are never assets', () => {
  it('refuses .ssh/id_rsa and any other dot segment, also reached through a symlink', () => {
    mkdirSync(join(root, '.ssh'));
    writeFileSync(join(root, '.ssh/id_rsa'), 'PRIVATE KEY');
    writeFileSync(join(root, '.env'), 'TOKEN=1');
    symlinkSync(join(root, '.ssh/id_rsa'), join(root, 'img/key.png'));
    for (const url of ['.ssh/id_rsa', './.ssh/id_rsa', 'img/../.env', 'img/key.png']) {
      const error = briefErrorOf(() => resolveAssets(root, [{ url, file: 'a.md', line: 3 }]));
      expect(error.message, url).toMatch(/is a hidden file/);
    }
  });
});

describe('a build copies nothing of these into its output', () => {
  it('a single Markdown file in a home folder does not put ~/.ssh/id_rsa into the deck', async () => {
    const home = root;
    mkdirSync(join(home, '.ssh'));
    writeFileSync(join(home, '.ssh/id_rsa'), 'SECRET-KEY');
    writeFileSync(join(home, 'talk.md'), '## Hi\n\n![key](.ssh/id_rsa)\n');
    const result = await run(['build', 'talk.md', '--no-pdf', '--out', join(outside, 'dist')], home);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error\[ASSET_OUTSIDE\]: talk\.md:3: \.ssh\/id_rsa is a hidden file/);
    expect(existsSync(join(outside, 'dist'))).toBe(false);
  });

  it('a hard link in the briefing to a file outside fails the build, and the file is in no output', async () => {
    linkSync(join(outside, 'secret.txt'), join(root, 'img/b.png'));
    writeFileSync(join(root, 'a.md'), '## Hi\n\n![b](img/b.png)\n');
    const result = await run(['build', root, '--no-pdf', '--out', join(out, 'dist')], outside);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/img\/b\.png is a hard link/);
    expect(existsSync(join(out, 'dist'))).toBe(false);
  });

  it('a theme stylesheet named in the front matter that is a hard link to a file outside', async () => {
    linkSync(join(outside, 'secret.txt'), join(root, 'theme.css'));
    writeFileSync(join(root, 'a.md'), '---\ntheme: theme.css\n---\n## Hi\n');
    const result = await run(['build', root, '--no-pdf', '--out', join(out, 'dist')], outside);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/theme\.css is a hard link/);
    expect(existsSync(join(out, 'dist')) ? everything(join(out, 'dist')) : '').not.toContain('SECRET-KEY');
  });
});
