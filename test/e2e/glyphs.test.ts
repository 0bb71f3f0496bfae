import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';

/** Pixels of a printed page that are clearly green (the ✅ emoji; the light theme has no green). */
function greenPixels(pdf: string, page: number): number {
  const ppm = execFileSync('pdftoppm', ['-r', '36', '-f', `${page}`, '-l', `${page}`, pdf], { maxBuffer: 16 << 20 });
  const header = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))?.[0] ?? '';
  let green = 0;
  for (let at = header.length; at + 2 < ppm.length; at += 3) {
    const [r, g, b] = [ppm[at] ?? 0, ppm[at + 1] ?? 0, ppm[at + 2] ?? 0];
    if (g > 140 && r < 130 && b < 130) green++;
  }
  return green;
}

describe('emoji and characters no font has', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-glyphs-'));
  cpSync(fixture('glyphs'), join(dir, 'deck'), { recursive: true });

  it('prints emoji in colour (the emoji font setup installs), not as missing-glyph boxes', async () => {
    const built = await run(['build', 'deck', '--only', 'slides'], dir);
    expect(built.code).toBe(0);
    expect(greenPixels(join(dir, 'dist/slides.pdf'), 2)).toBeGreaterThan(10);
  });

  it('warns about a character no installed font has, naming its slide, and not about the emoji', async () => {
    const check = await run(['check', 'deck', '--json'], dir);
    const { findings } = JSON.parse(check.stdout) as { findings: { code: string; slide?: number; line?: number; message: string }[] };
    expect(findings.filter((f) => f.code === 'missing-glyph')).toEqual([
      expect.objectContaining({ slide: 3, line: 14, message: expect.stringContaining('𐘀 (U+10600)') }),
    ]);
  });

  it('build says so too, with the same slide and line, while it prints', async () => {
    const built = await run(['build', 'deck', '--only', 'slides', '--out', 'built', '--no-cache'], dir);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(
      /deck\/01-glyphs\.md:14: slide 3 "Old script .*" has characters no installed font has, printed as boxes: .* \(U\+10600\)/,
    );
    expect(built.stderr).not.toMatch(/U\+1F680/);
  });
});
