import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiveDeck, patchable, spliceOf } from '../../src/serve/live-deck.js';

const section = (text: string, line: number) => `<section data-source="a.md:${line}">\n<p>${text}</p>\n</section>`;
const deck = (texts: readonly string[], { frame = 'frame', assets = [] as string[], firstLine = 1 } = {}) => ({
  parts: {
    before: `<html><title>${frame}</title><div class="slides">\n`,
    sections: texts.map((text, i) => section(text, firstLine + i * 4)),
    sources: texts.map((_, i) => [`a.md:${firstLine + i * 4}`]),
    after: '\n</div><script src="/__rfc-brief/client.js"></script>\n</body></html>',
  },
  assets,
  ownScripts: false,
});

describe('spliceOf', () => {
  it('keeps the common head and tail', () => {
    expect(spliceOf(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd'])).toEqual({ start: 1, remove: 1, add: 1 });
    expect(spliceOf(['a', 'b', 'c'], ['a', 'n', 'b', 'c'])).toEqual({ start: 1, remove: 0, add: 1 });
    expect(spliceOf(['a', 'b', 'c'], ['a', 'c'])).toEqual({ start: 1, remove: 1, add: 0 });
    expect(spliceOf(['a', 'b'], ['a', 'b'])).toEqual({ start: 2, remove: 0, add: 0 });
    // The same slide twice: the tail never reaches back into the head.
    expect(spliceOf(['a', 'a'], ['a', 'a', 'a'])).toEqual({ start: 2, remove: 0, add: 1 });
  });
});

describe('patchable', () => {
  const root = '/b';
  it('takes the Markdown, data and settings inside the briefing', () => {
    expect(patchable(new Set([join(root, '01.md'), join(root, 'data/r.csv'), join(root, 'reveal-md.json')]), root)).toBe(true);
    expect(patchable(new Set(), root)).toBe(true);
  });
  it('refuses what the page loads itself, anything outside the briefing, and a change not known', () => {
    expect(patchable(new Set([join(root, '01.md'), join(root, 'style.css')]), root)).toBe(false);
    expect(patchable(new Set([join(root, 'pictures/a.svg')]), root)).toBe(false);
    expect(patchable(new Set(['/themes/light/theme.json']), root)).toBe(false);
    expect(patchable(undefined, root)).toBe(false);
  });
});

describe('LiveDeck', () => {
  it('reloads for the first deck, a change of the rest of the page, or one a patch cannot show', () => {
    const live = new LiveDeck();
    expect(live.update(deck(['a', 'b']), true)).toEqual({ kind: 'reload' });
    expect(live.update(deck(['a', 'b'], { frame: 'retitled' }), true)).toEqual({ kind: 'reload' });
    expect(live.update(deck(['a', 'c'], { frame: 'retitled' }), false)).toEqual({ kind: 'reload' });
    expect(live.version).toBe(3);
  });

  it('reloads a deck with scripts of its own, which may have changed the slides as it started', () => {
    const live = new LiveDeck();
    live.update({ ...deck(['a']), ownScripts: true }, true);
    expect(live.update({ ...deck(['b']), ownScripts: true }, true)).toEqual({ kind: 'reload' });
  });

  it('patches the changed slides only, from the version the page shows to the next', () => {
    const live = new LiveDeck();
    live.update(deck(['a', 'b', 'c']), true);
    expect(live.update(deck(['a', 'B', 'c']), true)).toEqual({
      kind: 'patch',
      patch: { from: 1, to: 2, total: 3, start: 1, remove: 1, sections: [section('B', 5)], moved: [] },
      now: true,
    });
    expect(live.update(deck(['a', 'B', 'c']), true)).toEqual({ kind: 'none' });
    expect(live.version).toBe(2);
  });

  it('moves the slides below a line added above them without sending them again', () => {
    const live = new LiveDeck();
    live.update(deck(['a', 'b', 'c']), true);
    const next = deck(['a', 'b', 'c'], { firstLine: 2 });
    const change = live.update(next, true);
    expect(change).toMatchObject({ kind: 'patch', patch: { start: 3, remove: 0, sections: [] } });
    expect(change.kind === 'patch' && change.patch.moved).toEqual([
      [0, ['a.md:2']],
      [1, ['a.md:6']],
      [2, ['a.md:10']],
    ]);
  });

  it('holds a patch that names a new asset until the files are written', () => {
    const live = new LiveDeck();
    live.update(deck(['a'], { assets: ['a.png'] }), true);
    expect(live.update(deck(['b'], { assets: ['a.png'] }), true)).toMatchObject({ kind: 'patch', now: true });
    expect(live.update(deck(['c'], { assets: ['a.png', 'new.png'] }), true)).toMatchObject({ kind: 'patch', now: false });
  });

  it('serves the latest deck with its version in the client URL', () => {
    const live = new LiveDeck();
    expect(live.page()).toBeUndefined();
    live.update(deck(['a']), true);
    live.update(deck(['b']), true);
    expect(live.page()).toContain('<script src="/__rfc-brief/client.js?deck=2"></script>');
    expect(live.page()).toContain('<p>b</p>');
  });
});
