import { type Diagnostic, warning } from '../errors.js';
import { MM_TO_PT } from '../render/paper.js';
import type { SlideSlot } from '../render/handout.js';
import type { Browser } from '../browser/browser.js';
import { openPdf, type PageSize, type PageSizes, type Placement } from '../pdf/pdf-editor.js';
import { openForPrint, printOpenPage, type PrintRequest } from '../browser/print.js';

/** Smallest notes type, in points, before notes are cut and the author told. */
const MIN_NOTES_PT = 6.5;

/**
 * Prints the handout's own pages (headers, notes, empty frames); placeSlides then lays each slide
 * of the slides PDF into its frame as a vector form: the slides are the deck's own print, not a
 * second rendering.
 */
export async function printHandoutPages(browser: Browser, request: PrintRequest, warnings: Diagnostic[]): Promise<Uint8Array> {
  return browser.withPage(async (page) => {
    await openForPrint(page, request, warnings);
    const cut = await page.evaluate((minPt: number) => {
      const overflowing: string[] = [];
      for (const notes of document.querySelectorAll<HTMLElement>('.notes')) {
        let size = parseFloat(getComputedStyle(notes).fontSize) * 0.75;
        while (notes.scrollHeight > notes.clientHeight + 1 && size > minPt) {
          size -= 0.5;
          notes.style.fontSize = `${size}pt`;
        }
        if (notes.scrollHeight > notes.clientHeight + 1) overflowing.push(notes.querySelector('.notes-label')?.textContent ?? '');
      }
      return overflowing;
    }, MIN_NOTES_PT);
    for (const label of cut)
      warnings.push(warning('notes-continued', `the handout cuts the notes of slide "${label}": they are too long for the layout`));
    return printOpenPage(page, request);
  });
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
