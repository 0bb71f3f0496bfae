import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVEAL_DIST, THEMES_DIR } from '../../src/config/themes.js';
import { fontAliases, unshippedFamilyAliases } from '../../src/render/font-aliases.js';

const theme = (name: string) => readFileSync(join(REVEAL_DIST, 'theme', `${name}.css`), 'utf8');
const FONTS_CSS = readFileSync(join(THEMES_DIR, 'fonts.css'), 'utf8');

describe('a reveal.js theme family left to the machine is drawn in the shipped Inter', () => {
  it('beige names "Source Sans Pro" without declaring it: aliased, every face, both subsets', () => {
    const css = unshippedFamilyAliases(theme('beige'), FONTS_CSS);
    const faces = css.split('\n');
    expect(faces).toHaveLength(8);
    for (const face of faces)
      expect(face).toMatch(
        /^@font-face \{ font-family: 'Source Sans Pro';.*src: url\(fonts\/inter-latin(-ext)?-\d00-(normal|italic)\.woff2\)/,
      );
  });

  it('black declares its Source Sans Pro, night imports Open Sans (mapped), serif is serif: nothing added', () => {
    for (const name of ['black', 'white', 'night', 'sky', 'serif', 'dracula'])
      expect(unshippedFamilyAliases(theme(name), FONTS_CSS), name).toBe('');
  });

  it('reads any stylesheet that sets the variables', () => {
    const css = ':root{--r-main-font:"Corp Sans", Arial, sans-serif;--r-heading-font:"Corp Sans", sans-serif}';
    expect(unshippedFamilyAliases(css, FONTS_CSS).split('\n')).toHaveLength(8);
    expect(unshippedFamilyAliases(`@font-face{font-family:"Corp Sans";src:url(x.woff2)}${css}`, FONTS_CSS)).toBe('');
  });
});

const faces = (css: string) =>
  [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => ({
    family: /font-family:\s*'([^']+)'/.exec(body ?? '')?.[1],
    weight: /font-weight:\s*([^;]+);/.exec(body ?? '')?.[1],
    src: /src:\s*url\(([^)]+)\)/.exec(body ?? '')?.[1],
  }));

describe('fontAliases', () => {
  const aliases = faces(fontAliases(FONTS_CSS));
  const inter = faces(FONTS_CSS).filter((f) => f.family === 'Inter');

  it("draws each family reveal.js's themes import in every face of the Inter we ship", () => {
    for (const family of ['Lato', 'Open Sans', 'Montserrat', 'Ubuntu', 'News Cycle', 'Quicksand'])
      expect(aliases.filter((f) => f.family === family).map((f) => f.src)).toEqual(inter.map((f) => f.src));
    expect(aliases).toHaveLength(6 * inter.length);
  });

  it("answers Ubuntu's light weight (blood.css's text) with the regular faces", () => {
    expect(aliases.filter((f) => f.family === 'Ubuntu').map((f) => f.weight)).toEqual(
      inter.map((f) => (f.weight === '400' ? '300 400' : f.weight)),
    );
  });
});
