import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { run } from '../helpers/cli.js';

/** A one-slide briefing with this diagram; returns the folder it is in. */
function briefingWith(diagram: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-diagram-check-'));
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'b/01.md'), `---\ntitle: T\n---\n\n## Flow\n\n\`\`\`mermaid\n${diagram}\n\`\`\`\n\nNote: n.\n`);
  return dir;
}

describe('check --no-browser and mermaid diagrams', () => {
  it('finds a syntax error without a browser, with the line build would give', async () => {
    const dir = briefingWith('flowchart LR\n  accTitle: Flow\n  a -->');
    const before = Browser.launches;
    const result = await run(['check', 'b', '--no-browser'], dir);
    expect(Browser.launches).toBe(before);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toMatch(/^error\[DIAGRAM\]: b\/01\.md:1\d: mermaid cannot draw this diagram: .*Parse error/);
  });

  it('passes a diagram that parses', async () => {
    const result = await run(['check', 'b', '--no-browser'], briefingWith('flowchart LR\n  accTitle: Flow\n  accDescr: A to B\n  A --> B'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no problems found/);
  });

  it('reads diagram types whose labels mermaid sanitises (in Node, with no DOM)', async () => {
    const pie = await run(['check', 'b', '--no-browser'], briefingWith('pie title Time\n  accDescr: Shares\n  "a" : 1\n  "b" : 2'));
    expect([pie.code, pie.stdout]).toEqual([0, expect.stringMatching(/no problems found/)]);
    const bad = await run(['check', 'b', '--no-browser'], briefingWith('pie title Time\n  accDescr: Shares\n  "a" : one'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error\[DIAGRAM\]: b\/01\.md:\d+: mermaid cannot draw this diagram: Parsing failed/);
  });

  it('warns about a diagram without accTitle or accDescr, as about a chart without a description', async () => {
    const result = await run(['check', 'b', '--no-browser'], briefingWith('flowchart LR\n  A --> B'));
    expect(result.stdout).toContain('b/01.md:7: warning: the diagram has no accTitle or accDescr');
  });
});
