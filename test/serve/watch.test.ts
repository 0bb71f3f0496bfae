import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isRelevant, watchTree } from '../../src/serve/watch.js';

describe('isRelevant', () => {
  it('takes what a briefing is made of', () => {
    for (const name of ['01-aims.md', 'data/results.csv', 'reveal-md.json', 'theme.json', 'slides.css', 'img/a.PNG', 'x.svg'])
      expect(isRelevant(name), name).toBe(true);
  });

  it("leaves out editors' temporary files and files of no use to the deck", () => {
    for (const name of ['.01-aims.md.swp', '01-aims.md~', '#01-aims.md#', '4913', 'sedAbC123', '.goutputstream-X1', 'notes.docx'])
      expect(isRelevant(name), name).toBe(false);
  });
});

describe('watchTree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-watch-'));
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  /** Resolves on the next change reported; fails, naming what was awaited, after a bound. */
  const watching = (root: string) => {
    let wake: (() => void) | undefined;
    const watcher = watchTree([root], () => wake?.(), 20);
    close = () => watcher.close();
    return (what: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no change reported within 5 s after ${what}`)), 5000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
  };

  it('keeps watching a folder that was deleted and made again (a branch switch)', async () => {
    const root = join(dir, 'briefing');
    mkdirSync(join(root, 'data'), { recursive: true });
    const changed = watching(root);
    let next = changed('removing the data folder');
    rmSync(join(root, 'data'), { recursive: true });
    await next;
    next = changed('making it again');
    mkdirSync(join(root, 'data'));
    await next;
    next = changed('a save in the new folder');
    writeFileSync(join(root, 'data/results.csv'), 'a,b\n1,2\n');
    await next;
  });

  it('sees the briefing folder itself replaced', async () => {
    const root = join(dir, 'replaced');
    mkdirSync(root);
    const changed = watching(root);
    let next = changed('replacing the folder');
    rmSync(root, { recursive: true });
    mkdirSync(root);
    await next;
    next = changed('a save in the new folder');
    writeFileSync(join(root, '01.md'), '## A');
    await next;
  });
});
