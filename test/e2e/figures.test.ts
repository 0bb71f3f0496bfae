import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { run, type CliRun } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readPdf } from '../helpers/pdf.js';

/** The words of a page, tags and their splits (mermaid sets each word in its own tspan) removed. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('charts and diagrams in every output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-figures-'));
  let first: CliRun;
  beforeAll(async () => {
    cpSync(fixture('figures'), join(dir, 'deck'), { recursive: true });
    first = await run(['build', 'deck'], dir);
  });

  it('builds without warnings', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
  });

  it('puts the same inline SVG in the deck and the report, with no script', () => {
    const deck = readFileSync(join(dir, 'dist/slides/index.html'), 'utf8');
    const report = readFileSync(join(dir, 'dist/report/index.html'), 'utf8');
    for (const html of [deck, report]) {
      expect(html).toMatch(/<figure class="[^"]*drawn[^"]*"[^>]*><svg role="img" aria-label="Average time per trapped write/);
      expect(html).toMatch(/<svg[^>]*aria-roledescription="flowchart-v2"|<svg[^>]*id="diagram-/);
    }
    expect(report).toContain('<span class="label">Figure 1.</span> Average time per trapped write without and with the round trip');
    expect(report).toContain('<span class="label">Figure 2.</span> Path of one trapped write');
  });

  it.each(['slides.pdf', 'handout.pdf', 'report.pdf'])('%s carries the charts and diagrams as text', async (name) => {
    const text = (await readPdf(join(dir, 'dist', name))).pages.join(' ');
    for (const label of [
      'Time per trapped write',
      'Without the mode',
      'With one round trip',
      'Microseconds',
      'Guest write',
      'VM exit into Xen',
      'Resume guest',
    ]) {
      expect(text, label).toContain(label);
    }
  });

  it('launches no browser for unchanged diagrams when no PDF is asked for', async () => {
    const before = Browser.launches;
    const again = await run(['build', 'deck', '--no-pdf'], dir);
    expect(again.code).toBe(0);
    expect(Browser.launches).toBe(before);
    expect(words(readFileSync(join(dir, 'dist/slides/index.html'), 'utf8'))).toContain('VM exit into Xen');
  });

  it('draws a changed diagram anew', async () => {
    const file = join(dir, 'deck/01-figures.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Resume guest', 'Guest resumes'));
    const before = Browser.launches;
    expect((await run(['build', 'deck', '--no-pdf'], dir)).code).toBe(0);
    expect(Browser.launches).toBe(before + 1);
    expect(words(readFileSync(join(dir, 'dist/slides/index.html'), 'utf8'))).toContain('Guest resumes');
  });

  it("stops on a diagram mermaid rejects, with mermaid's message and the line", async () => {
    const file = join(dir, 'deck/01-figures.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('flowchart LR', 'flowchart LR\n  a -->'));
    const result = await run(['build', 'deck', '--no-pdf'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[DIAGRAM\]: deck\/01-figures\.md:2\d: mermaid cannot draw this diagram: .*Parse error/);
  });
});
