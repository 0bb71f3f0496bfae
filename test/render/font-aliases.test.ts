import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVEAL_DIST } from '../../src/config/themes.js';
import { unshippedFamilyAliases } from '../../src/render/font-aliases.js';

const theme = (name: string) => readFileSync(join(REVEAL_DIST, 'theme', `${name}.css`), 'utf8');

describe('a reveal.js theme family left to the machine is drawn in the shipped Inter', () => {
  it('beige names "Source Sans Pro" without declaring it: aliased, every face, both subsets', () => {
    const css = unshippedFamilyAliases(theme('beige'));
    const faces = css.split('\n');
    expect(faces).toHaveLength(8);
    for (const face of faces)
      expect(face).toMatch(/^@font-face\{font-family:'Source Sans Pro';.*src:url\(fonts\/inter-latin(-ext)?-\d00-(normal|italic)\.woff2\)/);
  });

  it('black declares its Source Sans Pro, night imports Open Sans (mapped), serif is serif: nothing added', () => {
    for (const name of ['black', 'white', 'night', 'sky', 'serif', 'dracula']) expect(unshippedFamilyAliases(theme(name)), name).toBe('');
  });

  it('reads any stylesheet that sets the variables', () => {
    const css = ':root{--r-main-font:"Corp Sans", Arial, sans-serif;--r-heading-font:"Corp Sans", sans-serif}';
    expect(unshippedFamilyAliases(css).split('\n')).toHaveLength(8);
    expect(unshippedFamilyAliases(`@font-face{font-family:"Corp Sans";src:url(x.woff2)}${css}`)).toBe('');
  });
});
