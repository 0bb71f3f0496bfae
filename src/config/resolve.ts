import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { confine } from '../content/confine.js';
import { assertRegularFile } from '../content/special-files.js';
import { BriefError, type Diagnostic, type SourceLocation, warning } from '../errors.js';
import type { Separators } from '../markdown/model.js';
import {
  DEFAULT_HANDOUT_LAYOUT,
  DEFAULT_IMAGE_FORMAT,
  DEFAULT_IMAGE_SCALE,
  DEFAULT_PAPER,
  IMAGE_FORMATS,
  IMAGE_SCALE_LIMITS,
  type ImageFormat,
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
  REVEAL_JS_LAYOUT,
  UNSUPPORTED_KEYS,
} from './defaults.js';
import { safeRevealOptions } from './reveal-options.js';
import { resolveDeckAssets, type DeckAssets } from './deck-assets.js';
import { asksForTitleSlide } from './title-slide.js';
import { suggest } from './suggest.js';
import { cssTheme, resolveTheme, type Theme } from './themes.js';
import { asChoice, asKeywords, asList, asNumberIn, asPattern, asString, invalid, pick, type Found } from './settings-values.js';

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
  /** The slide images: their format, and their scale over the slide's size in CSS pixels. */
  readonly images: { readonly format: ImageFormat; readonly scale: number };
  /** Markdown lines for the report's sources section. */
  readonly sources: readonly string[];
  /**
   * Scripts written in the content run (in the deck's print and the report): only when the person
   * running the build says so (--allow-scripts), never the content itself.
   */
  readonly allowScripts: boolean;
  /** Sections `check` requires: a slide titled with the name or marked data-section="name". */
  readonly requiredSections: readonly string[];
  readonly theme: Theme;
  readonly separators: Separators;
  readonly revealOptions: Readonly<Record<string, unknown>>;
  /** The deck's own stylesheets, scripts and code colours (reveal-md's css, scripts, highlightTheme). */
  readonly deck: DeckAssets;
}

/** One layer of settings and the file it came from, for messages that point at it. */
export interface SettingsLayer {
  readonly data: Readonly<Record<string, unknown>>;
  readonly file: string;
  readonly keyLines: Readonly<Record<string, number>>;
  /** reveal-md.json carries many tool settings rfc-brief has no use for: no warnings for those. */
  readonly warnUnknown: boolean;
  /** A reveal-md settings file: as in reveal-md, its `title` names the page and makes no title slide. */
  readonly revealMd?: boolean | undefined;
}

export interface CliSettings {
  readonly theme?: string | undefined;
  readonly handout?: string | undefined;
  readonly paper?: string | undefined;
  readonly imageFormat?: string | undefined;
  readonly imageScale?: string | number | undefined;
  readonly allowScripts?: boolean | undefined;
  /** --safe: nothing the content says widens what it may do (revealOptions cut to an allowlist). */
  readonly safe?: boolean | undefined;
  /** --pdf-separate-fragments: one page per fragment step in slides.pdf (reveal.js's pdfSeparateFragments). */
  readonly pdfSeparateFragments?: boolean | undefined;
  /** The briefing's folder: a theme given as a .css path resolves against it. */
  readonly root: string;
}

/**
 * CLI > front matter > reveal-md.json > defaults, validated once here; everything after this point
 * reads a complete, typed object.
 */
export function resolveConfig(cli: CliSettings, layers: readonly SettingsLayer[]): { config: BriefConfig; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  // reveal-md hands every front matter key to its template: in a reveal-md deck an unknown key is
  // the template's value, not a typo (bugli-collaborazione's footer, pba-templates' instructors).
  const revealMdDeck = layers.some((layer) => layer.revealMd === true || layer.data['revealOptions'] !== undefined);
  for (const layer of layers) if (layer.warnUnknown && !revealMdDeck) warnUnknownKeys(layer, warnings);
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
    titleSlide: asksForTitleSlide(
      (key) =>
        pick(
          layers.filter((layer) => layer.revealMd !== true),
          key,
        )?.value,
    ),
  };
  const separators: Separators = {
    horizontal: asPattern(read('separator')) ?? DEFAULT_SEPARATOR,
    vertical: asPattern(read('verticalSeparator')) ?? DEFAULT_VERTICAL_SEPARATOR,
    notes: asPattern(read('notesSeparator')) ?? DEFAULT_NOTES_SEPARATOR,
  };
  const givenOptions = userRevealOptions(layers);
  // One PDF page per slide (fragments shown), unless asked for one per fragment step as reveal.js
  // prints them (printed-pages.ts): the handout and the page counts rely on it.
  const revealOptions = {
    ...DEFAULT_REVEAL_OPTIONS,
    // A reveal.js theme (or a stylesheet written for reveal.js) is laid out for reveal.js's size.
    ...(theme.kind === 'brief' ? {} : REVEAL_JS_LAYOUT),
    ...(cli.safe ? safeRevealOptions(givenOptions, read('revealOptions')?.where, warnings) : givenOptions),
    pdfSeparateFragments: cli.pdfSeparateFragments === true || separateFragments(givenOptions, read('revealOptions')?.where),
    pdfMaxPagesPerSlide: 1,
  };
  const handout = asChoice(read('handout'), cli.handout, HANDOUT_LAYOUTS) ?? DEFAULT_HANDOUT_LAYOUT;
  const paper = asChoice(read('paper'), cli.paper?.toLowerCase(), PAPER_SIZES) ?? DEFAULT_PAPER;
  const images = {
    format: asChoice(read('imageFormat'), cli.imageFormat?.toLowerCase(), IMAGE_FORMATS) ?? DEFAULT_IMAGE_FORMAT,
    scale: asNumberIn(read('imageScale'), cli.imageScale, IMAGE_SCALE_LIMITS) ?? DEFAULT_IMAGE_SCALE,
  };
  const sources = asList(read('sources'));
  const allowScripts = cli.allowScripts === true;
  warnSelfGranted(read('allowScripts'), allowScripts, warnings);
  const requiredSections = asList(read('requiredSections'));
  const deck = resolveDeckAssets(
    cli.root,
    { css: read('css'), scripts: read('scripts'), highlightTheme: read('highlightTheme') },
    warnings,
  );
  warnUnsupported(layers, warnings);
  return {
    config: { meta, theme, handout, paper, images, sources, allowScripts, requiredSections, separators, revealOptions, deck },
    warnings,
  };
}

