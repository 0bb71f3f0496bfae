/**
 * The order reveal.js shows a slide's fragments in (its Fragments.sort, grouped): fragments with a
 * data-fragment-index come first, one step per index in increasing order (fragments sharing an
 * index appear together); then every fragment without one, each a step of its own, in document
 * order. An index that is not a number of 0 or more (parseInt) puts the fragment in no step, as
 * in reveal.js, whose sparse array skips it.
 */
export interface FragmentOrder {
  /** For each fragment in document order, the 0-based step it appears at. */
  readonly stepOf: readonly (number | undefined)[];
  /** How many steps: one page each in a print with pdfSeparateFragments, after the page with none shown. */
  readonly steps: number;
}

/** `indices`: each fragment's data-fragment-index as written (undefined for none), in document order. */
export function orderFragments(indices: readonly (string | undefined)[]): FragmentOrder {
  const indexed = new Map<number, number[]>();
  const unindexed: number[] = [];
  indices.forEach((raw, ordinal) => {
    if (raw === undefined) return unindexed.push(ordinal);
    const index = parseInt(raw, 10);
    if (Number.isNaN(index) || index < 0) return;
    indexed.set(index, [...(indexed.get(index) ?? []), ordinal]);
  });
  const groups = [...[...indexed.keys()].sort((a, b) => a - b).map((index) => indexed.get(index) ?? []), ...unindexed.map((o) => [o])];
  const stepOf: (number | undefined)[] = indices.map(() => undefined);
  groups.forEach((group, step) => group.forEach((ordinal) => (stepOf[ordinal] = step)));
  return { stepOf, steps: groups.length };
}
