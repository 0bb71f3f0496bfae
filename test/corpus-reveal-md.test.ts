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

/**
 * Where reveal-md is wrong and rfc-brief does better. happyplanet-keynote shows reveal.js's
 * markup as text: `<pre><code>&lt;section data-background="image.png"&gt;</code></pre>`. reveal-md
 * puts the Markdown in a <textarea>, whose text decodes the entities, so three of these examples
 * become real <section>s and slides. rfc-brief keeps the author's escaped text: 19 slides, 13
 * horizontal, and the three examples stay code on the slides that show them.
 */
const BETTER: Readonly<Record<string, Partial<Measured>>> = {
  'reveal-md-decks/happyplanet-keynote/index.md': { total: 19, horizontal: 13 },
};

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
    const expected = oracle.decks[file] as Measured;
    const better = BETTER[file];
    const actual = measure(file);
    if (better) {
      expect({ total: actual.total, horizontal: actual.horizontal }).toEqual(better);
      expect(actual.notes).toBe(expected.notes);
      return;
    }
    expect({ total: actual.total, horizontal: actual.horizontal, notes: actual.notes }).toEqual({
      total: expected.total,
      horizontal: expected.horizontal,
      notes: expected.notes,
    });
    expect(actual.headings).toEqual(expected.headings);
  });

  it('keeps happyplanet-keynote escaped <section> examples as text', () => {
    const actual = measure('reveal-md-decks/happyplanet-keynote/index.md');
    expect(actual.total).toBe(19);
    expect(oracle.decks['reveal-md-decks/happyplanet-keynote/index.md']?.total).toBe(22);
  });
});
