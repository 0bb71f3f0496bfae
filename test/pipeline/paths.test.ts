import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { fixture } from '../helpers/paths.js';

describe('a deck that is sent out carries no local paths', () => {
  it('names its sources by their place in the briefing, whatever folder it was built from', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'rfc-brief-paths-'));
    const briefing = join(scratch, 'home', 'someone', 'work', 'briefing');
    cpSync(fixture('figures'), briefing, { recursive: true });
    const elsewhere = mkdtempSync(join(tmpdir(), 'rfc-brief-cwd-'));
    await build({ input: briefing, out: join(scratch, 'dist'), cwd: elsewhere, pdf: false, only: ['deck', 'report'], noBrowser: true });
    for (const page of ['slides/index.html', 'report/index.html']) {
      const html = readFileSync(join(scratch, 'dist', page), 'utf8');
      expect(html).not.toMatch(/home.someone/);
      expect(html).not.toContain(scratch.replace(/^\//, ''));
    }
    const deck = readFileSync(join(scratch, 'dist', 'slides/index.html'), 'utf8');
    expect(deck.match(/data-source="([^"]*)"/)?.[1]).toMatch(/^[\w.-]+\.md:\d+$/);
  });

  it('refuses an output folder that is the briefing folder, or holds it', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'rfc-brief-paths-'));
    cpSync(fixture('figures'), join(scratch, 'deck'), { recursive: true });
    for (const out of ['deck', '.']) {
      await expect(build({ input: 'deck', out, cwd: scratch, pdf: false, noBrowser: true })).rejects.toMatchObject({
        code: 'OUTPUT_NOT_WRITABLE',
      });
    }
    expect(readdirSync(join(scratch, 'deck')).sort()).toEqual(['01-figures.md', 'data']);
  });
});
