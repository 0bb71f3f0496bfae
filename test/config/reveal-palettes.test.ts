import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { luminance } from '../../src/config/palette.js';
import { REVEAL_PALETTES } from '../../src/config/reveal-palettes.js';
import { listThemes, REVEAL_DIST } from '../../src/config/themes.js';

/** A custom property as reveal.js's minified CSS sets it in :root. */
function cssVariable(theme: string, name: string): string | undefined {
  const css = readFileSync(join(REVEAL_DIST, 'theme', `${theme}.css`), 'utf8');
  return new RegExp(`--r-${name}:\\s*([^;}]+)`).exec(css)?.[1]?.trim().toLowerCase();
}

/** Where the table knowingly departs from the theme's link colour, and why: see the table. */
const ACCENT_FROM_HOVER = ['blood'];

describe("the table of reveal.js themes' colours", () => {
  it('knows every theme reveal.js ships, and no other', () => {
    expect(Object.keys(REVEAL_PALETTES).sort()).toEqual(listThemes().reveal);
  });

  it.each(Object.entries(REVEAL_PALETTES))("has %s's background, text and accent as its CSS sets them", (name, colours) => {
    expect(colours.background).toBe(cssVariable(name, 'background-color'));
    expect(colours.text).toBe(cssVariable(name, 'main-color'));
    expect(colours.accent).toBe(cssVariable(name, ACCENT_FROM_HOVER.includes(name) ? 'link-color-hover' : 'link-color'));
  });

  // 0.18 is the luminance as far in contrast from black as from white.
  it.each(Object.entries(REVEAL_PALETTES))('calls %s dark exactly when its background is', (name, colours) => {
    expect(colours.dark, name).toBe(luminance(colours.background) < 0.18);
  });
});
