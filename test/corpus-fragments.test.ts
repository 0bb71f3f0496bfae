import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBriefing } from '../src/pipeline/read-briefing.js';
import { slideBody } from '../src/render/slide-body.js';
import { printedOnly, printedSlides } from '../src/render/printed-slides.js';
import { printedPages } from '../src/render/printed-pages.js';
import { CORPUS, fixture } from './helpers/paths.js';

// The fragments reveal-md 6.1.4 gives every deck of the corpus (scripts/reveal-md-oracle.mjs):
// its highlight plugin's copies of stepped code among them (bugli-collaborazione: 45 of its 102).
// rfc-brief lays code steps out at build time: the deck it writes must hold the same fragments,
// and a print with pdfSeparateFragments the pages reveal.js's print makes of them.
interface Measured {
  readonly fragments: number;
  readonly codeFragments: number;
  readonly separatePages: number;
}
const oracle = JSON.parse(readFileSync(fixture('reveal-md-oracle.json'), 'utf8')) as { decks: Record<string, Measured> };

/** Start tags with class "fragment" in what the deck shows of each printed slide (its body and notes). */
function measure(file: string): Measured {
  const briefing = readBriefing(join(CORPUS, file), CORPUS, { pdfSeparateFragments: true });
  const slides = printedOnly(printedSlides(briefing.config, briefing.stacks)).flatMap(({ slide }) => (slide ? [slide] : []));
  const count = (html: string, tag = '[a-z][a-z0-9-]*') =>
    [...html.matchAll(new RegExp(`<${tag}\\b[^>]*\\sclass="([^"]*)"`, 'g'))].filter((m) => (m[1] ?? '').split(/\s+/).includes('fragment'))
      .length;
  const html = slides.map((slide) => slideBody(slide, 'slides') + slide.notes.html);
  return {
    fragments: html.reduce((sum, h) => sum + count(h), 0),
    codeFragments: html.reduce((sum, h) => sum + count(h, 'code'), 0),
    separatePages: printedPages(briefing.config, briefing.stacks).length,
  };
}

describe('every corpus deck has the fragments reveal-md gives it', () => {
  it.each(Object.keys(oracle.decks))('%s', (file) => {
    const { fragments, codeFragments, separatePages } = oracle.decks[file] as Measured;
    expect(measure(file)).toEqual({ fragments, codeFragments, separatePages });
  });
});
