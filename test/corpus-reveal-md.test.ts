import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBriefing } from '../src/pipeline/read-briefing.js';
import { printedOnly, printedSlides } from '../src/render/printed-slides.js';
import { CORPUS, fixture } from './helpers/paths.js';

// What reveal-md 6.1.4 itself gives every deck of the corpus, measured in Chromium by
// scripts/reveal-md-oracle.mjs (how, at the top of it). rfc-brief's deck is read from the deck
// model, which decides every slide the deck shows and prints: no browser needed here
// (test/e2e/corpus-decks.test.ts checks the real reveal.js and the PDFs agree with the model).
interface Measured {
  readonly total: number;
  readonly horizontal: number;
  readonly notes: number;
  readonly headings: readonly string[];
}
const oracle = JSON.parse(readFileSync(fixture('reveal-md-oracle.json'), 'utf8')) as { decks: Record<string, Measured> };

/** Where reveal-md is wrong and rfc-brief does better: what differs, and why. */
interface Better {
  readonly total?: number;
  readonly horizontal?: number;
  /** Slide index (0-based) → the heading rfc-brief's slide shows. */
  readonly headings?: Readonly<Record<number, string>>;
}
const BETTER: Readonly<Record<string, Better>> = {
  // happyplanet-keynote shows reveal.js's markup as text: `<pre><code>&lt;section
  // data-background="image.png"&gt;</code></pre>`. reveal-md puts the Markdown in a <textarea>,
  // whose text decodes the entities, so three of these examples become real <section>s and slides
  // (22). rfc-brief keeps the author's escaped text: 19 slides, 13 horizontal, the examples stay code.
  'reveal-md-decks/happyplanet-keynote/index.md': { total: 19, horizontal: 13, headings: {} },
  // valorcz-bigdata writes "## Charts" beside a raw <section id="charts">: reveal.js makes the slide
  // a stack of that section and leaves the heading in the stack's own <section> (shown over the
  // chart, but no slide's first heading; its print layout leaves it on a page of its own).
  // rfc-brief puts it on the chart's slide, which is what the audience sees.
  'reveal-md-decks/valorcz-bigdata/slides.md': { headings: { 6: 'Charts' } },
};

/** reveal-md's values with rfc-brief's betters; no headings to compare where reveal-md invents slides. */
function expectedFor(file: string): Omit<Measured, 'headings'> & { readonly headings: readonly string[] | undefined } {
  const measured = oracle.decks[file] as Measured;
  const { headings, ...counts } = BETTER[file] ?? {};
  if (counts.total !== undefined && counts.total !== measured.total) return { ...measured, ...counts, headings: undefined };
  return { ...measured, ...counts, headings: measured.headings.map((h, index) => headings?.[index] ?? h) };
}

function measure(file: string): Measured {
  const briefing = readBriefing(join(CORPUS, file), CORPUS);
  const slides = printedOnly(printedSlides(briefing.config, briefing.stacks));
  return {
    total: slides.length,
    horizontal: new Set(slides.map((s) => s.h)).size,
    notes: slides.filter((s) => s.slide && s.slide.notes.html !== '').length,
    headings: slides.map((s) => s.title),
  };
}

describe('every corpus deck gives what reveal-md gives', () => {
  it.each(Object.keys(oracle.decks))('%s', (file) => {
    const expected = expectedFor(file);
    const actual = measure(file);
    expect({ total: actual.total, horizontal: actual.horizontal, notes: actual.notes }).toEqual({
      total: expected.total,
      horizontal: expected.horizontal,
      notes: expected.notes,
    });
    if (expected.headings !== undefined) expect(actual.headings).toEqual(expected.headings);
  });

  it('keeps the escaped <section> examples of happyplanet-keynote as text: 19 slides where reveal-md makes 22', () => {
    expect(oracle.decks['reveal-md-decks/happyplanet-keynote/index.md']?.total).toBe(22);
    expect(measure('reveal-md-decks/happyplanet-keynote/index.md')).toMatchObject({ total: 19, horizontal: 13 });
  });
});
