import { describe, expect, it } from 'vitest';
import { pageBatches } from '../../src/browser/screenshots.js';

describe('pageBatches', () => {
  it('hands the pages out in order, in batches, to whichever tab asks, each page once', () => {
    const next = pageBatches(10);
    const taken: (readonly [number, number])[] = [];
    for (let batch = next(25); batch; batch = next(25)) taken.push(batch);
    expect(taken).toEqual([
      [0, 10],
      [10, 20],
      [20, 25],
    ]);
    expect(next(25)).toBeUndefined();
  });

  it('gives a tab that comes late only what is left', () => {
    const next = pageBatches(4);
    const early = [next(10), next(10)];
    const late = [next(10), next(10)];
    expect(early).toEqual([
      [0, 4],
      [4, 8],
    ]);
    expect(late).toEqual([[8, 10], undefined]);
  });
});
