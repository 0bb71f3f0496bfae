import { readFileSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { MeasuredSlide } from '../pptx/model.js';
import { walkSlides } from './slide-walker.js';

export type PictureBytes = { readonly type: 'png' | 'jpeg' | 'gif'; readonly bytes: Uint8Array };

/** Pictures are taken at twice the slide's pixels, sharp on a projector and in a zoomed-in editor. */
const PICTURE_SCALE = 2;

/**
 * The printed slides measured on a print page already open and laid out (the one slides.pdf is
 * printed from): slide-walker.ts walks them in the page; then each picture gets its bytes, the
 * image file the page loaded (a PNG, JPEG or GIF from inside the print folder) or else a
 * screenshot of where it is drawn (charts, diagrams, formulas, other images).
 */
export async function measureSlides(
  page: Page,
  allowedDir: string,
  size: { readonly width: number; readonly height: number },
): Promise<{ readonly slides: MeasuredSlide[]; readonly pictures: Map<string, PictureBytes>[] }> {
  const slides = await walkSlides(page, size);
  const pictures: Map<string, PictureBytes>[] = [];
  for (const slide of slides) {
    const found = new Map<string, PictureBytes>();
    for (const item of slide.items) {
      if (item.kind !== 'picture' || item.capture.w < 1 || item.capture.h < 1) continue;
      const file = item.src ? imageFile(item.src, allowedDir) : undefined;
      const bytes =
        file ??
        (await page.screenshot({
          type: 'png',
          captureBeyondViewport: true,
          clip: { x: item.capture.x, y: item.capture.y, width: item.capture.w, height: item.capture.h, scale: PICTURE_SCALE },
        }));
      found.set(item.name, 'type' in bytes ? bytes : { type: 'png', bytes });
    }
    pictures.push(found);
  }
  return { slides, pictures };
}

/** An image file from the print folder, as it is: a raster PowerPoint reads. */
function imageFile(src: string, allowedDir: string): PictureBytes | undefined {
  if (!src.startsWith('file:')) return undefined;
  const path = fileURLToPath(src);
  const inside = relative(allowedDir, path);
  if (inside.startsWith('..') || isAbsolute(inside)) return undefined;
  const type = /\.png$/i.test(path) ? 'png' : /\.jpe?g$/i.test(path) ? 'jpeg' : /\.gif$/i.test(path) ? 'gif' : undefined;
  if (!type) return undefined;
  try {
    return { type, bytes: readFileSync(path) };
  } catch {
    return undefined;
  }
}
