import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefError, type SourceLocation } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { suggest } from './suggest.js';

export type Theme =
  | { readonly kind: 'brief'; readonly name: string; readonly dir: string; readonly highlight: string; readonly dark: boolean }
  | { readonly kind: 'reveal' | 'css'; readonly name: string; readonly cssFile: string };

/** themes/ of this package: beside src/ when run from source, beside build/ when compiled. */
export const THEMES_DIR = join(PACKAGE_ROOT, 'themes');
export const REVEAL_DIST = dirname(createRequire(import.meta.url).resolve('reveal.js'));

interface ThemeManifest {
  readonly highlight?: string;
  readonly dark?: boolean;
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
    const manifest = JSON.parse(readFileSync(join(dir, 'theme.json'), 'utf8')) as ThemeManifest;
    return { kind: 'brief', name, dir, highlight: manifest.highlight ?? 'github', dark: manifest.dark ?? false };
  }
  if (reveal.includes(name)) return { kind: 'reveal', name, cssFile: join(REVEAL_DIST, 'theme', `${name}.css`) };
  const close = suggest(name, [...brief, ...reveal]);
  throw new BriefError('UNKNOWN_THEME', `there is no theme called "${name}"`, {
    where,
    hint: `${close ? `Did you mean "${close}"? ` : ''}Themes: ${brief.join(', ')}; reveal.js themes: ${reveal.join(', ')}.`,
  });
}
