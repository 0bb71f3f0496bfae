import type { Page } from 'puppeteer-core';

/**
 * Content that reaches at most this far (CSS pixels) past its box fits: sub-pixel layout and a
 * glyph's edge. Past it, the overflow is said in whole pixels (2.3 px is "2 px"), never as 0.
 */
export const OVERFLOW_TOLERANCE_PX = 2;

/** How far a region's content reaches past the region's box, in whole CSS pixels; 0 within the tolerance. */
export interface RegionOverflow {
  readonly region: string;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Every region of every printed slide measured on its own (issue 17), so that `check` can say
 * which one is too full: its content against the region's content box (a column's right edge, a
 * split's text side), and never below the slide's content box (above the footer band; a cover
 * has none). An image split's image is cut to its side by design and is not measured.
 * Indexed by the slide's place in print order; slides whose regions all fit are left out.
 */
export async function measureRegions(page: Page): Promise<Map<number, { source: string | undefined; regions: RegionOverflow[] }>> {
  const found = await page.evaluate((tolerance: number) => {
    const result: [number, { source: string | undefined; regions: { region: string; bottom: number; right: number }[] }][] = [];
    document.querySelectorAll<HTMLElement>('.pdf-page').forEach((pdfPage, index) => {
      const slide = pdfPage.querySelector<HTMLElement>('section[data-layout]');
      if (!slide) return;
      const box = slide.getBoundingClientRect();
      const cover = slide.classList.contains('title-slide') || slide.dataset['layout'] === 'title';
      const footer = cover ? 0 : parseFloat(getComputedStyle(slide).paddingBottom);
      const slideBottom = box.top + Math.min(slide.clientHeight, pdfPage.clientHeight) - footer;
      const overflows: { region: string; bottom: number; right: number }[] = [];
      for (const region of slide.querySelectorAll<HTMLElement>('[data-region]')) {
        const name = region.dataset['region'] ?? '';
        if (name === 'image' || region.closest('aside.notes')) continue;
        const rect = region.getBoundingClientRect();
        const style = getComputedStyle(region);
        const limitRight = rect.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
        const limitBottom = Math.min(rect.bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth), slideBottom);
        const clipped = (element: Element): boolean => {
          if (element.tagName.toLowerCase() !== 'svg' && element.closest('svg')) return true;
          for (let parent = element.parentElement; parent && parent !== region; parent = parent.parentElement) {
            if (getComputedStyle(parent).overflow !== 'visible') return true;
          }
          return false;
        };
        let bottom = 0;
        let right = 0;
        for (const element of region.querySelectorAll<HTMLElement>('*')) {
          if (clipped(element)) continue;
          const inner = element.getBoundingClientRect();
          if (inner.width === 0 || inner.height === 0) continue;
          bottom = Math.max(bottom, inner.bottom - limitBottom);
          right = Math.max(right, inner.right - limitRight);
        }
        const past = (by: number) => (by > tolerance ? Math.max(1, Math.round(by)) : 0);
        if (past(bottom) || past(right)) overflows.push({ region: name, bottom: past(bottom), right: past(right) });
      }
      if (overflows.length > 0) result.push([index, { source: slide.dataset['source'], regions: overflows }]);
    });
    return result;
  }, OVERFLOW_TOLERANCE_PX);
  return new Map(found);
}
