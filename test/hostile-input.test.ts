import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BriefError } from '../src/errors.js';
import { explainDiskFull } from '../src/pipeline/staging.js';
import { run } from './helpers/cli.js';
import { spawnBin } from './helpers/spawn.js';

// Issue 15, "input that hangs, crashes or eats memory": each case ends in a clear error (exit 1)
// that names the limit or the file, never a hang, a bug trace (exit 70) or an out-of-memory kill.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rfc-brief-hostile-'));
  mkdirSync(join(dir, 'deck'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});
const deck = (name: string, contents: string | Buffer) => writeFileSync(join(dir, 'deck', name), contents);
const build = (...args: string[]) => run(['build', 'deck', '--no-pdf', ...args], dir);
const spawnBuild = (args: string[] = [], options: Parameters<typeof spawnBin>[2] = {}) =>
  spawnBin(['build', 'deck', '--no-pdf', ...args], dir, options);
const isRoot = process.getuid?.() === 0;
const fifo = (name: string) => execFileSync('mkfifo', [join(dir, 'deck', name)]);
const chart = (spec: string) => `## Chart\n\n\`\`\`chart\n${spec}\n\`\`\`\n`;

describe('unkillable hangs become errors', () => {
  it('a separator with catastrophic backtracking: stopped at the regexMs limit (the build ends, and says why)', async () => {
    deck('a.md', `---\nseparator: "(a+)+$"\n---\n## A\n\n${'a'.repeat(35)}!\n`);
    const result = await spawnBuild([], { env: { RFC_BRIEF_LIMITS: 'regexMs=500' } });
    expect(result.killed).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md:4: the separator pattern ran for more than 500 ms/);
    expect(result.stderr).toContain('RFC_BRIEF_LIMITS=regexMs=1000');
  });

  it('a vertical or notes separator of the same kind', async () => {
    deck('a.md', `---\nnotesSeparator: "^(x+x+)+y"\n---\n## A\n\n${'x'.repeat(40)}\n`);
    const result = await spawnBuild([], { env: { RFC_BRIEF_LIMITS: 'regexMs=500' } });
    expect([result.killed, result.code]).toEqual([false, 1]);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md:4: the notes separator pattern ran for more than 500 ms/);
  });

  it('a custom separator that is harmless still splits (through the worker)', async () => {
    deck('a.md', '---\nseparator: "^<!--s-->$"\n---\n## A\n\n<!--s-->\n\n## B\n');
    const result = await build('--quiet');
    expect(result.code).toBe(0);
  });

  it('a Markdown file that is a FIFO is refused, not read', async () => {
    fifo('a.md');
    const result = await spawnBin(['build', 'deck/a.md', '--no-pdf'], dir, { timeoutMs: 10_000 });
    expect([result.killed, result.code]).toEqual([false, 1]);
    expect(result.stderr).toMatch(/^error\[INPUT_NOT_TEXT\]: deck\/a\.md: .* is a named pipe \(FIFO\), not a regular file/);
  });

  it('reveal-md.json that is a FIFO', async () => {
    deck('a.md', '## A\n');
    fifo('reveal-md.json');
    const result = await spawnBuild([], { timeoutMs: 10_000 });
    expect([result.killed, result.code]).toEqual([false, 1]);
    expect(result.stderr).toMatch(/reveal-md\.json is a named pipe \(FIFO\)/);
  });

  it("a chart's data file that is a FIFO: refused as such (not 'does not exist')", async () => {
    deck('a.md', chart('data: {url: d.csv}\nmark: bar'));
    fifo('d.csv');
    const result = await spawnBuild([], { timeoutMs: 10_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[DATA\]: deck\/a\.md:3: the chart's data file d\.csv is a named pipe \(FIFO\)/);
  });

  it.skipIf(!isRoot)("a chart's data file that is a character device (mknod /dev/zero inside the briefing)", async () => {
    deck('a.md', chart('data: {url: zero.csv}\nmark: bar'));
    execFileSync('mknod', [join(dir, 'deck', 'zero.csv'), 'c', '1', '5']);
    const result = await spawnBuild([], { timeoutMs: 10_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/zero\.csv is a character device/);
  });

  it('a theme stylesheet that is a FIFO (front matter) or /dev/urandom (--theme)', async () => {
    deck('a.md', '---\ntheme: t.css\n---\n## A\n');
    fifo('t.css');
    const piped = await spawnBuild([], { timeoutMs: 10_000 });
    expect([piped.killed, piped.code]).toEqual([false, 1]);
    expect(piped.stderr).toMatch(/^error\[UNKNOWN_THEME\]: deck\/a\.md:2: the theme stylesheet t\.css is a named pipe/);
    symlinkSync('/dev/urandom', join(dir, 'random.css'));
    const random = await spawnBuild(['--theme', join(dir, 'random.css')], { timeoutMs: 10_000 });
    expect([random.killed, random.code]).toEqual([false, 1]);
    expect(random.stderr).toMatch(/random\.css is a character device/);
  });

  it('front matter with 100,000 keys: refused at once (the yamlKeys limit)', async () => {
    deck('a.md', `---\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\n## A\n`);
    const result = await spawnBuild([], { timeoutMs: 30_000 });
    expect([result.killed, result.code]).toEqual([false, 1]);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md:1: the front matter has about 100,000 keys; .*limit "yamlKeys"/);
  });
});

