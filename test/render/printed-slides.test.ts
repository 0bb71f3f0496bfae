import { describe, expect, it } from 'vitest';
import { firstTitle, printedSlides, printedStacks } from '../../src/render/printed-slides.js';
import { briefingOf, HIDDEN_BEFORE_OVERFLOW } from '../helpers/briefing.js';

const summary = (slides: ReturnType<typeof printedSlides>) =>
  slides.map((s) => (s.printed ? `${s.number} ${s.h}/${s.v} ${s.title}` : `hidden ${s.title}`));

describe('printedSlides', () => {
  it('numbers the slides as the deck shows them, the title slide first', () => {
    const { config, stacks } = briefingOf('## A\n\n----\n\n## A.1\n\n---\n\n## B', { title: 'Brief', titleSlide: true });
    expect(summary(printedSlides(config, stacks))).toEqual(['1 0/0 Brief', '2 1/0 A', '3 1/1 A.1', '4 2/0 B']);
  });

  it('gives a hidden slide no number, and the slides after it the numbers reveal.js shows', () => {
    const { config, stacks } = briefingOf(HIDDEN_BEFORE_OVERFLOW, { title: 'Brief', titleSlide: true });
    expect(summary(printedSlides(config, stacks))).toEqual([
      '1 0/0 Brief',
      '2 1/0 First',
      'hidden Hidden one',
      '3 2/0 Second',
      '4 3/0 Overflowing',
    ]);
  });

  it('gives a stack whose slides are all hidden no place, as reveal.js removes it whole', () => {
    const { config, stacks } = briefingOf(
      '## A\n\n---\n\n<!-- .slide: data-visibility="hidden" -->\n## H\n\n---\n\n## B\n\n----\n\n## B.1',
    );
    expect(summary(printedSlides(config, stacks))).toEqual(['1 0/0 A', 'hidden H', '2 1/0 B', '3 1/1 B.1']);
  });

  it('prints hidden slides when reveal.js is told to show them', () => {
    const { config, stacks } = briefingOf(HIDDEN_BEFORE_OVERFLOW, { revealOptions: { showHiddenSlides: true } });
    expect(summary(printedSlides(config, stacks))).toEqual(['1 0/0 First', '2 1/0 Hidden one', '3 2/0 Second', '4 3/0 Overflowing']);
  });

  it('leaves out slides for the report, and names where each slide starts', () => {
    const { config, stacks } = briefingOf('## A\n\n---\n\n<!-- .slide: data-only="report" -->\n## R\n\n---\n\n## B');
    const slides = printedSlides(config, stacks);
    expect(summary(slides)).toEqual(['1 0/0 A', '2 1/0 B']);
    expect(slides.map((s) => s.source)).toEqual([
      { file: 'deck.md', line: 1, name: 'deck.md' },
      { file: 'deck.md', line: 10, name: 'deck.md' },
    ]);
  });

  it('gives the report every slide meant for it, hidden ones too, and no title slide', () => {
    const { config, stacks } = briefingOf(`${HIDDEN_BEFORE_OVERFLOW}\n\n----\n\n## Below`, { title: 'Brief', titleSlide: true });
    const slides = printedSlides(config, stacks, 'report');
    expect(summary(slides)).toEqual(['1 0/0 First', '2 1/0 Hidden one', '3 2/0 Second', '4 3/0 Overflowing', '5 3/1 Below']);
    expect(printedStacks(slides).map((stack) => stack.map((slide) => slide.title))).toEqual([
      ['First'],
      ['Hidden one'],
      ['Second'],
      ['Overflowing', 'Below'],
    ]);
  });

  it('takes the first heading of a printed slide as the title when the front matter gives none', () => {
    const { config, stacks } = briefingOf('Untitled\n\n---\n\n<!-- .slide: data-visibility="hidden" -->\n## Hidden\n\n---\n\n## Shown');
    expect(firstTitle(printedSlides(config, stacks))).toBe('Shown');
  });
});
