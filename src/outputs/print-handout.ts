import { type Diagnostic, warning } from '../errors.js';
import { MM_TO_PT } from '../render/paper.js';
import type { SlideSlot } from '../render/handout.js';
import type { Page } from 'puppeteer-core';
import type { Browser } from '../browser/browser.js';
import { openPdf, type PageSize, type PageSizes, type Placement } from '../pdf/pdf-editor.js';
import { openForPrint, printOpenPage, type PrintRequest } from '../browser/print.js';
import type { NumberedSlide } from '../render/printed-slides.js';
import { continueNotes } from './continue-notes.js';

/**
 * Prints the handout's own pages (headers, notes, empty frames); placeSlides then lays each slide
 * of the slides PDF into its frame as a vector form: the slides are the deck's own print, not a
 * second rendering. Notes too long for their frame continue on pages put in after theirs (never
 * cut, never shrunk): the slots move with the pages, and the author is told which slide did so.
 */
export async function printHandoutPages(
  browser: Browser,
  request: PrintRequest,
  slides: readonly NumberedSlide[],
  warnings: Diagnostic[],
): Promise<{ readonly bytes: Uint8Array; readonly pageOf: readonly number[] }> {
  return browser.withPage(async (page) => {
    await openForPrint(page, request, warnings);
    await shrinkNotes(page);
    const { pageOf, continued } = await continueNotes(page);
    for (const { slide: index, page: on } of continued) {
      const slide = slides[index - 1];
      const named = `slide ${slide?.number ?? index}${slide?.title ? ` "${slide.title}"` : ''}`;
      warnings.push(
        warning(
          'notes-continued',
          `the notes of ${named} do not fit their frame in the handout: they continue on page ${on}`,
          slide?.source,
          {
            slide: slide?.number,
            title: slide?.title || undefined,
          },
        ),
      );
    }
    return { bytes: await printOpenPage(page, request), pageOf };
  });
}

/** Notes type is made smaller, down to this size in points, before notes continue on another page. */
const MIN_NOTES_PT = 8;

/**
 * Notes a little too long for their frame are set a little smaller (half a point at a time, to
 * 8 pt at the least, which still reads on paper); notes that do not fit even then keep their
 * size and continue on another page (continueNotes).
 */
async function shrinkNotes(page: Page): Promise<void> {
  await page.evaluate((minPt: number) => {
    for (const notes of document.querySelectorAll<HTMLElement>('.notes:not(.empty)')) {
      let size = parseFloat(getComputedStyle(notes).fontSize) * 0.75;
      while (notes.scrollHeight > notes.clientHeight + 1 && size > minPt) {
        size = Math.max(minPt, size - 0.5);
        notes.style.fontSize = `${size}pt`;
      }
      if (notes.scrollHeight > notes.clientHeight + 1) notes.style.fontSize = '';
    }
  }, MIN_NOTES_PT);
}

export async function placeSlides(handoutPdf: Uint8Array, slidesPdf: Uint8Array, slots: readonly SlideSlot[]): Promise<Uint8Array> {
  const handout = openPdf(handoutPdf);
  await handout.laySlides(openPdf(slidesPdf), (sizes) => placements(slots, sizes));
  return handout.save();
}

/** Each slide scaled into its frame, centred, its proportions kept. */
export function placements(slots: readonly SlideSlot[], sizes: PageSizes): Placement[] {
  return slots.flatMap((slot) => {
    const form = sizes.slides[slot.slide];
    const page = sizes.handout[slot.page];
    if (!form || !page) return [];
    const { x, y, scale } = fit(slot, form, page.height);
    return [{ slide: slot.slide, page: slot.page, matrix: [scale, 0, 0, scale, x, y] as const }];
  });
}

function fit(slot: SlideSlot, form: PageSize, pageHeight: number) {
  const box = { x: slot.box.x * MM_TO_PT, width: slot.box.width * MM_TO_PT, height: slot.box.height * MM_TO_PT };
  const scale = Math.min(box.width / form.width, box.height / form.height);
  const width = form.width * scale;
  const height = form.height * scale;
  const top = pageHeight - slot.box.y * MM_TO_PT;
  return { x: box.x + (box.width - width) / 2, y: top - (box.height + height) / 2, scale };
}
