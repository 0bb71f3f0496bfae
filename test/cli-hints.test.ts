import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { run } from './helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rfc-brief-hints-'));
});
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};

/** runCli as the bin at `bin` runs it (the hints depend on where rfc-brief is installed). */
async function runAs(bin: string, args: string[]) {
  let stderr = '';
  const code = await runCli(args, { stdout: () => undefined, stderr: (t) => (stderr += t), cwd: dir, env: process.env, bin });
  return { code, stderr };
}

describe('habits of neighbouring tools', () => {
  it('answers build --watch and -w with serve', async () => {
    for (const flag of ['--watch', '-w']) {
      const result = await run(['build', flag], dir);
      expect(result.code, flag).toBe(2);
      expect(result.stderr, flag).toBe('error: rfc-brief build does not watch; use `rfc-brief serve` (it rebuilds on every save)\n');
    }
  });

  it('answers a Markdown file given as the command with build', async () => {
    const result = await run(['deck.md', '--no-pdf'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: unknown command 'deck.md'\n(Did you mean `rfc-brief build deck.md --no-pdf`?)\n");
  });

  it('answers an existing folder given as the command with build', async () => {
    write('slides/a.md', '## A');
    const result = await run(['slides'], dir);
    expect(result.stderr).toContain('(Did you mean `rfc-brief build slides`?)');
  });

  it('leaves other unknown commands to the usual suggestion', async () => {
    const result = await run(['biuld'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: unknown command 'biuld'\n(Did you mean build?)\n");
  });
});

describe('the commands a hint suggests', () => {
  it('say npx rfc-brief when rfc-brief runs from a project’s node_modules', async () => {
    write('project/package.json', '{}');
    const result = await runAs(join(dir, 'project/node_modules/.bin/rfc-brief'), ['init', 'project/content']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Next: npx rfc-brief check project/content && npx rfc-brief build project/content');
  });

  it('say rfc-brief from a global install or a clone', async () => {
    const global = await runAs(join(dir, 'prefix/lib/node_modules/rfc-brief/bin/rfc-brief.js'), ['init', 'a']);
    expect(global.stderr).toContain('Next: rfc-brief check a && rfc-brief build a');
    const clone = await run(['init', 'b'], dir);
    expect(clone.stderr).toContain('Next: rfc-brief check b && rfc-brief build b');
  });

  it('suggest init when there is no content/ folder, for each command that reads one', async () => {
    for (const command of ['build', 'check', 'serve']) {
      const result = await run([command], dir);
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toBe(
        'error[INPUT_NOT_FOUND]: there is no file or folder at content\n' +
          `  There is no briefing here yet: \`rfc-brief init\` starts one in content/. Or pass the folder that holds your Markdown: \`rfc-brief ${command} <folder>\`.\n`,
      );
    }
  });

  it('name the command that was run for a folder that is not there', async () => {
    const result = await run(['serve', 'slidse'], dir);
    expect(result.stderr).toContain('  Pass the folder that holds your Markdown: `rfc-brief serve <folder>`.');
    expect(result.stderr).not.toContain('init');
  });
});

describe('build --json', () => {
  it('prints an object with ok: false and the error on stdout when the build fails, exit code 1', async () => {
    write('deck/a.md', '---\ntitle: [oops\n---\n## A');
    const result = await run(['build', 'deck', '--no-pdf', '--json'], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      error: {
        code: 'FRONT_MATTER',
        message: expect.stringContaining('the front matter is not valid YAML') as unknown,
        file: 'deck/a.md',
        line: 2,
        hint: expect.any(String) as unknown,
      },
    });
    expect(result.stderr).toMatch(/^error\[FRONT_MATTER\]: deck\/a\.md:2:/);
  });

  it('gives the hint the terminal gets, and null where there is no file', async () => {
    const result = await run(['build', '--no-pdf', '--json'], dir);
    const printed = JSON.parse(result.stdout) as { ok: boolean; error: { code: string; file: null; hint: string } };
    expect(printed.ok).toBe(false);
    expect(printed.error.code).toBe('INPUT_NOT_FOUND');
    expect(printed.error.file).toBeNull();
    expect(printed.error.hint).toContain('`rfc-brief init`');
  });

  it('prints ok: true with the build report when the build succeeds', async () => {
    write('deck/a.md', '## A');
    const result = await run(['build', 'deck', '--no-pdf', '--json', '--quiet'], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, generator: 'rfc-brief', slides: 1 });
  });
});