/** revealOptions.pdfSeparateFragments: true or false (reveal.js reads any value as either; a typo should not). */
function separateFragments(options: Readonly<Record<string, unknown>>, where: SourceLocation | undefined): boolean {
  const value = options['pdfSeparateFragments'];
  if (value === undefined || typeof value === 'boolean') return value === true;
  throw new BriefError('FRONT_MATTER', `"pdfSeparateFragments" in revealOptions must be true or false, not ${JSON.stringify(value)}`, {
    where,
  });
}

/** Every layer's revealOptions, the earlier layer's winning key by key (reveal.json < reveal-md.json < front matter). */
function userRevealOptions(layers: readonly SettingsLayer[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const layer of [...layers].reverse()) {
    const value = layer.data['revealOptions'];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      const where = { file: layer.file, line: layer.keyLines['revealOptions'] };
      throw invalid({ key: 'revealOptions', value, where }, 'must be a set of reveal.js options ("key: value" lines indented under it)');
    }
    Object.assign(merged, value);
  }
  return merged;
}

/**
 * Permissions come from the person running the build, never from the content: a briefing that
 * says `allowScripts: true` does not run its scripts while printing (issue 15); it is told so.
 */
function warnSelfGranted(found: Found | undefined, allowed: boolean, warnings: Diagnostic[]): void {
  if (found?.value !== true || allowed) return;
  warnings.push(
    warning(
      'front-matter',
      '"allowScripts" in the briefing is ignored: a briefing cannot allow its own scripts; pass --allow-scripts to run them while printing',
      found.where,
    ),
  );
}

function pickTheme(name: string, cli: CliSettings, found: Found | undefined, warnings: Diagnostic[]): Theme {
  if (!name.endsWith('.css')) return namedTheme(name, cli, found);
  // Like an image, a stylesheet the content names must be part of the briefing (confine.ts); one
  // given on the command line is the person's own choice and may be anywhere.
  const cssFile =
    cli.theme === undefined
      ? confine(cli.root, name, found?.where, { subject: `the theme stylesheet ${name}`, hint: 'Copy it into the briefing folder.' })
      : resolve(cli.root, name);
  if (cssFile !== undefined && existsSync(cssFile)) {
    // A FIFO would block the copy for ever, /dev/urandom would never end (special-files.ts).
    assertRegularFile(cssFile, { subject: `the theme stylesheet ${name}`, where: found?.where, code: 'UNKNOWN_THEME' });
    return cssTheme(name, cssFile, cli.theme === undefined ? cli.root : undefined);
  }
  // reveal-md decks often name a stylesheet that was not shared with them: build, and say so.
  warnings.push(warning('theme-not-found', `theme stylesheet ${name} was not found; using the "${DEFAULT_THEME}" theme`, found?.where));
  return resolveTheme(DEFAULT_THEME, undefined);
}

/**
 * A theme by name. A name that is neither rfc-brief's, nor reveal.js's, nor a stylesheet fails
 * the build (reveal-md would leave the deck unstyled, which nobody wants to present): the message
 * says how to point `theme` at a stylesheet of the deck's own, and which file that may be.
 */
function namedTheme(name: string, cli: CliSettings, found: Found | undefined): Theme {
  try {
    return resolveTheme(name, cli.theme === undefined ? found?.where : undefined);
  } catch (error) {
    if (!(error instanceof BriefError) || error.code !== 'UNKNOWN_THEME') throw error;
    const beside = [`${name}.css`, `css/${name}.css`, `theme/${name}.css`].find((file) => existsSync(resolve(cli.root, file)));
    const own = beside
      ? `The folder has ${beside}: write "theme: ${beside}" to use it.`
      : `For a stylesheet of your own, give its path, ending in .css, relative to the deck's folder (e.g. "theme: css/${name}.css").`;
    throw new BriefError('UNKNOWN_THEME', error.message, { where: error.where, hint: `${own} ${error.hint ?? ''}`.trim() });
  }
}

/** reveal-md keys that change what reveal-md makes and that rfc-brief does not do: once each, with what to do. */
function warnUnsupported(layers: readonly SettingsLayer[], warnings: Diagnostic[]): void {
  for (const [key, advice] of Object.entries(UNSUPPORTED_KEYS)) {
    const found = pick(layers, key);
    if (found) warnings.push(warning('unknown-key', `"${key}" is not supported and is ignored: ${advice}`, found.where));
  }
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
