/** Fenced blocks drawn at build time instead of shown as code. */
export const FIGURE_KINDS = ['chart', 'mermaid'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export interface FigureBlock {
  /** "file:line" of the opening fence: stable across the slides and report renderings. */
  readonly key: string;
  readonly kind: FigureKind;
  readonly source: string;
  readonly file: string;
  readonly line: number;
}

export function isFigureKind(lang: string): lang is FigureKind {
  return (FIGURE_KINDS as readonly string[]).includes(lang);
}

/** Where the drawn SVG goes; replaced once the figure is drawn (render/figures.ts). */
export function figurePlaceholder(key: string): string {
  return `<rfc-figure data-key="${key.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></rfc-figure>\n`;
}
