import { describe, expect, it } from 'vitest';
import { DEFAULT_REVEAL_OPTIONS } from '../../src/config/defaults.js';
import { resolveConfig, type SettingsLayer } from '../../src/config/resolve.js';
import { briefErrorOf } from '../helpers/errors.js';

const layer = (data: Record<string, unknown>, keyLines: Record<string, number> = {}): SettingsLayer => ({
  data,
  file: 'a.md',
  keyLines,
  warnUnknown: true,
});
const cli = { root: '/nowhere' };

describe('resolveConfig', () => {
  it('fills every setting from defaults when nothing is given', () => {
    const { config, warnings } = resolveConfig(cli, []);
    expect(config.theme.name).toBe('light');
    expect(config.meta).toMatchObject({ title: undefined, lang: 'en', titleSlide: false, keywords: [] });
    expect(config.revealOptions).toEqual(DEFAULT_REVEAL_OPTIONS);
    expect(warnings).toEqual([]);
  });

  it('lets the CLI theme win over the front matter, and front matter over reveal-md.json', () => {
    const layers = [layer({ theme: 'dark', title: 'From front matter' }), layer({ theme: 'white', title: 'From json' })];
    expect(resolveConfig(cli, layers).config.theme.name).toBe('dark');
    expect(resolveConfig({ ...cli, theme: 'light' }, layers).config.theme.name).toBe('light');
    expect(resolveConfig(cli, layers).config.meta.title).toBe('From front matter');
  });

  it('accepts reveal.js built-in themes by name', () => {
    expect(resolveConfig(cli, [layer({ theme: 'night' })]).config.theme).toMatchObject({ kind: 'reveal', name: 'night' });
  });

  it('refuses an unknown theme with a suggestion and the line that names it', () => {
    const error = briefErrorOf(() => resolveConfig(cli, [layer({ theme: 'drak' }, { theme: 3 })]));
    expect(error.code).toBe('UNKNOWN_THEME');
    expect(error.where).toEqual({ file: 'a.md', line: 3 });
    expect(error.hint).toMatch(/Did you mean "dark"/);
  });

  it('warns about an unknown key with a suggestion', () => {
    const { warnings } = resolveConfig(cli, [layer({ titel: 'x' }, { titel: 2 })]);
    expect(warnings).toEqual([
      {
        severity: 'warning',
        code: 'unknown-key',
        message: 'unknown key "titel" is ignored; did you mean "title"?',
        where: { file: 'a.md', line: 2 },
      },
    ]);
  });

  it('merges revealOptions over the defaults', () => {
    const { config } = resolveConfig(cli, [layer({ revealOptions: { transition: 'none', controls: false } })]);
    expect(config.revealOptions).toMatchObject({ transition: 'none', controls: false, width: 1280 });
  });

  it('refuses a separator that is not a valid regular expression', () => {
    const error = briefErrorOf(() => resolveConfig(cli, [layer({ separator: '(' }, { separator: 4 })]));
    expect(error.message).toMatch(/"separator" is not a valid regular expression/);
    expect(error.where?.line).toBe(4);
  });

  it('refuses a title that is not text', () => {
    expect(briefErrorOf(() => resolveConfig(cli, [layer({ title: { a: 1 } })])).message).toBe('"title" must be a single line of text');
  });

  it('falls back to the default theme, with a warning, when a theme stylesheet is missing', () => {
    const { config, warnings } = resolveConfig(cli, [layer({ theme: 'missing/theme.css' })]);
    expect(config.theme.name).toBe('light');
    expect(warnings[0]?.message).toMatch(/missing\/theme.css was not found/);
  });
});
