import { describe, expect, it } from 'vitest';
import { overflowFindings, perSlide } from '../../src/check/overflow.js';
import { printedPages } from '../../src/render/printed-pages.js';
import { printedSlides } from '../../src/render/printed-slides.js';
import { briefingOf } from '../helpers/briefing.js';

const STEPPED = '## A\n\n- a <!-- .element: class="fragment" -->\n- b <!-- .element: class="fragment" -->\n\n---\n\n## Long';
const overflow = (index: number) => ({ index, source: undefined, bottom: 80, right: 0 });

describe('what the browser measures on a print with a page per fragment step', () => {
  it('is said once per slide, named by the slide, not by the page', () => {
    // Pages: A, A.1, A.2, Long; every page of a slide is laid out alike.
    const { config, stacks } = briefingOf(STEPPED, { revealOptions: { pdfSeparateFragments: true } });
    const pages = printedPages(config, stacks);
    expect(pages).toHaveLength(4);
    const found = overflowFindings(perSlide([overflow(0), overflow(1), overflow(2), overflow(3)], pages), printedSlides(config, stacks));
    expect(found.map((finding) => [finding.slide, finding.title])).toEqual([
      [1, 'A'],
      [2, 'Long'],
    ]);
  });

  it('is as measured on a print with a page per slide', () => {
    const { config, stacks } = briefingOf(STEPPED);
    expect(perSlide([overflow(1)], printedPages(config, stacks))).toEqual([overflow(1)]);
  });
});
