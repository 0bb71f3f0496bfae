import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../src/config/themes.js';
import { drawChart } from '../../src/figures/chart.js';
import { paletteFor } from '../../src/figures/palette.js';
import type { FigureBlock } from '../../src/markdown/figures.js';
import { fixture } from '../helpers/paths.js';

const CHART: FigureBlock = {
  key: 'a.md:1',
  kind: 'chart',
  source: `title: Time per write
description: Two bars
data: { url: data/writes.csv }
mark: bar
encoding:
  y: { field: case, type: nominal }
  x: { field: microseconds, type: quantitative, title: Microseconds }`,
  file: 'a.md',
  line: 1,
};

/** WCAG 2 relative luminance of #rgb or #rrggbb: 0 for black, 1 for white. */
function luminance(colour: string): number {
  const hex = colour.length === 4 ? [...colour.slice(1)].map((c) => c + c).join('') : colour.slice(1);
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The fill of every text element vega drew (labels, titles), lower-cased. */
const textFills = (svg: string) => [...svg.matchAll(/<text\b[^>]*\bfill="([^"]+)"/g)].map((m) => (m[1] ?? '').toLowerCase());

const REVEAL_DARK = ['black', 'black-contrast', 'blood', 'dracula', 'league', 'moon', 'night'];
const REVEAL_LIGHT = ['beige', 'serif', 'simple', 'sky', 'solarized', 'white', 'white-contrast'];

describe('the palette a reveal.js theme gives its figures', () => {
  it.each(REVEAL_DARK)('is dark on %s, with light ink that reads on its background', (name) => {
    const palette = paletteFor(resolveTheme(name, undefined), 'screen');
    expect(palette.dark).toBe(true);
    expect(luminance(palette.text)).toBeGreaterThan(luminance(palette.background));
    expect(contrast(palette.text, palette.background)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(REVEAL_LIGHT)('is light on %s, with dark ink', (name) => {
    const palette = paletteFor(resolveTheme(name, undefined), 'screen');
    expect(palette.dark).toBe(false);
    expect(luminance(palette.text)).toBeLessThan(luminance(palette.background));
  });

  it.each([...REVEAL_DARK, ...REVEAL_LIGHT])('keeps the labels on %s as readable as AA asks, or as the body text is', (name) => {
    const { text, muted, background } = paletteFor(resolveTheme(name, undefined), 'screen');
    expect(contrast(muted, background)).toBeGreaterThanOrEqual(Math.min(4.5, contrast(text, background)));
  });

  it("takes black's own background and accent", () => {
    const palette = paletteFor(resolveTheme('black', undefined), 'screen');
    expect(palette.background).toBe('#191919');
    expect(palette.series[0]).toBe('#42affa');
  });

  it('draws a chart for black with light text on the dark background', async () => {
    const palette = paletteFor(resolveTheme('black', undefined), 'screen');
    const { svg } = await drawChart(CHART, fixture('figures'), palette, []);
    const fills = textFills(svg);
    expect(fills.length).toBeGreaterThan(0);
    for (const fill of fills) expect(contrast(fill, '#191919'), fill).toBeGreaterThanOrEqual(4.5);
  });

  it('prints the report on paper in the light palette, whatever the slides use', () => {
    const paper = paletteFor(resolveTheme('light', undefined), 'screen');
    for (const name of ['black', 'dark', 'moon', 'white']) expect(paletteFor(resolveTheme(name, undefined), 'paper'), name).toEqual(paper);
  });
});
