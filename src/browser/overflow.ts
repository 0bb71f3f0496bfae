import type { Page } from 'puppeteer-core';
import type { Diagnostic } from '../errors.js';
import type { Browser } from './browser.js';
import { findMissingGlyphs, type MissingGlyphs } from './glyphs.js';
import { openForPrint, type PrintRequest } from './print.js';
import { measureRegions, OVERFLOW_TOLERANCE_PX, type RegionOverflow } from './region-overflow.js';

export interface Overflow {
  /** 0-based index of the slide in print order. */
  readonly index: number;
  /** "file:line" from the slide's data-source attribute. */
  readonly source: string | undefined;
  /** How far content reaches past the slide's content box, in whole CSS pixels; 0 within the tolerance (region-overflow.ts). */
  readonly bottom: number;
  readonly right: number;
  /** A named layout's regions that overflow their own boxes (region-overflow.ts). */
  readonly regions?: readonly RegionOverflow[] | undefined;
}

/**
 * Lays the deck out as it prints and measures every slide: content that reaches below the slide's
 * content box (into the footer or off the page) or past its right edge is an overflow.
 */
export async function measureOverflow(browser: Browser, request: PrintRequest, warnings: Diagnostic[]): Promise<Overflow[]> {
  return (await measureSlides(browser, request, warnings)).overflows;
}

/** The printed slides measured once: what overflows, and characters no installed font has. */
export async function measureSlides(
  browser: Browser,
  request: PrintRequest,
  warnings: Diagnostic[],
): Promise<{ overflows: Overflow[]; missingGlyphs: MissingGlyphs[] }> {
  return browser.withPage(async (page) => {
    await openForPrint(page, request, warnings);
    return { overflows: await measureOpenPage(page), missingGlyphs: await findMissingGlyphs(page) };
  });
}

/**
 * The same measurement on a print page already open and laid out: `build` measures the page it
 * is about to print slides.pdf from, so what `check` finds fails the build at the cost of one
 * pass over the laid-out page (no second load).
 */
export async function measureOpenPage(page: Page): Promise<Overflow[]> {
  const regions = await measureRegions(page);
  const slides: Overflow[] = await page.evaluate((tolerance: number) => {
    const found: { index: number; source: string | undefined; bottom: number; right: number }[] = [];
    document.querySelectorAll<HTMLElement>('.pdf-page').forEach((pdfPage, index) => {
      const slide = pdfPage.querySelector<HTMLElement>('section');
      if (!slide) return;
      const box = slide.getBoundingClientRect();
      const style = getComputedStyle(slide);
      const height = Math.min(slide.clientHeight, pdfPage.clientHeight);
      // Below the content box is the footer band (slide number); past the right edge is off the page.
      const footer = slide.classList.contains('title-slide') || slide.dataset['layout'] === 'title' ? 0 : parseFloat(style.paddingBottom);
      // reveal.js places a centred slide within its page: what reaches past the page is cut off too.
      const page = pdfPage.getBoundingClientRect();
      const limitBottom = Math.min(box.top + height - footer, page.bottom);
      const limitRight = Math.min(box.left + slide.clientWidth, page.right);
      const clipped = (element: Element): boolean => {
        // What an SVG draws outside its viewport, or a scrolling box holds, is not on the slide.
        if (element.tagName.toLowerCase() !== 'svg' && element.closest('svg')) return true;
        for (let parent = element.parentElement; parent && parent !== slide; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflow !== 'visible') return true;
        }
        return false;
      };
      let bottom = 0;
      let right = 0;
      for (const element of slide.querySelectorAll<HTMLElement>('*')) {
        // A named layout's regions are measured each against its own box (region-overflow.ts).
        if (element.closest('aside.notes') || (slide.dataset['layout'] && element.closest('.layout-regions')) || clipped(element)) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        bottom = Math.max(bottom, rect.bottom - limitBottom);
        right = Math.max(right, rect.right - limitRight);
      }
      const past = (by: number) => (by > tolerance ? Math.max(1, Math.round(by)) : 0);
      if (past(bottom) || past(right)) found.push({ index, source: slide.dataset['source'], bottom: past(bottom), right: past(right) });
    });
    return found;
  }, OVERFLOW_TOLERANCE_PX);
  for (const [index, { source, regions: overflowing }] of regions) {
    const at = slides.findIndex((slide) => slide.index === index);
    if (at < 0) slides.push({ index, source, bottom: 0, right: 0, regions: overflowing });
    else slides[at] = { ...(slides[at] as Overflow), regions: overflowing };
  }
  return slides.sort((a, b) => a.index - b.index);
}
