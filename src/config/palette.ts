import { BriefError } from '../errors.js';

/**
 * Colours and type a chart or diagram takes from its theme, so figures match the slides. It lives
 * with the themes (config), not with the figures, because the theme that is resolved once carries it.
 */
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

/** What a reveal.js theme's CSS says about its colours; the rest of its palette is derived. */
export interface RevealColours {
  readonly background: string;
  readonly text: string;
  readonly accent: string;
  readonly dark: boolean;
}

const COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const COLOUR_KEYS = ['text', 'muted', 'grid', 'background', 'panel'] as const;

/**
 * The "palette" of a theme.json, checked here so that a typo names the file and the key rather than
 * surfacing as a chart drawn in the wrong colours. `dark` is the manifest's own top-level flag.
 */
export function readPalette(value: unknown, dark: boolean, file: string): Palette {
  const fail = (what: string) =>
    new BriefError('UNKNOWN_THEME', `the theme's palette cannot be used: ${what}`, {
      where: { file },
      hint: 'A palette has text, muted, grid, background and panel colours ("#rrggbb"), a list of series colours and a font.',
    });
  if (!isRecord(value)) throw fail('"palette" is missing or not an object');
  const colours: Partial<Record<(typeof COLOUR_KEYS)[number], string>> = {};
  for (const key of COLOUR_KEYS) {
    const colour = value[key];
    if (typeof colour !== 'string' || !COLOUR.test(colour))
      throw fail(`"palette.${key}" is ${describe(colour)}, not a colour like "#1b2230"`);
    colours[key] = colour;
  }
  const series = value['series'];
  if (!Array.isArray(series) || series.length === 0) throw fail('"palette.series" must list at least one colour, the accent first');
  for (const [index, colour] of series.entries())
    if (typeof colour !== 'string' || !COLOUR.test(colour)) throw fail(`"palette.series[${index}]" is ${describe(colour)}, not a colour`);
  const font = value['font'];
  if (typeof font !== 'string' || font.trim() === '') throw fail('"palette.font" must name a font family');
  const { text = '', muted = '', grid = '', background = '', panel = '' } = colours;
  // The keys in the order the palette has always had: it is hashed into the figure cache's keys.
  return { dark, text, muted, grid, background, panel, series: series as string[], font };
}

/**
 * A reveal.js theme's palette: its own background, text and accent; muted, grid and panel mixed
 * from its text and background, so they sit on it as rfc-brief's own do; the other series colours
 * and the font from rfc-brief's theme of the same brightness (`family`), whose series colours are
 * chosen to read on any light (or any dark) background.
 */
export function derivePalette(colours: RevealColours, family: Palette): Palette {
  const { background, text, accent, dark } = colours;
  const mixed = mix(text, background, 0.75);
  // A theme whose body text is already quiet (solarized, moon) has no room for quieter labels.
  const muted = contrast(mixed, background) >= Math.min(4.5, contrast(text, background)) ? mixed : text;
  return {
    dark,
    text,
    muted,
    grid: mix(text, background, 0.2),
    background,
    panel: mix(text, background, 0.08),
    series: [accent, ...family.series.slice(1)],
    font: family.font,
  };
}

/** Whether two palettes draw the same: then one drawing serves both media. */
export function samePalette(a: Palette, b: Palette): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** WCAG 2 relative luminance: 0 for black, 1 for white. */
export function luminance(colour: string): number {
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = channels(colour).map((c) => linear(c / 255)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** `amount` of `a` over `b`, as #rrggbb. */
function mix(a: string, b: string, amount: number): string {
  const [ca, cb] = [channels(a), channels(b)];
  return `#${ca
    .map((c, i) =>
      Math.round(c * amount + (cb[i] ?? 0) * (1 - amount))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function channels(colour: string): [number, number, number] {
  const hex = colour.length === 4 ? [...colour.slice(1)].map((c) => c + c).join('') : colour.slice(1);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
