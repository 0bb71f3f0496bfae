import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/pipeline/prepare.js';
import { timeoutOf } from '../../src/pipeline/request.js';
import { BuildRun } from '../../src/pipeline/run.js';
import { generateDeck } from '../helpers/deck.js';

// Issue 15: Chromium's print time grows with the square of a document's pages, so a deck of
// 5,000 slides gave up after the 60 s default; the default now grows with the deck.
describe('the default timeout', () => {
  it('is 60 s up to 500 slides, and past them grows with the square of the slide count', () => {
    expect([0, 1, 500].map((slides) => timeoutOf({}, slides))).toEqual([60_000, 60_000, 60_000]);
    expect(timeoutOf({}, 1_000)).toBe(240_000);
    expect(timeoutOf({}, 5_000)).toBe(6_000_000);
  });

  it('is what the person asked for, whatever the deck', () => {
    expect(timeoutOf({ timeoutMs: 5_000 }, 5_000)).toBe(5_000);
  });

  it("is a build's once its slides are counted, before anything is printed", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rfc-brief-timeout-'));
    mkdirSync(join(cwd, 'deck'));
    writeFileSync(join(cwd, 'deck/a.md'), generateDeck(750));
    const request = { input: 'deck', out: 'out', cwd, pdf: true };
    await using run = new BuildRun(request, join(cwd, 'out'));
    expect(run.timeoutMs).toBe(60_000);
    await prepare(run, request);
    expect(run.timeoutMs).toBe(135_000);
    expect(run.printRequest('slides', {}, []).timeoutMs).toBe(135_000);
  });
});
