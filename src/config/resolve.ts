import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { confine } from '../content/confine.js';
import { assertRegularFile } from '../content/special-files.js';
import { BriefError, type SourceLocation, type Diagnostic, warning } from '../errors.js';
import type { Separators } from '../markdown/model.js';
import {
  DEFAULT_HANDOUT_LAYOUT,
  DEFAULT_PAPER,
  HANDOUT_LAYOUTS,
  PAPER_SIZES,
  type HandoutLayout,
  type PaperSize,
  DEFAULT_LANG,
  DEFAULT_NOTES_SEPARATOR,
  DEFAULT_REVEAL_OPTIONS,
  DEFAULT_SEPARATOR,
  DEFAULT_THEME,
  DEFAULT_VERTICAL_SEPARATOR,
  FRONT_MATTER_KEYS,
} from './defaults.js';
import { suggest } from './suggest.js';
import { cssTheme, resolveTheme, type Theme } from './themes.js';

export interface DeckMeta {
  readonly title: string | undefined;
  readonly subtitle: string | undefined;
  readonly author: string | undefined;
  readonly date: string | undefined;
  readonly version: string | undefined;
  readonly description: string | undefined;
  readonly keywords: readonly string[];
  readonly lang: string;
  readonly titleSlide: boolean;
}

export interface BriefConfig {
  readonly meta: DeckMeta;
  readonly handout: HandoutLayout;
  readonly paper: PaperSize;
  /** Markdown lines for the report's sources section. */
  readonly sources: readonly string[];
  /** Scripts written in the content run (in the deck's print and the report); off by default. */
  readonly allowScripts: boolean;
  /** Sections `check` requires: a slide titled with the name or marked data-section="name". */
  readonly requiredSections: readonly string[];
  readonly theme: Theme;
  readonly separators: Separators;
  readonly revealOptions: Readonly<Record<string, unknown>>;
}

/** One layer of settings and the file it came from, for messages that point at it. */
export interface SettingsLayer {
  readonly data: Readonly<Record<string, unknown>>;
  readonly file: string;
  readonly keyLines: Readonly<Record<string, number>>;
  /** reveal-md.json carries many tool settings rfc-brief has no use for: no warnings for those. */
  readonly warnUnknown: boolean;
}

export interface CliSettings {
  readonly theme?: string | undefined;
  readonly handout?: string | undefined;
  readonly paper?: string | undefined;
  readonly allowScripts?: boolean | undefined;
  /** The briefing's folder: a theme given as a .css path resolves against it. */
  readonly root: string;
}

/**
 * CLI > front matter > reveal-md.json > defaults, validated once here; everything after this point
 * reads a complete, typed object.
 */
export function resolveConfig(cli: CliSettings, layers: readonly SettingsLayer[]): { config: BriefConfig; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  for (const layer of layers) if (layer.warnUnknown) warnUnknownKeys(layer, warnings);
  const read = (key: string) => pick(layers, key);

  const themeLayer = read('theme');
  const themeName = cli.theme ?? asString(themeLayer) ?? DEFAULT_THEME;
  const theme = pickTheme(themeName, cli, themeLayer, warnings);

  const title = asString(read('title'));
  const meta: DeckMeta = {
    title,
    subtitle: asString(read('subtitle')),
    author: asString(read('author')),
    date: asString(read('date')),
    version: asString(read('version')),
    description: asString(read('description')),
    keywords: asKeywords(read('keywords')),
    lang: asString(read('lang')) ?? DEFAULT_LANG,
    titleSlide: title !== undefined && read('titleSlide')?.value !== false,
  };
  const separators: Separators = {
    horizontal: asPattern(read('separator')) ?? DEFAULT_SEPARATOR,
    vertical: asPattern(read('verticalSeparator')) ?? DEFAULT_VERTICAL_SEPARATOR,
    notes: asPattern(read('notesSeparator')) ?? DEFAULT_NOTES_SEPARATOR,
  };
  const userOptions = read('revealOptions');
  if (userOptions && (typeof userOptions.value !== 'object' || userOptions.value === null || Array.isArray(userOptions.value))) {
    throw invalid(userOptions, 'must be a set of reveal.js options ("key: value" lines indented under it)');
  }
  // One PDF page per slide, fragments shown: the handout and the page counts rely on it.
  const revealOptions = {
    ...DEFAULT_REVEAL_OPTIONS,
    ...(userOptions?.value as Record<string, unknown> | undefined),
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
  };
  const handout = asChoice(read('handout'), cli.handout, HANDOUT_LAYOUTS) ?? DEFAULT_HANDOUT_LAYOUT;
  const paper = asChoice(read('paper'), cli.paper?.toLowerCase(), PAPER_SIZES) ?? DEFAULT_PAPER;
  const sources = asList(read('sources'));
  const allowScripts = cli.allowScripts === true || read('allowScripts')?.value === true;
  const requiredSections = asList(read('requiredSections'));
  return { config: { meta, theme, handout, paper, sources, allowScripts, requiredSections, separators, revealOptions }, warnings };
}

