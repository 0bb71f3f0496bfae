import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { parseSlides } from '../../src/markdown/parse.js';
import { contrastOf, renderPrintDeck, showFragments, staticPrintRefusal } from '../../src/render/print-deck.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };

function briefing(markdown: string, frontMatter: Record<string, unknown> = {}, allowScripts = false) {
  const { config } = resolveConfig({ root: '/', allowScripts }, [{ data: frontMatter, file: 'a.md', keyLines: {}, warnUnknown: true }]);
  const { stacks } = parseSlides([{ path: 'a.md', text: markdown, firstLine: 1 }], seps);
  return { config, stacks };
}

describe('staticPrintRefusal', () => {
  it('takes a plain deck in a theme of our own', () => {
    const { config, stacks } = briefing('## A\n\n---\n\n<!-- .slide: data-background-color="#fff" -->\n## B');
    expect(staticPrintRefusal(config, stacks)).toBeUndefined();
  });

  it.each([
    ['a reveal.js theme', '## A', { theme: 'night' }, /reveal.js theme "night"/],
    ['scripts allowed', '## A', {}, /scripts/, true],
    ['centred slides', '## A', { revealOptions: { center: true } }, /center/],
    ['fragments turned off', '## A', { revealOptions: { fragments: false } }, /fragments: false/],
    ['a percentage slide size', '## A', { revealOptions: { width: '100%' } }, /pixels/],
    ['a background image', '<!-- .slide: data-background-image="a.png" -->\n## A', {}, /a.md:1 has a background image/],
    ['a named background colour', '<!-- .slide: data-background-color="teal" -->\n## A', {}, /colour reveal.js must read/],
    ['fitted text', '## <span class="r-fit-text">Big</span>', {}, /laid out or loaded by reveal.js/],
    ['lazy media', '<img data-src="a.png">', {}, /laid out or loaded by reveal.js/],
  ])('leaves %s to reveal.js', (_name, markdown, frontMatter, reason, allowScripts?: boolean) => {
    const { config, stacks } = briefing(markdown, frontMatter, allowScripts);
    expect(staticPrintRefusal(config, stacks)).toMatch(reason);
  });
});

describe('renderPrintDeck', () => {
  it("writes reveal.js's print layout: one numbered page per slide, no script", () => {
    const { config, stacks } = briefing('## A\n\n----\n\n## A.1\n\n---\n\n<!-- .slide: data-visibility="hidden" -->\n## H\n\n---\n\n## B', {
      title: 'T',
      titleSlide: true,
    });
    const html = renderPrintDeck({ config, stacks, stylesheets: ['lib/theme/base.css'], revealCss: '' });
    expect(html).not.toMatch(/<script/);
    expect(html).toContain('<html lang="en" class="reveal-full-page reveal-print print-pdf">');
    expect(html).toContain('@page{size:1280px 720px; margin: 0px;}');
    expect(html.match(/<div class="pdf-page" style="height: 719px">/g)).toHaveLength(4);
    expect([...html.matchAll(/slide-number-pdf">(\d+)</g)].map((m) => m[1])).toEqual(['1', '2', '3', '4']);
    expect(html).not.toContain('<h2 id="h">H</h2>');
    expect(html).toContain('<body class="reveal-viewport title-slide"');
  });

  it('gives a slide with a background colour the contrast class reveal.js would', () => {
    const { config, stacks } = briefing('<!-- .slide: data-background-color="#000" -->\n## Dark');
    const html = renderPrintDeck({ config, stacks, stylesheets: [], revealCss: '' });
    expect(html).toMatch(/<div class="slide-background present" style="display: block;background-color:#000">/);
    expect(html).toMatch(/<section [^>]*class="has-dark-background present"/);
  });

  it('paints a background element only for a slide with its own colour, unless the content styles one', () => {
    const plain = briefing('## A\n\n---\n\n<!-- .slide: data-background-color="#000" -->\n## Dark\n\n---\n\n## C');
    const html = renderPrintDeck({ config: plain.config, stacks: plain.stacks, stylesheets: [], revealCss: '' });
    expect(html.match(/<div class="slide-background[ "]/g)).toHaveLength(1);
    expect(html).toContain('.pdf-page{background:var(--brief-bg);contain:size}');
    const styled = briefing('## A\n\n<style>.slide-background { opacity: 0.5 }</style>\n\n---\n\n## B');
    const kept = renderPrintDeck({ config: styled.config, stacks: styled.stacks, stylesheets: [], revealCss: '' });
    expect(kept.match(/<div class="slide-background[ "]/g)).toHaveLength(2);
  });
});

describe('showFragments', () => {
  it('shows every fragment but those that fade out, as reveal.js prints them', () => {
    expect(showFragments('<li class="fragment">a</li><p class=\'fragment grow\'>b</p><span class="fragment fade-out">c</span>')).toBe(
      '<li class="fragment visible">a</li><p class=\'fragment grow visible\'>b</p><span class="fragment fade-out">c</span>',
    );
  });

  it('reads a tag whose earlier attribute holds a ">"', () => {
    expect(showFragments('<p title="a > b" class="fragment">x</p><img alt=\'>\' class=fragment>')).toBe(
      '<p title="a > b" class="fragment visible">x</p><img alt=\'>\' class="fragment visible">',
    );
  });

  it('leaves text that only looks like a class alone', () => {
    expect(showFragments('<code>class="fragment"</code><p class="fragmentary">x</p>')).toBe(
      '<code>class="fragment"</code><p class="fragmentary">x</p>',
    );
  });
});

describe('contrastOf', () => {
  it.each([
    ['#000', 'has-dark-background'],
    ['#ffffff', 'has-light-background'],
    ['rgb(16, 32, 48)', 'has-dark-background'],
    ['rgba(250, 240, 200, 0.5)', 'has-light-background'],
    ['rgba(0, 0, 0, 0)', undefined],
    ['teal', undefined],
  ])('%s is %s', (color, expected) => expect(contrastOf(color)).toBe(expected));
});
