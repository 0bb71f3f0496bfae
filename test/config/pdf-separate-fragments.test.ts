import { describe, expect, it } from 'vitest';
import { resolveConfig, type SettingsLayer } from '../../src/config/resolve.js';
import { briefErrorOf } from '../helpers/errors.js';

const layer = (data: Record<string, unknown>, file = 'a.md'): SettingsLayer => ({
  data,
  file,
  keyLines: { revealOptions: 3 },
  warnUnknown: true,
});
const separate = (cli: { pdfSeparateFragments?: boolean }, ...layers: SettingsLayer[]) =>
  resolveConfig({ root: '/nowhere', ...cli }, layers).config.revealOptions['pdfSeparateFragments'];

describe('pdfSeparateFragments', () => {
  it('is off by default: one page per slide, where reveal.js prints a page per fragment step', () => {
    expect(separate({})).toBe(false);
  });

  it('is read from revealOptions (front matter, reveal-md.json) as reveal.js users write it', () => {
    expect(separate({}, layer({ revealOptions: { pdfSeparateFragments: true } }))).toBe(true);
    expect(separate({}, layer({}), layer({ revealOptions: { pdfSeparateFragments: true } }, 'reveal-md.json'))).toBe(true);
    expect(
      separate(
        {},
        layer({ revealOptions: { pdfSeparateFragments: false } }),
        layer({ revealOptions: { pdfSeparateFragments: true } }, 'reveal-md.json'),
      ),
    ).toBe(false);
  });

  it('is turned on by --pdf-separate-fragments', () => {
    expect(separate({ pdfSeparateFragments: true }, layer({ revealOptions: { pdfSeparateFragments: false } }))).toBe(true);
  });

  it('must be true or false: anything else is an error where revealOptions is written', () => {
    const error = briefErrorOf(() => separate({}, layer({ revealOptions: { pdfSeparateFragments: 'yes' } })));
    expect(error.code).toBe('FRONT_MATTER');
    expect(error.message).toBe('"pdfSeparateFragments" in revealOptions must be true or false, not "yes"');
    expect(error.where).toEqual({ file: 'a.md', line: 3 });
  });
});