function pickTheme(name: string, cli: CliSettings, found: Found | undefined, warnings: Diagnostic[]): Theme {
  if (!name.endsWith('.css')) return resolveTheme(name, cli.theme === undefined ? found?.where : undefined);
  // Like an image, a stylesheet the content names must be part of the briefing (confine.ts); one
  // given on the command line is the person's own choice and may be anywhere.
  const cssFile =
    cli.theme === undefined
      ? confine(cli.root, name, found?.where, { subject: `the theme stylesheet ${name}`, hint: 'Copy it into the briefing folder.' })
      : resolve(cli.root, name);
  if (cssFile !== undefined && existsSync(cssFile)) {
    // A FIFO would block the copy for ever, /dev/urandom would never end (special-files.ts).
    assertRegularFile(cssFile, { subject: `the theme stylesheet ${name}`, where: found?.where, code: 'UNKNOWN_THEME' });
    return cssTheme(name, cssFile);
  }
  // reveal-md decks often name a stylesheet that was not shared with them: build, and say so.
  warnings.push(warning('theme-not-found', `theme stylesheet ${name} was not found; using the "${DEFAULT_THEME}" theme`, found?.where));
  return resolveTheme(DEFAULT_THEME, undefined);
}

interface Found {
  readonly key: string;
  readonly value: unknown;
  readonly where: SourceLocation;
}

function pick(layers: readonly SettingsLayer[], key: string): Found | undefined {
  for (const layer of layers) {
    if (layer.data[key] !== undefined && layer.data[key] !== null) {
      return { key, value: layer.data[key], where: { file: layer.file, line: layer.keyLines[key] } };
    }
  }
  return undefined;
}

function asString(found: Found | undefined): string | undefined {
  if (!found) return undefined;
  if (typeof found.value === 'string') return found.value.trim() || undefined;
  if (typeof found.value === 'number') return String(found.value);
  if (found.value instanceof Date) return found.value.toISOString().slice(0, 10);
  throw invalid(found, 'must be a single line of text');
}

function asChoice<T extends string>(found: Found | undefined, fromCli: string | undefined, choices: readonly T[]): T | undefined {
  const isChoice = (value: string): value is T => (choices as readonly string[]).includes(value);
  if (fromCli !== undefined) {
    if (isChoice(fromCli)) return fromCli;
    throw new BriefError('BAD_OPTION', `"${fromCli}" is not one of ${choices.join(', ')}`);
  }
  const value = asString(found)?.toLowerCase();
  if (value === undefined || !found) return undefined;
  if (isChoice(value)) return value;
  throw invalid(found, `must be one of ${choices.join(', ')}`);
}

function asList(found: Found | undefined): string[] {
  if (!found) return [];
  if (Array.isArray(found.value) && found.value.every((k) => typeof k === 'string')) return found.value as string[];
  throw invalid(found, 'must be a list ("- item" lines under it)');
}

function asKeywords(found: Found | undefined): string[] {
  if (!found) return [];
  if (typeof found.value === 'string')
    return found.value
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
  if (Array.isArray(found.value) && found.value.every((k) => typeof k === 'string')) return found.value as string[];
  throw invalid(found, 'must be a list of words, or one line of words separated by commas');
}

function asPattern(found: Found | undefined): string | undefined {
  if (!found) return undefined;
  // Not trimmed: "\r?\n---\r?\n" from a JSON file holds real line breaks that are the pattern.
  if (typeof found.value !== 'string' || found.value === '') throw invalid(found, 'must be a regular expression written as text');
  const pattern = found.value;
  try {
    new RegExp(pattern, 'mg');
  } catch (error) {
    throw invalid(found, `is not a valid regular expression (${(error as Error).message})`);
  }
  return pattern;
}

function invalid(found: Found, problem: string): BriefError {
  return new BriefError('FRONT_MATTER', `"${found.key}" ${problem}`, { where: found.where });
}

function warnUnknownKeys(layer: SettingsLayer, warnings: Diagnostic[]): void {
  const known: readonly string[] = FRONT_MATTER_KEYS;
  for (const key of Object.keys(layer.data)) {
    if (known.includes(key)) continue;
    const close = suggest(key, known);
    warnings.push(
      warning('unknown-key', `unknown key "${key}" is ignored${close ? `; did you mean "${close}"?` : ''}`, {
        file: layer.file,
        line: layer.keyLines[key],
      }),
    );
  }
}
