import { describe, expect, it } from 'vitest';
import { orderFragments } from '../../src/markdown/fragments.js';
import { renderDeck } from '../../src/render/deck.js';
import { showFragmentStep } from '../../src/render/fragment-classes.js';
import { renderPrintDeck } from '../../src/render/print-deck.js';
import { printedPages, wholeSlidePages } from '../../src/render/printed-pages.js';
import { briefingOf } from '../helpers/briefing.js';

const DECK = [
  '## One',
  '## Two\n\n- a <!-- .element: class="fragment" -->\n- b <!-- .element: class="fragment" -->',
  '## Code\n\n```js [1|2]\nconst a = 1;\nlet b = 2;\n```',
].join('\n\n---\n\n');
const separate = { title: 'T', titleSlide: true, revealOptions: { pdfSeparateFragments: true } };

describe("the order of a slide's fragments, as reveal.js's Fragments.sort gives it", () => {
  it('puts indexed fragments first, one step per index, then the others one by one in document order', () => {
    expect(orderFragments([undefined, '2', '0', undefined, '2'])).toEqual({ stepOf: [2, 1, 0, 3, 1], steps: 4 });
  });

  it('shows a fragment whose index is no number of 0 or more at no step, as reveal.js does', () => {
    expect(orderFragments(['x', '-1', '1'])).toEqual({ stepOf: [undefined, undefined, 0], steps: 1 });
  });
});

describe('the pages of the slides PDF', () => {
  it('are one per printed slide by default', () => {
    const { config, stacks } = briefingOf(DECK, { title: 'T', titleSlide: true });
    expect(printedPages(config, stacks).map((page) => page.label)).toEqual(['1', '2', '3', '4']);
  });

  it("are one per fragment step with pdfSeparateFragments, labelled as reveal.js's print numbers them", () => {
    const { config, stacks } = briefingOf(DECK, separate);
    const pages = printedPages(config, stacks);
    expect(pages.map((page) => page.label)).toEqual(['1', '2', '3', '3.1', '3.2', '4', '4.1']);
    expect(pages.map((page) => [page.slide, page.step])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [2, 1],
      [2, 2],
      [3, 0],
      [3, 1],
    ]);
    // The handout shows each slide whole: its last step.
    expect(wholeSlidePages(pages)).toEqual([0, 1, 4, 6]);
  });
});

describe('the static print page with pdfSeparateFragments', () => {
  it("writes a page per step, each with the fragments shown so far and the step's own current, numbered N.k", () => {
    const { config, stacks } = briefingOf(DECK, separate);
    const html = renderPrintDeck({ config, stacks, stylesheets: [], revealCss: '' });
    const pages = html.split('<div class="pdf-page"').slice(1);
    expect(pages).toHaveLength(7);
    expect([...html.matchAll(/slide-number-pdf">([\d.]+)</g)].map((m) => m[1])).toEqual(['1', '2', '3', '3.1', '3.2', '4', '4.1']);
    const classes = (page: string) => [...page.matchAll(/<(li|code) class="([^"]*fragment[^"]*)"/g)].map((m) => m[2]);
    expect(classes(pages[2] ?? '')).toEqual(['fragment', 'fragment']);
    expect(classes(pages[3] ?? '')).toEqual(['fragment visible current-fragment', 'fragment']);
    expect(classes(pages[4] ?? '')).toEqual(['fragment visible', 'fragment visible current-fragment']);
    expect(classes(pages[5] ?? '')).toEqual(['hljs language-js fragment has-highlights']);
    expect(classes(pages[6] ?? '')).toEqual(['hljs language-js fragment has-highlights visible current-fragment']);
  });

  it('shows every fragment on one page per slide without it, the code at its last step', () => {
    const { config, stacks } = briefingOf(DECK, { title: 'T', titleSlide: true });
    const html = renderPrintDeck({ config, stacks, stylesheets: [], revealCss: '' });
    expect(html.split('<div class="pdf-page"')).toHaveLength(5);
    expect(html).toContain('<code class="hljs language-js fragment has-highlights visible" data-line-numbers="2">');
  });

  it('lets the fragments of the notes take steps too (reveal.js counts them: they are in the slide), printing only the slide', () => {
    expect(showFragmentStep('<p class="fragment">a</p>', 2, '<span class="fragment" data-fragment-index="0">n</span>')).toBe(
      '<p class="fragment visible current-fragment">a</p>',
    );
    expect(showFragmentStep('<p class="fragment">a</p>', 1, '<span class="fragment" data-fragment-index="0">n</span>')).toBe(
      '<p class="fragment">a</p>',
    );
  });

  it('fades a fade-out fragment out at its step, as reveal.js does, where one page per slide keeps it', () => {
    expect(showFragmentStep('<p class="fragment fade-out">a</p>', 1)).toBe('<p class="fragment fade-out visible current-fragment">a</p>');
  });
});

describe('the styles of numbered code', () => {
  it("are in the deck and its print page when a slide numbers code (the plugin's own, which the deck does not load)", () => {
    const { config, stacks } = briefingOf(DECK);
    const styles = '.hljs-ln-n:before{content:attr(data-line-number)}';
    expect(renderDeck({ config, stacks, stylesheets: [] })).toContain(styles);
    expect(renderPrintDeck({ config, stacks, stylesheets: [], revealCss: '' })).toContain(styles);
  });

  it('are not there otherwise', () => {
    const { config, stacks } = briefingOf('## A\n\n```js\nx\n```');
    expect(renderDeck({ config, stacks, stylesheets: [] })).not.toContain('hljs-ln');
    expect(renderPrintDeck({ config, stacks, stylesheets: [], revealCss: '' })).not.toContain('hljs-ln');
  });
});
