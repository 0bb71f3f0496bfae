import { describe, expect, it } from 'vitest';
import { overflowFindings } from '../../src/check/overflow.js';
import { lintBriefing } from '../../src/check/lint.js';
import { renderHandout } from '../../src/render/handout.js';
import { printedSlides } from '../../src/render/printed-slides.js';
import { briefingOf, HIDDEN_BEFORE_OVERFLOW } from '../helpers/briefing.js';

const overflow = (index: number) => ({ index, source: undefined, bottom: 506, right: 0 });

describe('overflowFindings', () => {
  it('names the printed page the browser measured by its slide, number, title and line', () => {
    // Pages: the title slide, First, Second, Overflowing (the hidden slide is not printed).
    const { config, stacks } = briefingOf(HIDDEN_BEFORE_OVERFLOW, { title: 'Brief', titleSlide: true });
    expect(overflowFindings([overflow(3)], printedSlides(config, stacks))).toEqual([
      {
        severity: 'error',
        code: 'overflow',
        message: 'slide 4 "Overflowing" overflows the slide: its content is 506 px too tall',
        where: { file: 'deck.md', line: 18 },
        slide: 4,
        title: 'Overflowing',
      },
    ]);
  });

  it('names the title slide by the front matter title', () => {
    const { config, stacks } = briefingOf('## A', { title: 'Brief', titleSlide: true });
    const [finding] = overflowFindings([{ ...overflow(0), bottom: 0, right: 12 }], printedSlides(config, stacks));
    expect(finding).toMatchObject({ slide: 1, title: 'Brief', where: undefined, message: expect.stringContaining('12 px too wide') });
  });
});

describe('an overflow just past the 2 px tolerance', () => {
  // The browser gives it in whole pixels (2.3 px is 2): the message says 2 px, not nothing.
  it('says the slide is 2 px too tall', () => {
    const { config, stacks } = briefingOf('## A', { title: 'Brief' });
    const [finding] = overflowFindings([{ ...overflow(0), bottom: 2 }], printedSlides(config, stacks));
    expect(finding?.message).toBe('slide 1 "A" overflows the slide: its content is 2 px too tall');
  });

  it('says a region overflows by 2 px', () => {
    const { config, stacks } = briefingOf('<!-- layout: two-cols -->\n## Cols\n\nLeft\n\n::right::\nRight', { title: 'Brief' });
    const regions = [{ region: 'right', bottom: 0, right: 2 }];
    const [finding] = overflowFindings([{ index: 0, source: undefined, bottom: 0, right: 0, regions }], printedSlides(config, stacks));
    expect(finding?.message).toBe('slide 1 "Cols": region "right" overflows by 2 px (too wide)');
  });
});

describe('a region that overflows its box', () => {
  it('is named, at the line of its marker, by how much and which way', () => {
    const { config, stacks } = briefingOf('## A\n\n---\n\n<!-- layout: two-cols -->\n## Cols\n\nLeft\n\n::right::\nRight', {
      title: 'Brief',
    });
    const findings = overflowFindings(
      [{ index: 1, source: 'deck.md:5', bottom: 0, right: 0, regions: [{ region: 'right', bottom: 40, right: 12 }] }],
      printedSlides(config, stacks),
    );
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'overflow',
        message: 'slide 2 "Cols": region "right" overflows by 40 px (too tall) and 12 px (too wide)',
        where: { file: 'deck.md', line: 10 },
        slide: 2,
        title: 'Cols',
      },
    ]);
  });
});

describe('slide numbers after a hidden slide', () => {
  it('are the same in check, lint and the handout', () => {
    const { config, stacks } = briefingOf(HIDDEN_BEFORE_OVERFLOW, { title: 'Brief', titleSlide: true });
    const [measured] = overflowFindings([overflow(3)], printedSlides(config, stacks));
    const noNotes = lintBriefing({ config, stacks }).find((f) => f.code === 'no-notes');
    const handout = renderHandout({ config, stacks, layout: '6', stylesheets: [] }).html;
    expect(measured?.slide).toBe(4);
    expect(noNotes).toMatchObject({ slide: 3, title: 'Second', message: 'slide 3 "Second" has no speaker notes' });
    expect(handout).toContain('>3. Second</p>');
    expect(handout).toContain('>4. Overflowing</p>');
  });
});
