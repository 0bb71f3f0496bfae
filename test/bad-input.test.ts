import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { generateDeck } from './helpers/deck.js';
import { BIN } from './helpers/paths.js';

// Every kind of bad input: the exit code and the message a person reads.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rfc-brief-bad-'));
  mkdirSync(join(dir, 'deck'));
});
const deck = (name: string, contents: string | Buffer) => writeFileSync(join(dir, 'deck', name), contents);
const build = (...args: string[]) => run(['build', 'deck', '--no-pdf', ...args], dir);

describe('bad input', () => {
  it('an empty folder', async () => {
    const result = await build();
    expect([result.code, result.stderr]).toEqual([
      1,
      expect.stringMatching(/^error\[INPUT_EMPTY\]: deck holds no Markdown \(\.md\) files/),
    ]);
  });

  it('an empty file', async () => {
    deck('a.md', '');
    expect((await build()).stderr).toMatch(/^error\[INPUT_EMPTY\]: deck\/a\.md: the file is empty/);
  });

  it('a file that is not UTF-8', async () => {
    deck('a.md', Buffer.concat([Buffer.from('## Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const result = await build();
    expect([result.code, result.stderr]).toEqual([
      1,
      expect.stringMatching(/^error\[INPUT_NOT_TEXT\]: deck\/a\.md:1: the file is not UTF-8 text/),
    ]);
  });

  it('an unknown theme in the front matter, with its line', async () => {
    deck('a.md', '---\ntitle: T\ntheme: corporate\n---\n## A');
    expect((await build()).stderr).toMatch(/^error\[UNKNOWN_THEME\]: deck\/a\.md:3: there is no theme called "corporate"/);
  });

  it('a code fence that is never closed: a warning with the slide line, and the build goes on', async () => {
    deck('a.md', '## One\n\n---\n\n## Two\n\n```js\nlet a;\n');
    const result = await build();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: deck/a.md:5: a code fence opened on this slide is never closed');
  });

  it('a slide with only a separator: a warning, and reveal.js gets the same empty slide', async () => {
    deck('a.md', '## One\n\n---\n\n---\n\n## Three');
    const result = await build();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: deck/a.md:4: this slide is empty');
    expect(readFileSync(join(dir, 'dist/slides/index.html'), 'utf8').match(/<section data-source=/g)).toHaveLength(3);
  });

  it('lists nested beyond reason: an error with the line, not a crash', async () => {
    deck('a.md', `## Deep\n\n${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}`);
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[INPUT_TOO_DEEP\]: deck\/a\.md:68: this line is nested 65 levels deep/);
  });

  it('quotes nested beyond reason', async () => {
    deck('a.md', `## Deep\n\n${'>'.repeat(10_000)} quote`);
    expect((await build()).stderr).toMatch(/^error\[INPUT_TOO_DEEP\]: deck\/a\.md:3:/);
  });

  it('hostile HTML under --safe builds a deck without any of it', async () => {
    deck('a.md', '## Hi\n\n<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>');
    // The image "x" is not there: an error of the checks, so the deck is written with --force.
    const built = await build('--safe', '--force');
    expect(built.stderr).toContain('x was not found');
    expect(built.stderr).not.toMatch(/^error(?!\[CHECK_FAILED\]: the build found 1 problem; written anyway)/m);
    const html = readFileSync(join(dir, 'dist/slides/index.html'), 'utf8');
    expect(html).not.toMatch(/onerror|alert\(|javascript:/);
  });
});

describe('big input, in bounded memory (the real binary, its heap capped at 192 MB)', () => {
  const exec = promisify(execFile);
  const runCapped = (args: string[]) =>
    exec(process.execPath, ['--max-old-space-size=192', BIN, ...args], { cwd: dir, maxBuffer: 1 << 20 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('a 10 MB Markdown file', async () => {
    // In slides of 13 kB: one slide of 10 MB is past the slideBytes limit (test/limits.test.ts).
    const slide = `## Big\n\n${'A long paragraph of plain words. '.repeat(40).concat('\n\n').repeat(10)}`;
    deck('big.md', Array(800).fill(slide).join('\n---\n\n'));
    const result = await runCapped(['build', 'deck', '--no-pdf', '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('a 2,000-slide deck', async () => {
    deck('many.md', generateDeck(2_000));
    const result = await runCapped(['build', 'deck', '--no-pdf', '--quiet']);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'dist/slides/index.html'), 'utf8').match(/<section data-source=/g)).toHaveLength(2_000);
  });
});

describe('more bad input', () => {
  it('a theme stylesheet outside the briefing, named in the front matter', async () => {
    deck('a.md', '---\ntheme: ../../outside.css\n---\n## A');
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error\[ASSET_OUTSIDE\]: deck\/a\.md:2: the theme stylesheet \.\.\/\.\.\/outside\.css is outside the briefing folder/,
    );
  });

  it('--safe sanitises the sources of the report too', async () => {
    deck(
      'a.md',
      '---\ntitle: T\nsources:\n  - \'A source <img src=x onerror="alert(1)"> <iframe src="https://evil.example"></iframe>\'\n---\n## A',
    );
    expect((await build('--safe')).code).toBe(0);
    const report = readFileSync(join(dir, 'dist/report/index.html'), 'utf8');
    expect(report).toContain('A source');
    expect(report).not.toMatch(/onerror|<iframe/);
  });

  it('serve on a folder that does not exist: the message build gives, and no server', async () => {
    const result = await run(['serve', 'nope', '--port', '0'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[INPUT_NOT_FOUND\]: there is no file or folder at nope/);
  });
});
