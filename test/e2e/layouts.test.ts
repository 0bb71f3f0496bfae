import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, type CliRun } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readPdf, type ReadPdf } from '../helpers/pdf.js';

/** test/fixtures/layouts: one slide of every layout (two image splits), callouts of every kind. */
describe('a deck using every layout and callout, printed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-layouts-'));
  let build: CliRun;
  let slides: ReadPdf;
  let handout: ReadPdf;
  let report: ReadPdf;

  beforeAll(async () => {
    cpSync(fixture('layouts'), join(dir, 'deck'), { recursive: true });
    build = await run(['build', 'deck', '--out', 'dist'], dir);
    const read = (name: string) => readPdf(join(dir, `dist/${name}.pdf`));
    [slides, handout, report] = await Promise.all([read('slides'), read('handout'), read('report')]);
  });

  it('builds the slides PDF, handout and report with nothing overflowing and no warning', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
  });

  it('prints one slide per page, each layout with its text', () => {
    expect(slides.pages).toHaveLength(10);
    const page = (n: number) => (slides.pages[n - 1] ?? '').replace(/\s+/g, ' ');
    expect(page(1)).toContain('Running Xen operations deprivileged');
    expect(page(1)).toContain('Security team · 2026-11-25');
    expect(page(2)).toContain('Part one: the proposal');
    expect(page(3)).toMatch(/The left column holds the argument[\s\S]*On the right/);
    expect(page(3)).toContain('Note A note inside a column.');
    expect(page(4)).toMatch(/Cost[\s\S]*Benefit[\s\S]*Risk[\s\S]*Warning The prototype is x86 HVM only./);
    expect(page(5)).toContain('The memory layout');
    expect(page(6)).toContain('What to take away Marp users write what they know.');
    expect(page(7)).toContain('Moving device emulation out of the hypervisor');
    expect(page(8)).toMatch(/3\.2 ?ms/);
    expect(page(8)).toContain('Source: the RFC');
    expect(page(9)).toContain('Making the hypervisor smaller');
    expect(page(10)).toMatch(/Approve the prototype for x86 HVM\?[\s\S]*Tip[\s\S]*Caution/);
  });

  it('lays the slides into the handout, three a page, with their notes', () => {
    expect(handout.pages).toHaveLength(4);
    expect(handout.pages.join(' ')).toContain('Two columns.');
    expect(handout.pages.join(' ')).toContain('The left column holds the argument');
  });

  it('prints the report: columns one after another, the image splits as numbered figures, a key figure, a pull quote', () => {
    const text = report.pages.join(' ').replace(/\s+/g, ' ');
    const reportPages = JSON.parse(readFileSync(join(dir, 'dist/build-report.json'), 'utf8')) as {
      files: { path: string; pages?: number }[];
    };
    expect(report.pages.length).toBe(reportPages.files.find((file) => file.path.endsWith('report.pdf'))?.pages);
    expect(text).toMatch(/Cost One extra context switch per operation. Benefit A bug in the operation/);
    expect(text).toContain('Figure 1. Memory layout: Xen, the deprivileged mode and the guest');
    expect(text).toContain('Figure 2. The same diagram, whole');
    expect(text).toContain('Figure 3. Median cost per emulated operation, before and after');
    expect(text).toMatch(/Key figure 3\.2 ?ms extra per emulated operation/i);
    expect(text).toContain('Moving device emulation out of the hypervisor shrinks what an attacker can reach.');
    expect(text).toContain('— a reviewer on xen-devel');
    expect(text).toContain('Approve the prototype for x86 HVM? The board decides whether the work continues.');
  });

  it('check names the region that overflows, at its marker', async () => {
    const deck = join(dir, 'deck/deck.md');
    const long = Array.from({ length: 14 }, (_, i) => `- point ${i + 1} in the narrow column`).join('\n');
    writeFileSync(
      deck,
      `${readFileSync(deck, 'utf8')}\n---\n\n<!-- layout: two-cols 70/30 -->\n## Too full\n\nFits.\n\n::right::\n${long}\n\nNote: n.\n`,
    );
    const line = readFileSync(deck, 'utf8').split('\n').lastIndexOf('::right::') + 1;
    const result = await run(['check', 'deck'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `^deck/deck\\.md:${line}: error: slide 11 "Too full": region "right" overflows by \\d+ px \\(too tall\\) \\[overflow\\]$`,
        'm',
      ),
    );
    expect(result.stdout).not.toContain('overflows the slide');
  });
});
