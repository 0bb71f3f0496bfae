import type { RevealColours } from './palette.js';

/**
 * reveal.js's built-in themes (node_modules/reveal.js/dist/theme/NAME.css), each as its CSS sets
 * it: --r-background-color, --r-main-color and --r-link-color as the accent. Without this table
 * every one of them drew its figures in the light palette, dark ink on black (issue 12).
 * test/config/reveal-palettes.test.ts reads the CSS back, so an upgrade of reveal.js that changes a
 * colour or adds a theme fails a test rather than a chart.
 */
export const REVEAL_PALETTES = {
  beige: { background: '#f7f3de', text: '#333', accent: '#8b743d', dark: false },
  black: { background: '#191919', text: '#fff', accent: '#42affa', dark: true },
  'black-contrast': { background: '#000', text: '#fff', accent: '#42affa', dark: true },
  // Its link colour, #a23, is 2.3:1 on the background: too dim for a bar. The hover colour, the
  // same red lighter, is 3.4:1 (WCAG 2 asks 3:1 of graphics).
  blood: { background: '#222', text: '#eee', accent: '#d63347', dark: true },
  dracula: { background: '#191919', text: '#f8f8f2', accent: '#ff79c6', dark: true },
  league: { background: '#1c1e20', text: '#eee', accent: '#13daec', dark: true },
  moon: { background: '#002b36', text: '#93a1a1', accent: '#268bd2', dark: true },
  night: { background: '#111', text: '#fff', accent: '#e7ad52', dark: true },
  serif: { background: '#f0f1eb', text: '#000', accent: '#51483d', dark: false },
  simple: { background: '#fff', text: '#000', accent: '#00008b', dark: false },
  sky: { background: '#f7fbfc', text: '#333', accent: '#2a76dd', dark: false },
  solarized: { background: '#fdf6e3', text: '#657b83', accent: '#268bd2', dark: false },
  white: { background: '#fff', text: '#222', accent: '#2a76dd', dark: false },
  'white-contrast': { background: '#fff', text: '#000', accent: '#2a76dd', dark: false },
} as const satisfies Record<string, RevealColours>;

/** The reveal.js theme's colours, or undefined for one this table does not know. */
export function revealColours(name: string): RevealColours | undefined {
  return Object.hasOwn(REVEAL_PALETTES, name) ? REVEAL_PALETTES[name as keyof typeof REVEAL_PALETTES] : undefined;
}
