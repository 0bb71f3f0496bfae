import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REVEAL_DIST, THEMES_DIR, resolveTheme, type Theme } from '../config/themes.js';
import { NO_DECK_ASSETS, type DeckAssets } from '../config/deck-assets.js';
import { DECK_LIB } from './deck.js';
import { fontAliases, unshippedFamilyAliases } from './font-aliases.js';

/** A file copied into the output: an absolute source, a path relative to the document's folder. */
/** reveal.js's stylesheet: copied with the deck, inlined (trimmed) into its print page. */
export const REVEAL_CSS = join(REVEAL_DIST, 'reveal.css');

export interface CopiedFile {
  readonly from: string;
  readonly to: string;
  /** What is written instead of a plain copy of `from` (which stays the source, for cache keys). */
  readonly text?: string;
  /** Set for a file of the content (a theme stylesheet it names): copied only from inside this folder (open-file.ts). */
  readonly root?: string | undefined;
}

export interface DocumentFiles {
  readonly files: readonly CopiedFile[];
  /** Stylesheets the document links, relative to its folder, in order. */
  readonly stylesheets: readonly string[];
}

const require = createRequire(import.meta.url);
const fontsourceDir = (pkg: string) => join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
const HLJS_STYLES = join(dirname(require.resolve('highlight.js/package.json')), 'styles');
const lib = (path: string) => `${DECK_LIB}/${path}`;

/** The fonts themes/fonts.css declares: shipped with every document so none asks the network. */
const FONT_FILES: readonly CopiedFile[] = [
  ...['400-normal', '400-italic', '600-normal', '700-normal'].flatMap((style) =>
    ['latin', 'latin-ext'].map((subset) => {
      const file = `inter-${subset}-${style}.woff2`;
      return { from: join(fontsourceDir('@fontsource/inter'), file), to: lib(`theme/fonts/${file}`) };
    }),
  ),
  ...['400', '700'].map((weight) => {
    const file = `jetbrains-mono-latin-${weight}-normal.woff2`;
    return { from: join(fontsourceDir('@fontsource/jetbrains-mono'), file), to: lib(`theme/fonts/${file}`) };
  }),
];

/** rfc-brief's additions to a reveal.js theme: sizes that fit a slide; the imported fonts mapped to ours (font-aliases.ts). */
const REVEAL_EXTRAS = join(THEMES_DIR, 'reveal-extras.css');
const FONTS_CSS = join(THEMES_DIR, 'fonts.css');
/** Layouts and callouts (issue 17), in every theme, linked after the theme's own styles. */
const LAYOUTS_CSS = { from: join(THEMES_DIR, 'layouts.css'), to: lib('theme/layouts.css') };
/** The layouts' type under a reveal.js theme, whose type is larger for the slide's size than ours. */
const REVEAL_LAYOUTS_CSS = { from: join(THEMES_DIR, 'reveal-layouts.css'), to: lib('theme/reveal-layouts.css') };

/**
 * reveal.js's themes @import Google Fonts: a deck that asks the network, and a PDF whose type
 * depends on it (refused while printing). The imports go; reveal-extras.css names the families.
 */
export function withoutRemoteImports(css: string): string {
  return css.replace(/@import\s+(?:url\()?\s*["']?(?:https?:)?\/\/[^"')\s]+["']?\s*\)?[^;]*;/g, '');
}

/** A reveal.js theme as the deck links it: nothing from the network, no family left to the machine. */
function revealThemeCss(css: string, fontsCss: string): string {
  const aliases = unshippedFamilyAliases(css, fontsCss);
  return withoutRemoteImports(css) + (aliases ? `\n${aliases}\n` : '');
}

/**
 * What the deck needs beside index.html: reveal.js, the theme, then the deck's own stylesheets
 * (linked last, as reveal-md links them) and scripts (renderDeck loads them), at their own paths.
 */
