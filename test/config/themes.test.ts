import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssTheme, paperPalette, readThemeManifest, resolveTheme, THEMES_DIR } from '../../src/config/themes.js';
import { briefErrorOf } from '../helpers/errors.js';

/** A custom property as a theme's slides.css sets it. */
function slidesVariable(theme: string, name: string): string | undefined {
  return new RegExp(`--brief-${name}:\\s*([^;]+);`).exec(readFileSync(join(THEMES_DIR, theme, 'slides.css'), 'utf8'))?.[1]?.trim();
}

function manifestFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rfc-brief-theme-')), 'theme.json');
  writeFileSync(file, content);
  return file;
}

const PALETTE = {
  text: '#1b2230',
  muted: '#4a5568',
  grid: '#d5dce6',
  background: '#ffffff',
  panel: '#eef2f7',
  series: ['#1d4f91'],
  font: 'Inter',
};

describe("rfc-brief's own themes", () => {
  // The palettes figures were drawn in before themes carried them: the PDFs stay the same pixels.
  it('draws light figures in the colours they always had', () => {
    expect(resolveTheme('light', undefined).palette).toEqual({
      dark: false,
      text: '#1b2230',
      muted: '#4a5568',
      grid: '#d5dce6',
      background: '#ffffff',
      panel: '#eef2f7',
      series: ['#1d4f91', '#c2611a', '#2f7d4f', '#8a3f96', '#5d6879'],
      font: 'Inter, DejaVu Sans, sans-serif',
    });
  });

  it('draws dark figures in the colours they always had', () => {
    expect(resolveTheme('dark', undefined).palette).toEqual({
      dark: true,
      text: '#e6ebf2',
      muted: '#a9b4c4',
      grid: '#334155',
      background: '#10151d',
      panel: '#1b2330',
      series: ['#6cb6ff', '#f0a35e', '#6fcf97', '#d19be0', '#a9b4c4'],
      font: 'Inter, DejaVu Sans, sans-serif',
    });
  });

  it("takes the light palette's colours from the light slides.css", () => {
    const { palette } = resolveTheme('light', undefined);
    expect([palette.text, palette.muted, palette.background, palette.panel, palette.series[0]]).toEqual(
      ['text', 'muted', 'bg', 'panel', 'accent'].map((name) => slidesVariable('light', name)),
    );
  });

  it("says the manifest's dark flag in the palette too", () => {
    for (const name of ['light', 'dark']) {
      const theme = resolveTheme(name, undefined);
      expect(theme.kind === 'brief' && theme.dark).toBe(theme.palette.dark);
    }
  });

  it("prints paper in the light theme's palette, and a briefing's own stylesheet likewise", () => {
    expect(paperPalette()).toEqual(resolveTheme('light', undefined).palette);
    expect(cssTheme('mine.css', '/x/mine.css').palette).toEqual(paperPalette());
  });
});

describe('reading a theme.json', () => {
  it('reads the highlight style, the dark flag and the palette', () => {
    const file = manifestFile(JSON.stringify({ highlight: 'nord', dark: true, palette: PALETTE }));
    expect(readThemeManifest(file)).toEqual({ highlight: 'nord', dark: true, palette: { dark: true, ...PALETTE } });
  });

  it('names the file and the key of a colour that is not one', () => {
    const file = manifestFile(JSON.stringify({ palette: { ...PALETTE, muted: 'grey' } }));
    const error = briefErrorOf(() => readThemeManifest(file));
    expect(error.where?.file).toBe(file);
    expect(error.message).toBe(`the theme's palette cannot be used: "palette.muted" is "grey", not a colour like "#1b2230"`);
  });

  it('refuses a manifest without a palette, without series colours, or without a font', () => {
    const { series: _series, ...noSeries } = PALETTE;
    for (const [content, message] of [
      [{ dark: false }, /"palette" is missing/],
      [{ palette: noSeries }, /"palette.series" must list at least one colour/],
      [{ palette: { ...PALETTE, series: ['#123', 7] } }, /"palette.series\[1\]" is 7, not a colour/],
      [{ palette: { ...PALETTE, font: '' } }, /"palette.font" must name a font family/],
      [{ dark: 'yes', palette: PALETTE }, /"dark" must be true or false/],
    ] as const) {
      const error = briefErrorOf(() => readThemeManifest(manifestFile(JSON.stringify(content))));
      expect([error.code, error.message]).toEqual(['UNKNOWN_THEME', expect.stringMatching(message)]);
    }
  });

  it('names the file of a manifest that is not JSON', () => {
    const file = manifestFile('{ "dark": true,');
    const error = briefErrorOf(() => readThemeManifest(file));
    expect(error.where).toEqual({ file });
    expect(error.message).toMatch(/^the theme's manifest cannot be read: /);
  });
});
