import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { createProgress } from '../src/cli/progress.js';
import { run } from './helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rfc-brief-progress-'));
  mkdirSync(join(dir, 'deck'));
  writeFileSync(join(dir, 'deck/a.md'), '---\ntitle: T\ntitel: typo\n---\n## A\n\nNote: n.\n\n---\n\n## B\n\n![](pic.png)\n\nNote: n.');
  // An image without alt text: a warning, which does not fail the build (a missing one would).
  writeFileSync(join(dir, 'deck/pic.png'), 'not really a png');
});

async function runAs(args: string[], env: Record<string, string | undefined>, isTTY: boolean) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, env, isTTY });
  return { code, stdout, stderr };
}

describe('progress and the build report', () => {
  it('on a terminal, shows the stage still running when one of two side-by-side stages ends', () => {
    let stderr = '';
    const progress = createProgress({
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      cwd: dir,
      env: { NO_COLOR: '1' },
      isTTY: true,
    });
    progress({ stage: 'slides.pdf', state: 'start' });
    progress({ stage: 'report.pdf', state: 'start' });
    progress({ stage: 'slides.pdf', state: 'done', ms: 500, pages: 3 });
    expect(stderr.endsWith('✓ print slides.pdf  3 pages, 500 ms\n\r\x1b[2K… print report.pdf')).toBe(true);
    progress({ stage: 'report.pdf', state: 'done', ms: 1500 });
    expect(stderr.endsWith('✓ print report.pdf  1.5 s\n')).toBe(true);
  });

  it('prints one plain line per finished stage on stderr when not a terminal', async () => {
    const result = await run(['build', 'deck', '--no-pdf'], dir);
    expect(result.rawStderr).toMatch(/^rfc-brief: read the briefing \(\d+ ms\)$/m);
    expect(result.rawStderr).toMatch(/^rfc-brief: render the report \(\d+ ms\)$/m);
    expect(result.rawStderr).not.toContain('\x1b');
    expect(result.stdout).not.toContain('rfc-brief:');
  });

  it('draws a task list on a terminal, in colour unless NO_COLOR is set', async () => {
    const coloured = await runAs(['build', 'deck', '--no-pdf'], { ...process.env, NO_COLOR: undefined }, true);
    expect(coloured.stderr).toContain('\x1b[32m✓\x1b[0m render the deck');
    const plain = await runAs(['build', 'deck', '--no-pdf'], { ...process.env, NO_COLOR: '1' }, true);
    expect(plain.stderr).toContain('✓ render the deck');
    expect(plain.stderr).not.toMatch(/\x1b\[\d+m/);
  });

  it('prints nothing on stderr with --quiet', async () => {
    const result = await run(['build', 'deck', '--no-pdf', '--quiet'], dir);
    expect(result.rawStderr).toBe('');
    expect(result.code).toBe(0);
  });

  it("lists the stages in the order they started and the files in the outputs' order, though the PDFs print side by side", async () => {
    const result = await run(['build', 'deck', '--json', '--quiet'], dir);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { path: string }[]; stages: { stage: string; at: number; ms: number }[] };
    expect(report.stages.map((s) => s.stage)).toEqual([
      'read',
      'figures',
      'deck',
      'slides.pdf',
      'handout.pdf',
      'slides.pptx',
      'report',
      'report.pdf',
      'slides.html',
      'slides-images',
      'measure',
    ]);
    expect(report.stages.every((s) => s.ms >= 0)).toBe(true);
    // Each stage says when it started: in the order listed, and the outputs after what they are made from.
    const at = report.stages.map((s) => s.at);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    const stage = (name: string) => report.stages.find((s) => s.stage === name) ?? { at: NaN, ms: NaN };
    expect(stage('deck').at).toBeGreaterThanOrEqual(stage('figures').at + stage('figures').ms);
    expect(report.files.map((f) => f.path)).toEqual([
      'dist/slides/index.html',
      'dist/slides.pdf',
      'dist/handout.pdf',
      'dist/slides.pptx',
      'dist/report/index.html',
      'dist/report.pdf',
      'dist/slides.html',
      'dist/slides-images',
    ]);
  });

  it('prints the build report as JSON with --json: files, stage times, warnings with file and line', async () => {
    const result = await run(['build', 'deck', '--no-pdf', '--json', '--quiet'], dir);
    const report = JSON.parse(result.stdout) as {
      files: { path: string; bytes: number }[];
      stages: { stage: string; ms: number }[];
      warnings: { message: string; file?: string; line?: number }[];
    };
    expect(report.files.map((f) => f.path)).toEqual(['dist/slides/index.html', 'dist/report/index.html', 'dist/slides.html']);
    expect(report.files.every((f) => f.bytes > 0)).toBe(true);
    expect(report.stages.map((s) => s.stage)).toEqual(['read', 'figures', 'deck', 'report', 'slides.html']);
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ file: 'deck/a.md', line: 3, message: expect.stringContaining('"titel"') }),
    );
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ file: 'deck/a.md', line: 11, message: expect.stringContaining('image without alt text: pic.png') }),
    );
  });

  it('writes build-report.json beside the outputs', async () => {
    await run(['build', 'deck', '--no-pdf'], dir);
    const report = JSON.parse(readFileSync(join(dir, 'dist/build-report.json'), 'utf8')) as { files: { path: string }[]; slides: number };
    expect(report.files.map((f) => f.path)).toEqual(['slides/index.html', 'report/index.html', 'slides.html']);
    // A and B: a front matter with only a title makes no title slide (README, "Title slide").
    expect(report.slides).toBe(2);
  });
});
