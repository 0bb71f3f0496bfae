import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { parseSlides } from '../../src/markdown/parse.js';
import { countSlides, renderDeck } from '../../src/render/deck.js';
import { deckFiles } from '../../src/render/theme-files.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };

function deck(markdown: string, frontMatter: Record<string, unknown> = { title: 'The Title', author: 'Ann', date: '2025-01-02' }) {
  const { config } = resolveConfig({ root: '/' }, [{ data: frontMatter, file: 'a.md', keyLines: {}, warnUnknown: true }]);
  const { stacks } = parseSlides([{ path: 'a.md', text: markdown, firstLine: 1 }], seps);
  const { stylesheets } = deckFiles(config.theme);
  return { html: renderDeck({ config, stacks, stylesheets }), count: countSlides(config, stacks) };
}

describe('renderDeck', () => {
  it('opens with a title slide from the front matter', () => {
    const { html } = deck('## One');
    expect(html).toMatch(/<section class="title-slide"[^>]*>\s*<h1 class="title">The Title<\/h1>/);
    expect(html).toContain('<p class="byline">Ann · 2025-01-02</p>');
  });

  it('nests vertical slides in a section of their own', () => {
    const { html, count } = deck('## A\n\n----\n\n## A.1\n\n---\n\n## B');
    expect(html).toMatch(
      /<section>\s*<section data-source="a.md:1">\s*<h2 id="a">A<\/h2>[\s\S]*?<h2 id="a1">A.1<\/h2>[\s\S]*?<\/section>\s*<\/section>/,
    );
    expect(count).toBe(4);
  });

  it('puts speaker notes in an aside reveal.js hides and shows in the speaker view', () => {
    expect(deck('## A\n\nNote: remember').html).toContain('<aside class="notes"><p>remember</p>\n</aside>');
  });

  it('carries slide attributes onto the section, escaped', () => {
    const { html } = deck('<!-- .slide: data-background-color="#102030" -->\n## A');
    expect(html).toContain('<section data-source="a.md:1" data-background-color="#102030">');
  });

  it('loads nothing from the network', () => {
    const { html } = deck('## A');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('<script src="lib/reveal/reveal.js"></script>');
  });

  it('turns on slide numbers and the speaker-notes plugin', () => {
    const { html } = deck('## A');
    expect(html).toContain('"slideNumber":"c/t"');
    expect(html).toContain('plugins: [RevealNotes]');
  });

  it('cannot be broken out of its script by reveal options', () => {
    const { html } = deck('## A', { revealOptions: { x: '</script><script>alert(1)</script>' } });
    expect(html).not.toContain('</script><script>alert(1)');
  });

  it('has no title slide without a title, and takes the page title from the first heading', () => {
    const { html, count } = deck('## First heading', {});
    // The deck's script names the class (fit-figures.ts); no section has it.
    expect(html).not.toMatch(/<section[^>]*title-slide/);
    expect(html).toContain('<title>First heading</title>');
    expect(count).toBe(1);
  });
});
