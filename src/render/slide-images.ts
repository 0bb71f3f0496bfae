import type { ImageFormat } from '../config/defaults.js';

/** The preview of the title slide for wikis and chat: 1200 px wide, the width link previews are drawn for. */
export const PREVIEW = { name: 'preview.png', width: 1200 } as const;

/** JPEG's quality: text stays sharp at 90, at a third of the PNG's size for a photo. */
export const JPEG_QUALITY = 90;

/**
 * One printed page in CSS pixels, as reveal.js's print layout sizes it (and print-deck.ts after
 * it): the slide and its margin, rounded down.
 */
export function printPageSize(options: Readonly<Record<string, unknown>>): { readonly width: number; readonly height: number } {
  const number = (key: string, fallback: number) => (typeof options[key] === 'number' ? (options[key] as number) : fallback);
  const margin = number('margin', 0.04);
  return { width: Math.floor(number('width', 960) * (1 + margin)), height: Math.floor(number('height', 700) * (1 + margin)) };
}

/**
 * The images' file names, in slide order, that sort as the slides do in any file list:
 * 001.png, 002.png …, zero-padded to three digits, or to as many as the count has (1000 slides:
 * 0001 …).
 */
export function imageNames(count: number, format: ImageFormat): string[] {
  const digits = Math.max(3, String(count).length);
  const extension = format === 'jpeg' ? 'jpg' : 'png';
  return Array.from({ length: count }, (_, index) => `${String(index + 1).padStart(digits, '0')}.${extension}`);
}

/** Image size in pixels of a page at a scale, as Chromium rounds it. */
export function scaledSize(page: { readonly width: number; readonly height: number }, scale: number): { width: number; height: number } {
  return { width: Math.round(page.width * scale), height: Math.round(page.height * scale) };
}
