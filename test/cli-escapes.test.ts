import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable } from '../src/cli/io.js';
import { run } from './helpers/cli.js';

// A title sequence in the file name; in the heading, a screen clear and a clipboard write (OSC 52).
const NAME = 'deck\x1b]0;pwned\x07.md';
const HEADING = 'Hello \x1b[2J\x1b]52;c;ZXZpbA==\x07\u202eworld';
// Any raw control character a terminal acts on (tab and line feed are text).
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

function briefing(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-escapes-'));
  mkdirSync(join(dir, 'deck'));
  writeFileSync(join(dir, 'deck', NAME), `## ${HEADING}\n\n![gone](gone\x1b[31m.png)\n`);
  return dir;
}

describe('nothing from the content reaches the terminal raw', () => {
  it('printable() escapes every control character but line breaks and tabs', () => {
    expect(printable('a\x1b[31mb\x07c\x9bd\u202ee\tf\ng\r')).toBe('a\\x1b[31mb\\x07c\\x9bd\\u202ee\tf\ng\\x0d');
  });

  it('check: findings naming a file and a heading with escape sequences print them escaped', async () => {
    const dir = briefing();
    const result = await run(['check', 'deck', '--no-browser'], dir);
    expect(result.stdout).toContain('no speaker notes');
    expect(result.stdout).not.toMatch(RAW);
    expect(result.stdout).toContain('deck\\x1b]0;pwned\\x07.md');
    expect(result.stdout).toContain('\\x1b]52;c;ZXZpbA==\\x07');
  });

  it('build: warnings and errors print them escaped', async () => {
    const dir = briefing();
    const built = await run(['build', 'deck', '--no-pdf'], dir);
    expect(built.code).toBe(0);
    expect(built.rawStderr).toContain('deck\\x1b]0;pwned\\x07.md');
    expect(built.rawStderr).toContain('Hello \\x1b[2J');
    expect(built.rawStderr).not.toMatch(RAW);
    writeFileSync(join(dir, 'deck', NAME), `---\ntheme: "\x1b]52;c;ZXZpbA==\x07"\n---\n## A\n`);
    const failed = await run(['build', 'deck', '--no-pdf'], dir);
    expect(failed.code).toBe(1);
    expect(failed.rawStderr).toContain('\\x1b]52');
    expect(failed.rawStderr).not.toMatch(RAW);
  });
});
