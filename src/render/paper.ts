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

/** A page's content area (the page box less its margins), in millimetres. */
export interface PageArea {
  readonly width: number;
  readonly height: number;
}

/**
 * The report's page margins in millimetres: the cover's page has none. Written into the report's
 * own @page rule (report.ts) and used to lay the report out before it is printed (guess-contents.ts),
 * so both read them here; report.css styles the margin boxes only.
 */
export const REPORT_MARGINS = { top: 25, right: 25, bottom: 22, left: 25 } as const;

/** The content areas of the report's first page (the cover) and of every page after it. */
export function reportPageAreas(paper: PaperSize): { readonly first: PageArea; readonly rest: PageArea } {
  const { width, height } = PAPER[paper];
  const m = REPORT_MARGINS;
  return { first: { width, height }, rest: { width: width - m.left - m.right, height: height - m.top - m.bottom } };
}
