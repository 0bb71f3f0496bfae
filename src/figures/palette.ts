import type { Theme } from '../config/themes.js';

/** Colours and type a chart or diagram takes from its theme, so figures match the slides. */
export interface Palette {
  readonly dark: boolean;
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  readonly panel: string;
  /** Series colours, the theme's accent first. */
  readonly series: readonly string[];
  readonly font: string;
}

export const LIGHT: Palette = {
  dark: false,
  text: '#1b2230',
  muted: '#4a5568',
  grid: '#d5dce6',
  background: '#ffffff',
  panel: '#eef2f7',
  series: ['#1d4f91', '#c2611a', '#2f7d4f', '#8a3f96', '#5d6879'],
  font: 'Inter, DejaVu Sans, sans-serif',
};

export const DARK: Palette = {
  dark: true,
  text: '#e6ebf2',
  muted: '#a9b4c4',
  grid: '#334155',
  background: '#10151d',
  panel: '#1b2330',
  series: ['#6cb6ff', '#f0a35e', '#6fcf97', '#d19be0', '#a9b4c4'],
  font: 'Inter, DejaVu Sans, sans-serif',
};

/** The slides follow the theme; paper (report, handout) is always light. */
export function paletteFor(theme: Theme, medium: 'screen' | 'paper'): Palette {
  return medium === 'screen' && theme.kind === 'brief' && theme.dark ? DARK : LIGHT;
}