/** `&b0 [*a x10]`, `&b1 [*b0 x10]`, ...: ten levels make 10^10 nodes. */
function aliasBomb(indent = ''): string {
  const lines = [`${indent}a: &a [x, x, x, x, x, x, x, x, x, x]`];
  let previous = 'a';
  for (let i = 0; i < 9; i++) {
    lines.push(`${indent}b${i}: &b${i} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    previous = `b${i}`;
  }
  return lines.join('\n');
}

describe('crashes become clear errors', () => {
  it('a YAML alias bomb in the front matter', async () => {
    deck('a.md', `---\n${aliasBomb()}\n---\n## A\n`);
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md:1: the front matter uses more aliases than it may .*limit "yamlAliases"/);
  });

  it('a YAML alias bomb in a chart', async () => {
    deck('a.md', chart(`mark: bar\nusermeta:\n${aliasBomb('  ')}`));
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md:3: the chart specification uses more aliases/);
  });

  it('10 MB of Markdown in one slide: the slideBytes limit', async () => {
    deck('a.md', `## Big\n\n${'word '.repeat(2_000_000)}`);
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[LIMIT\]: deck\/a\.md:1: this slide holds 9766 kB of Markdown; .*limit "slideBytes"/);
  });

  it('with the limit raised, a stack overflow in marked is still an error about the slide', async () => {
    vi.stubEnv('RFC_BRIEF_LIMITS', 'slideBytes=20000000');
    deck('a.md', `## Big\n\n${'word '.repeat(2_000_000)}`);
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[INPUT_TOO_DEEP\]: deck\/a\.md:1: this slide is too large or too deeply nested to parse/);
  });

  it('100,000 nested <span>s and 20,000 nested <blockquote>s of raw HTML', async () => {
    deck('a.md', `## A\n\n${'<span>'.repeat(100_000)}x${'</span>'.repeat(100_000)}`);
    expect((await build()).stderr).toMatch(/^error\[(LIMIT|INPUT_TOO_DEEP)\]: deck\/a\.md:/);
    deck('a.md', `## A\n\n${'<blockquote>'.repeat(20_000)}x${'</blockquote>'.repeat(20_000)}`);
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[INPUT_TOO_DEEP\]: deck\/a\.md:3: raw HTML on this line is nested more than 256 elements deep/);
  });

  it('HTML nested within the limit, and many sibling elements, still build', async () => {
    deck('a.md', `## A\n\n${'<div>'.repeat(100)}x${'</div>'.repeat(100)}\n\n${'<p>a<br><img src="x.png" alt="">'.repeat(2_000)}`);
    // The image is there: a missing file would fail the build (it checks what check checks).
    deck('x.png', 'not really a PNG');
    expect((await build('--quiet')).code).toBe(0);
  });

  it('a file name that is not UTF-8: refused with the name escaped', async () => {
    deck('b.md', '## B\n');
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'deck', 'caf')), Buffer.from([0xe9]), Buffer.from('.md')]), '## A\n');
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[INPUT_NOT_TEXT\]: deck: the file name "caf\\xe9\.md" is not UTF-8/);
  });

  it("a chart's href channel is removed, with a warning (vega crashed on it)", async () => {
    deck('a.md', chart('data: {values: [{a: 1, u: "https://evil.example/"}]}\nmark: bar\nencoding: {x: {field: a}, href: {field: u}}'));
    const result = await spawnBuild([], { timeoutMs: 30_000 });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: deck/a.md:3: the chart uses the "href" channel');
    const html = execFileSync('cat', [join(dir, 'dist/slides/index.html')], { encoding: 'utf8' });
    expect(html).not.toContain('evil.example');
  });
});

it('ENOSPC from any write of the build is OUTPUT_NOT_WRITABLE (injected, where no tmpfs can be mounted)', () => {
  const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const explained = explainDiskFull(full, '/out');
  expect(explained).toBeInstanceOf(BriefError);
  expect((explained as BriefError).code).toBe('OUTPUT_NOT_WRITABLE');
  expect((explained as BriefError).message).toMatch(/^the disk is full/);
  const other = new Error('EACCES');
  expect(explainDiskFull(other, '/out')).toBe(other);
});

describe.skipIf(!isRoot)('a full disk (a 200 kB tmpfs)', () => {
  let mount: string;
  beforeEach(() => {
    mount = join(dir, 'small');
    mkdirSync(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', mount]);
  });
  afterEach(() => {
    execFileSync('umount', [mount]);
  });

  it('OUTPUT_NOT_WRITABLE says the disk is full, and no staging folder is left', async () => {
    deck('a.md', `## A\n\n${'A paragraph of some length. '.repeat(40)}\n\n---\n\n`.repeat(300));
    const result = await build('--out', join(mount, 'out'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[OUTPUT_NOT_WRITABLE\]: the disk is full: cannot write the output folder/);
    expect(readdirSync(mount)).toEqual([]);
  });
});
