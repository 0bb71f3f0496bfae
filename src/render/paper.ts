import type { PaperSize } from '../config/defaults.js';

/** Paper sizes in millimetres (portrait). */
export const PAPER: Readonly<Record<PaperSize, { readonly width: number; readonly height: number; readonly css: string }>> = {
  a4: { width: 210, height: 297, css: 'A4' },
  letter: { width: 215.9, height: 279.4, css: 'letter' },
};

export const MM_TO_PT = 72 / 25.4;

/** A rectangle on a page, in millimetres from the page's top-left corner. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
