import type { Page } from 'puppeteer-core';
import { findMissingGlyphs } from '../browser/glyphs.js';
import { measureOpenPage } from '../browser/overflow.js';
import { missingGlyphFindings, overflowFindings, perSlide } from '../check/overflow.js';
import type { Diagnostic } from '../errors.js';
import type { Prepared } from '../pipeline/prepare.js';
import { printedPages } from '../render/printed-pages.js';
import { printedSlides } from '../render/printed-slides.js';

/**
 * The open print page measured as `check` measures it: a slide that overflows is an error of
 * whatever is printed from the page (slides.pdf, the slide images), a character no font has a
 * warning. Both outputs measure the page in the same state, so that each finding is said the
 * same way and reported once (BuildRun.failOnFindings).
 */
export async function measurePrintPage(page: Page, prepared: Prepared, warnings: Diagnostic[]): Promise<void> {
  const overflows = await measureOpenPage(page);
  const missingGlyphs = await findMissingGlyphs(page);
  const slides = printedSlides(prepared.config, prepared.stacks);
  // With pdfSeparateFragments a slide has a page per step: each finding is said once, for its slide.
  const pages = printedPages(prepared.config, prepared.stacks);
  warnings.push(...overflowFindings(perSlide(overflows, pages), slides), ...missingGlyphFindings(perSlide(missingGlyphs, pages), slides));
}