export function deckFiles(theme: Theme, own: DeckAssets = NO_DECK_ASSETS): DocumentFiles {
  const files: CopiedFile[] = [
    { from: REVEAL_CSS, to: lib('reveal/reveal.css') },
    { from: join(REVEAL_DIST, 'reveal.js'), to: lib('reveal/reveal.js') },
    { from: join(REVEAL_DIST, 'plugin', 'notes.js'), to: lib('reveal/notes.js') },
    ...own.css,
    ...own.scripts,
  ];
  const ownCss = own.css.map((file) => file.to);
  if (theme.kind !== 'brief') {
    // A stylesheet of the briefing's own is copied as written; what it loads is reported.
    // fonts.css's Inter faces, read once: the theme's undeclared family and the imported ones are drawn in them.
    const fontsCss = theme.kind === 'reveal' ? readFileSync(FONTS_CSS, 'utf8') : '';
    const text = theme.kind === 'reveal' ? revealThemeCss(readFileSync(theme.cssFile, 'utf8'), fontsCss) : undefined;
    files.push(
      { from: theme.cssFile, to: lib('theme/theme.css'), root: theme.root, ...(text === undefined ? {} : { text }) },
      { from: own.highlight ?? join(HLJS_STYLES, 'monokai.css'), to: lib('theme/highlight.css') },
    );
    files.push(LAYOUTS_CSS);
    if (theme.kind === 'css')
      return { files, stylesheets: [lib('theme/theme.css'), lib('theme/highlight.css'), LAYOUTS_CSS.to, ...ownCss] };
    files.push(
      { from: FONTS_CSS, to: lib('theme/font-aliases.css'), text: fontAliases(fontsCss) },
      { from: REVEAL_EXTRAS, to: lib('theme/reveal-extras.css') },
      REVEAL_LAYOUTS_CSS,
      ...FONT_FILES,
    );
    return {
      files,
      stylesheets: [
        lib('theme/theme.css'),
        lib('theme/highlight.css'),
        lib('theme/font-aliases.css'),
        lib('theme/reveal-extras.css'),
        LAYOUTS_CSS.to,
        REVEAL_LAYOUTS_CSS.to,
        ...ownCss,
      ],
    };
  }
  const highlight = own.highlight ? { from: own.highlight, to: lib('theme/highlight.css') } : undefined;
  files.push(
    ...common(theme).map((file) => (highlight && file.to === highlight.to ? highlight : file)),
    { from: join(theme.dir, 'slides.css'), to: lib('theme/slides.css') },
    LAYOUTS_CSS,
  );
  return {
    files,
    stylesheets: [...['fonts.css', 'base.css', 'highlight.css', 'slides.css', 'layouts.css'].map((f) => lib(`theme/${f}`)), ...ownCss],
  };
}

/** The report's styles: the theme's own report.css; reveal.js themes get the light report. */
export function reportFiles(theme: Theme): DocumentFiles {
  const own = theme.kind === 'brief' ? theme : briefTheme('light');
  return {
    files: [
      ...common(own),
      { from: join(THEMES_DIR, 'report.css'), to: lib('theme/report-base.css') },
      { from: join(own.dir, 'report.css'), to: lib('theme/report.css') },
      { from: join(THEMES_DIR, 'report-layouts.css'), to: lib('theme/report-layouts.css') },
    ],
    stylesheets: ['fonts.css', 'highlight.css', 'report-base.css', 'report.css', 'report-layouts.css'].map((f) => lib(`theme/${f}`)),
  };
}

/** The handout is paper: one print style whatever the deck's theme. */
export function handoutFiles(): DocumentFiles {
  return {
    files: [
      { from: join(THEMES_DIR, 'fonts.css'), to: lib('theme/fonts.css') },
      ...FONT_FILES,
      { from: join(THEMES_DIR, 'handout.css'), to: lib('theme/handout.css') },
    ],
    stylesheets: [lib('theme/fonts.css'), lib('theme/handout.css')],
  };
}

function common(theme: Extract<Theme, { kind: 'brief' }>): CopiedFile[] {
  return [
    { from: join(THEMES_DIR, 'fonts.css'), to: lib('theme/fonts.css') },
    { from: join(THEMES_DIR, 'base.css'), to: lib('theme/base.css') },
    { from: join(HLJS_STYLES, `${theme.highlight}.css`), to: lib('theme/highlight.css') },
    ...FONT_FILES,
  ];
}

function briefTheme(name: string): Extract<Theme, { kind: 'brief' }> {
  const theme = resolveTheme(name, undefined);
  if (theme.kind !== 'brief') throw new Error(`rfc-brief's own theme "${name}" is missing`);
  return theme;
}

/** fonts.css and its font files, laid out as fonts.css expects (fonts/NAME.woff2 beside it). */
export function fontFiles(): CopiedFile[] {
  return [
    { from: join(THEMES_DIR, 'fonts.css'), to: 'fonts.css' },
    ...FONT_FILES.map((f) => ({ from: f.from, to: f.to.replace(lib('theme/'), '') })),
  ];
}
