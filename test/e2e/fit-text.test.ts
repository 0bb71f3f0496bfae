import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, type CliRun } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readPdf } from '../helpers/pdf.js';

describe('r-fit-text, printed by the real browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-fit-text-'));
  let built: CliRun;
  beforeAll(async () => {
    cpSync(fixture('fit-text'), join(dir, 'deck'), { recursive: true });
    built = await run(['build', 'deck', '--only', 'slides'], dir);
  });

  it('prints a short fitted word (it grew taller than the room under the title and fell off the page)', async () => {
    expect([built.code, built.stderr]).toEqual([0, '']);
    const { pages } = await readPdf(join(dir, 'dist/slides.pdf'));
    expect(pages[1]).toContain('BIG');
  });

  it('fits a long line to the content box: all of it printed, nothing past the right padding', async () => {
    const { pages } = await readPdf(join(dir, 'dist/slides.pdf'));
    expect(pages[2]).toContain('A fitted line that is rather long indeed');
    const check = await run(['check', 'deck'], dir);
    expect(check.stdout).toMatch(/no problems found/);
  });
});
