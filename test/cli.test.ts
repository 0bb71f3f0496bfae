import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { BIN, CONTENT, ROOT } from './helpers/paths.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rfc-brief-cli-'));
});
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};

describe('rfc-brief build --no-pdf (in-process)', () => {
  it('writes the deck, the report and slides.html, everything they need, and lists them on stdout', async () => {
    const result = await run(['build', CONTENT, '--out', 'out', '--no-pdf'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^out\/slides\/index\.html \(\d+\.\d KiB\)\nout\/report\/index\.html \(\d+\.\d KiB\)\nout\/slides\.html \(\d+\.\d KiB\)\n$/,
    );
    expect(existsSync(join(dir, 'out/report/lib/theme/report.css'))).toBe(true);
    for (const file of [
      'index.html',
      'lib/reveal/reveal.js',
      'lib/reveal/notes.js',
      'lib/theme/slides.css',
      'lib/theme/fonts/inter-latin-400-normal.woff2',
    ]) {
      expect(existsSync(join(dir, 'out/slides', file)), file).toBe(true);
    }
    expect(existsSync(join(dir, 'out/slides.pdf'))).toBe(false);
  });

  it('writes only what --only names', async () => {
    write('deck/a.md', '## A');
    const result = await run(['build', 'deck', '--no-pdf', '--only', 'report'], dir);
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['.rfc-brief-output', 'build-report.json', 'report']);
  });

  it('--only takes out what an earlier build wrote and this one did not, says so, and leaves other files alone', async () => {
    write('deck/a.md', '## A\n\nNote: n.');
    expect((await run(['build', 'deck', '--no-pdf', '--out', 'stale'], dir)).code).toBe(0);
    write('stale/mine.txt', 'a file of the person, not of rfc-brief');
    const result = await run(['build', 'deck', '--no-pdf', '--only', 'report', '--out', 'stale'], dir);
    expect(result.code).toBe(0);
    expect(
      readdirSync(join(dir, 'stale'))
        .filter((name) => name !== '.rfc-brief-cache')
        .sort(),
    ).toEqual(['.rfc-brief-output', 'build-report.json', 'mine.txt', 'report']);
    expect(existsSync(join(dir, 'stale/slides'))).toBe(false);
    expect(result.stderr).toContain("removed stale/slides, stale/slides.html: an earlier build's, not made by this one");
  });

  it('refuses an unknown output name in --only', async () => {
    const result = await run(['build', '--only', 'slides,memo'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected some of deck, slides, handout, pptx, report, html, images (not memo)');
  });

  it('refuses a handout layout it does not have', async () => {
    const result = await run(['build', '--handout', '4'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/argument '4' is invalid. Allowed choices are 1, 3, 6/);
  });

  it('uses ./content and ./dist by default', async () => {
    write('content/a.md', '## Hello');
    expect((await run(['build', '--no-pdf'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'dist/slides/index.html'))).toBe(true);
  });

  it('copies the images the slides use', async () => {
    write('deck/a.md', '## Pic\n\n![chart](img/chart.png)');
    write('deck/img/chart.png', 'not really a png');
    expect((await run(['build', 'deck', '--no-pdf'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'dist/slides/img/chart.png'), 'utf8')).toBe('not really a png');
  });

  it('prints warnings with file and line on stderr and still succeeds', async () => {
    write('deck/a.md', '---\ntitle: T\ncolour: red\n---\n## A\n\n- no notes\n');
    const result = await run(['build', 'deck', '--no-pdf'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: deck/a.md:3: unknown key "colour" is ignored');
    expect(result.stderr).toContain('warning: deck/a.md:5: slide 1 "A" has no speaker notes');
  });

  it('fails on a missing image, as check does, naming its file and line, and writes nothing', async () => {
    write('deck/a.md', '---\ntitle: T\n---\n## A\n\n![x](missing.png)\n');
    const result = await run(['build', 'deck', '--no-pdf', '--out', 'missing-out'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  deck/a.md:6: error: missing.png was not found; the slide will show it as missing [missing-file]');
    expect(existsSync(join(dir, 'missing-out'))).toBe(false);
  });

  it('with --force --quiet still says what failed, not only that something did', async () => {
    write('deck/a.md', '---\ntitle: T\n---\n## A\n\n![x](missing.png)\n');
    const result = await run(['build', 'deck', '--no-pdf', '--out', 'forced-quiet', '--force', '--quiet'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('deck/a.md:6: error: missing.png was not found; the slide will show it as missing [missing-file]');
    expect(result.stderr).toContain('error[CHECK_FAILED]: the build found 1 problem; written anyway (--force)');
  });

  it('applies --theme', async () => {
    write('deck/a.md', '## A');
    await run(['build', 'deck', '--no-pdf', '--theme', 'dark'], dir);
    const copied = readFileSync(join(dir, 'dist/slides/lib/theme/slides.css'), 'utf8');
    expect(copied).toBe(readFileSync(join(ROOT, 'themes/dark/slides.css'), 'utf8'));
  });
});

describe('rfc-brief errors (in-process)', () => {
  it('names the file and line of broken front matter, exits 1, no stack trace', async () => {
    write('deck/a.md', '---\ntitle: [oops\n---\n## A');
    const result = await run(['build', 'deck', '--no-pdf'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[FRONT_MATTER\]: deck\/a\.md:2: the front matter is not valid YAML/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown theme given on the command line and lists the themes', async () => {
    write('deck/a.md', '## A');
    const result = await run(['build', 'deck', '--no-pdf', '--theme', 'ligth'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error[UNKNOWN_THEME]: there is no theme called "ligth"');
    expect(result.stderr).toContain('Did you mean "light"?');
  });

  it('refuses a missing folder', async () => {
    const result = await run(['build', 'nope', '--no-pdf'], dir);
    expect([result.code, result.stderr]).toEqual([
      1,
      expect.stringContaining('error[INPUT_NOT_FOUND]: there is no file or folder at nope'),
    ]);
  });

  it('refuses an unknown option with exit code 2 and a suggestion', async () => {
    const result = await run(['build', '--no-pfd'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--no-pfd'[\s\S]*--no-pdf/);
  });

  it('refuses a timeout that is not a positive number', async () => {
    const result = await run(['build', '--timeout', 'soon'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected a positive number of milliseconds');
  });

  it('leaves the previous output untouched and nothing half-written when a build fails', async () => {
    write('deck/a.md', '## Good');
    await run(['build', 'deck', '--no-pdf'], dir);
    const before = readFileSync(join(dir, 'dist/slides/index.html'), 'utf8');
    write('outside.png', 'a file the deck must not copy');
    write('deck/a.md', '## Bad\n\n![x](../outside.png)');
    const result = await run(['build', 'deck', '--no-pdf'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error[ASSET_OUTSIDE]: deck/a.md:3: ../outside.png is outside the briefing folder');
    expect(readFileSync(join(dir, 'dist/slides/index.html'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['deck', 'dist', 'outside.png']);
  });

  it('names what was tried when no browser is found', async () => {
    write('deck/a.md', '## A');
    const result = await run(['build', 'deck', '--browser-path', join(dir, 'no-chrome')], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error[BROWSER_NOT_FOUND]: --browser-path names ${join(dir, 'no-chrome')}`);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});

describe('the rfc-brief binary', () => {
  const exec = promisify(execFile);
  const runBin = async (args: string[]) => {
    try {
      const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { cwd: dir });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('prints its version', async () => {
    const pkg = JSON.parse(readFileSync(join(BIN, '../../package.json'), 'utf8')) as { version: string };
    expect((await runBin(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('builds a deck', async () => {
    write('content/a.md', '## From the binary');
    const result = await runBin(['build', '--no-pdf']);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'dist/slides/index.html'), 'utf8')).toContain('<h2 id="from-the-binary">From the binary</h2>');
  });

  it('exits 1 with a message and no stack trace on bad input', async () => {
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content/a.md'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const result = await runBin(['build', '--no-pdf']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error[INPUT_NOT_TEXT]: content/a.md: this is a binary file, not Markdown text\n  Move it out of the briefing folder, or give it another extension than .md.\n',
    );
  });
});
