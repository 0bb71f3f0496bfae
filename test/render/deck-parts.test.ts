import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { parseSlides } from '../../src/markdown/parse.js';
import { joinDeck, renderDeck, renderDeckParts } from '../../src/render/deck.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };

function input(markdown: string, frontMatter: Record<string, unknown>) {
  const { config } = resolveConfig({ root: '/' }, [{ data: frontMatter, file: 'a.md', keyLines: {}, warnUnknown: true }]);
  const { stacks } = parseSlides([{ path: 'a.md', text: markdown, firstLine: 1 }], seps);
  return { config, stacks, stylesheets: [] };
}

describe('renderDeckParts (what serve patches)', () => {
  it.each([
    ['with a title slide', { title: 'T', author: 'Ann' }],
    ['without one', {}],
  ])('cuts the deck page, %s, into the rest of the page and each top-level slide, with their sources', (_, frontMatter) => {
    const deck = input('## A\n\n----\n\n## A.1\n\n---\n\n## B', frontMatter);
    const parts = renderDeckParts(deck);
    expect(joinDeck(parts)).toBe(renderDeck(deck));
    const titled = 'author' in frontMatter;
    expect(parts.sections).toHaveLength(titled ? 3 : 2);
    expect(parts.sections.at(-1)).toMatch(/^<section data-source="a.md:9">\n<h2 id="b">B<\/h2>[\s\S]*<\/section>$/);
    expect(parts.sources).toEqual([...(titled ? [[]] : []), ['a.md:1', 'a.md:5'], ['a.md:9']]);
    expect(parts.before).toMatch(/<div class="slides">\n\n?$/);
    expect(parts.after).toMatch(/^\n<\/div><\/div>/);
  });
});
