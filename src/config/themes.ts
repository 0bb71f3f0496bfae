import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { BriefError, type SourceLocation } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { derivePalette, readPalette, type Palette } from './palette.js';
import { revealColours } from './reveal-palettes.js';
import { suggest } from './suggest.js';

/** Every theme carries the palette its slides' figures are drawn in (`palette`: the screen's). */
export type Theme =
  | {
      readonly kind: 'brief';
      readonly name: string;
      readonly dir: string;
      readonly highlight: string;
      readonly dark: boolean;
      readonly palette: Palette;
    }
  | {
      readonly kind: 'reveal' | 'css';
      readonly name: string;
      readonly cssFile: string;
      readonly palette: Palette;
      readonly root?: string | undefined;
    };

/** themes/ of this package: beside src/ when run from source, beside build/ when compiled. */
export const THEMES_DIR = join(PACKAGE_ROOT, 'themes');
export const REVEAL_DIST = dirname(createRequire(import.meta.url).resolve('reveal.js'));

/** Paper is white whatever the slides use: the report and the printed handout take this theme's palette. */
const PAPER_THEME = 'light';

export interface ThemeManifest {
  readonly highlight: string;
  readonly dark: boolean;
  readonly palette: Palette;
}

export function listThemes(): { brief: string[]; reveal: string[] } {
  const brief = readdirSync(THEMES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(THEMES_DIR, e.name, 'theme.json')))
    .map((e) => e.name)
    .sort();
  const reveal = readdirSync(join(REVEAL_DIST, 'theme'))
    .filter((f) => f.endsWith('.css'))
    .map((f) => f.slice(0, -4))
    .sort();
  return { brief, reveal };
}

/**
 * A theme of rfc-brief's own (themes/NAME), or one of reveal.js's built-in themes by name, so that
 * reveal-md decks with `theme: night` keep their look.
 */
export function resolveTheme(name: string, where: SourceLocation | undefined): Theme {
  const { brief, reveal } = listThemes();
  if (brief.includes(name)) {
    const dir = join(THEMES_DIR, name);
    const { highlight, dark, palette } = readThemeManifest(join(dir, 'theme.json'));
    return { kind: 'brief', name, dir, highlight, dark, palette };
  }
  if (reveal.includes(name))
    return { kind: 'reveal', name, cssFile: join(REVEAL_DIST, 'theme', `${name}.css`), palette: revealPalette(name) };
  const close = suggest(name, [...brief, ...reveal]);
  throw new BriefError('UNKNOWN_THEME', `there is no theme called "${name}"`, {
    where,
    hint: `${close ? `Did you mean "${close}"? ` : ''}Themes: ${brief.join(', ')}; reveal.js themes: ${reveal.join(', ')}.`,
  });
}

/** A stylesheet of the briefing's own: its colours are unknown, so its figures are drawn light, as on paper. */
/** `root`: the briefing folder, when the content named the stylesheet (it is then copied only from inside). */
export function cssTheme(name: string, cssFile: string, root?: string): Theme {
  return { kind: 'css', name, cssFile, palette: paperPalette(), root };
}

/** The palette of the report and the printed handout. */
export function paperPalette(): Palette {
  return briefManifest(PAPER_THEME).palette;
}

/** A theme.json read and checked once, here: everything after it trusts the result. */
export function readThemeManifest(file: string): ThemeManifest {
  const shown = relative(PACKAGE_ROOT, file).startsWith('..') ? file : relative(PACKAGE_ROOT, file);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BriefError('UNKNOWN_THEME', `the theme's manifest cannot be read: ${(error as Error).message}`, { where: { file: shown } });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BriefError('UNKNOWN_THEME', "the theme's manifest is not a JSON object", { where: { file: shown } });
  const manifest = value as Record<string, unknown>;
  const highlight = manifest['highlight'] ?? 'github';
  const dark = manifest['dark'] ?? false;
  if (typeof highlight !== 'string')
    throw new BriefError('UNKNOWN_THEME', `the theme's manifest cannot be used: "highlight" must name a highlight.js style`, {
      where: { file: shown },
    });
  if (typeof dark !== 'boolean')
    throw new BriefError('UNKNOWN_THEME', `the theme's manifest cannot be used: "dark" must be true or false`, { where: { file: shown } });
  return { highlight, dark, palette: readPalette(manifest['palette'], dark, shown) };
}

function briefManifest(name: string): ThemeManifest {
  return readThemeManifest(join(THEMES_DIR, name, 'theme.json'));
}

function revealPalette(name: string): Palette {
  const colours = revealColours(name);
  // A theme a newer reveal.js added and the table does not know yet: drawn as before the table
  // existed (light), which test/config/reveal-palettes.test.ts reports first.
  if (!colours) return paperPalette();
  // The other series colours and the font come from rfc-brief's theme of the same brightness.
  return derivePalette(colours, briefManifest(colours.dark ? 'dark' : 'light').palette);
}
