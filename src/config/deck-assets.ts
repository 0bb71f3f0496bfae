import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { confine } from '../content/confine.js';
import { BriefError, type Diagnostic, type SourceLocation, warning } from '../errors.js';

/** A file of the briefing's own copied beside the deck: absolute source, path relative to index.html. */
export interface DeckFile {
  readonly from: string;
  readonly to: string;
}

/** What reveal-md's `css`, `scripts` and `highlightTheme` ask the deck to load. */
export interface DeckAssets {
  /** highlight.js's stylesheet for code, when the deck names one (else the theme's). */
  readonly highlight: string | undefined;
  /** Linked after the theme, in order, as reveal-md links them. */
  readonly css: readonly DeckFile[];
  /** Loaded after reveal.js and before it starts, as reveal-md loads them (plugins register there). */
  readonly scripts: readonly DeckFile[];
}

export const NO_DECK_ASSETS: DeckAssets = { highlight: undefined, css: [], scripts: [] };

export const HIGHLIGHT_STYLES = join(dirname(createRequire(import.meta.url).resolve('highlight.js/package.json')), 'styles');

export interface DeckAssetSettings {
  readonly css?: { readonly value: unknown; readonly where: SourceLocation } | undefined;
  readonly scripts?: { readonly value: unknown; readonly where: SourceLocation } | undefined;
  readonly highlightTheme?: { readonly value: unknown; readonly where: SourceLocation } | undefined;
}

/**
 * Each entry is a path in the briefing folder (reveal-md's cwd), copied to the same path beside the
 * deck so the `url(...)`s inside a stylesheet still find their files. A missing one is a warning
 * (reveal-md aborts; a deck shared without its stylesheet should still build); a remote one is
 * left out with a warning, since every rfc-brief document works offline.
 */
export function resolveDeckAssets(root: string, settings: DeckAssetSettings, warnings: Diagnostic[]): DeckAssets {
  return {
    highlight: settings.highlightTheme ? highlightStyle(settings.highlightTheme.value, settings.highlightTheme.where, warnings) : undefined,
    css: settings.css ? files(root, 'css', settings.css.value, settings.css.where, warnings) : [],
    scripts: settings.scripts ? files(root, 'scripts', settings.scripts.value, settings.scripts.where, warnings) : [],
  };
}

function files(root: string, key: 'css' | 'scripts', value: unknown, where: SourceLocation, warnings: Diagnostic[]): DeckFile[] {
  const entries = entriesOf(key, value, where);
  const kind = key === 'css' ? 'stylesheet' : 'script';
  const found: DeckFile[] = [];
  const remote = entries.filter((entry) => /^([a-z][a-z0-9+.-]*:)?\/\//i.test(entry));
  if (remote.length > 0) {
    const named = remote.length === 1 ? `the ${kind} ${remote[0]} is` : `the ${kind}s ${remote.join(', ')} are`;
    warnings.push(
      warning(
        'unknown-key',
        `${key}: ${named} on the network and not loaded (rfc-brief's decks work offline); save a copy in the briefing folder and name that`,
        where,
      ),
    );
  }
  for (const entry of entries) {
    if (remote.includes(entry)) continue;
    const path = join(root, entry);
    const real = existsSync(path) && statSync(path).isFile() ? confine(root, entry, where, { subject: `the ${kind} ${entry}` }) : undefined;
    if (real === undefined) {
      warnings.push(warning('missing-file', `${key}: the ${kind} ${entry} was not found; the deck is built without it`, where));
      continue;
    }
    found.push({ from: real, to: relative(root, path).split(sep).join('/') });
  }
  return found;
}

/** reveal-md's forms: a list, or one line of comma-separated names. */
function entriesOf(key: string, value: unknown, where: SourceLocation): string[] {
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) {
    throw new BriefError('FRONT_MATTER', `"${key}" must be a list of files, or one line of names separated by commas`, { where });
  }
  return list.map((entry) => entry.trim()).filter(Boolean);
}

/**
 * A highlight.js style by name, as reveal-md names them. highlight.js 11 moved the base16 styles
 * (reveal-md 3's "railscasts", "zenburn") into base16/: such a name finds its new place.
 */
function highlightStyle(value: unknown, where: SourceLocation, warnings: Diagnostic[]): string | undefined {
  if (typeof value !== 'string' || !/^[\w./-]+$/.test(value) || value.includes('..')) {
    throw new BriefError('FRONT_MATTER', '"highlightTheme" must name a highlight.js style, e.g. monokai or github', { where });
  }
  for (const name of [value, `base16/${value}`]) {
    const file = join(HIGHLIGHT_STYLES, `${name}.css`);
    if (existsSync(file)) return file;
  }
  warnings.push(
    warning('unknown-key', `highlightTheme "${value}" is not a highlight.js style; the theme's own code colours are used`, where, {}),
  );
  return undefined;
}
