import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { run } from '../helpers/cli.js';
import { fixture, ROOT } from '../helpers/paths.js';

const FINDINGS = fixture('check-findings');
const FILE = 'test/fixtures/check-findings/deck.md';
const OVERFLOWING = `---\ntitle: Cut off\ntitleSlide: true\n---\n## Fine\n\nNote: said.\n\n---\n\n## Far too tall\n\n${Array.from({ length: 16 }, (_, i) => `- bullet ${i + 1}`).join('\n')}\n\nNote: too long.\n`;

/** No staging folder (".<out>.rfc-brief-…") is left beside the output folder. */
const staged = (dir: string) => readdirSync(dir).filter((name) => name.includes('.rfc-brief-'));

describe('build checks what check checks (issue 13, case 1)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-build-checks-'));
    mkdirSync(join(dir, 'tall'));
    writeFileSync(join(dir, 'tall/deck.md'), OVERFLOWING);
  });

  it('fails on the errors check finds, with the lines check prints, and writes nothing', async () => {
    const out = join(dir, 'findings-out');
    const built = await run(['build', FINDINGS, '--out', out, '--only', 'slides'], ROOT);
    const checked = await run(['check', FINDINGS], ROOT);
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/error\[CHECK_FAILED\]: the build found 5 errors, so nothing was written:/);
    const errorLines = checked.stdout.split('\n').filter((line) => /^(\S+:\d+: )?error: .* \[[a-z-]+\]$/.test(line));
    expect(errorLines).toHaveLength(5);
    for (const line of errorLines) expect(built.stderr).toContain(`  ${line}\n`);
    expect(built.stderr).toContain(`${FILE}:44: error: slide 7 "Far too tall" overflows the slide`);
    expect(built.stderr).toContain('--force');
    expect(existsSync(out)).toBe(false);
    expect(staged(dir)).toEqual([]);
  });

  it('measures overflow in the print layout of slides.pdf: a slide cut off fails the build', async () => {
    const result = await run(['build', 'tall', '--out', 'tall-out', '--only', 'slides'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /tall\/deck\.md:11: error: slide 3 "Far too tall" overflows the slide: its content is \d+ px too tall \[overflow\]/,
    );
    expect(existsSync(join(dir, 'tall-out'))).toBe(false);
  });

  it('--force writes the outputs anyway and still exits 1', async () => {
    const result = await run(['build', 'tall', '--out', 'forced', '--force'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tall\/deck\.md:11: error: slide 3 "Far too tall" overflows the slide/);
    expect(result.stderr).toMatch(/error\[CHECK_FAILED\]: the build found 1 problem; written anyway \(--force\)/);
    for (const file of ['slides/index.html', 'slides.pdf', 'handout.pdf', 'report.pdf', 'build-report.json'])
      expect(existsSync(join(dir, 'forced', file))).toBe(true);
  });

  it('a slides.pdf reused from the cache fails the build as its first print did', async () => {
    // The forced build above left its PDFs in the cache of "forced".
    const launches = Browser.launches;
    const result = await run(['build', 'tall', '--out', 'forced', '--only', 'slides'], dir);
    expect(Browser.launches).toBe(launches);
    expect(result.rawStderr).toMatch(/print slides\.pdf \(\d+ pages, unchanged, reused/);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tall\/deck\.md:11: error: slide 3 "Far too tall" overflows the slide/);
  });

  it('--strict fails on warnings too, as check --strict does; without it they are only said', async () => {
    mkdirSync(join(dir, 'quiet'));
    writeFileSync(join(dir, 'quiet/deck.md'), '## Fine\n\nNote: said.\n\n---\n\n## No notes here\n\n- nothing to say\n');
    const plain = await run(['build', 'quiet', '--out', 'quiet-out', '--no-pdf'], dir);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('warning: quiet/deck.md:7: slide 2 "No notes here" has no speaker notes');
    const strict = await run(['build', 'quiet', '--out', 'strict-out', '--no-pdf', '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/error\[CHECK_FAILED\]: the build found 1 warning \(--strict\), so nothing was written:/);
    expect(strict.stderr).toContain('  quiet/deck.md:7: warning: slide 2 "No notes here" has no speaker notes [no-notes]');
    expect(existsSync(join(dir, 'strict-out'))).toBe(false);
    expect((await run(['check', 'quiet', '--no-browser', '--strict'], dir)).code).toBe(1);
  });
});
