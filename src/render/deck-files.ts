import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REVEAL_DIST, THEMES_DIR, type Theme } from '../config/themes.js';
import { DECK_LIB } from './deck.js';

/** A file copied into the output: an absolute source, a path relative to the deck's folder. */
export interface CopiedFile {
  readonly from: string;
  readonly to: string;
}

const require = createRequire(import.meta.url);
const fontsourceDir = (pkg: string) => join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
const HLJS_STYLES = join(dirname(require.resolve('highlight.js/package.json')), 'styles');

/** The fonts themes/fonts.css declares: shipped with the deck so it never asks the network. */
const FONT_FILES: readonly { pkg: string; file: string }[] = [
  ...['400-normal', '400-italic', '600-normal', '700-normal'].flatMap((style) =>
    ['latin', 'latin-ext'].map((subset) => ({ pkg: '@fontsource/inter', file: `inter-${subset}-${style}.woff2` })),
  ),
  { pkg: '@fontsource/jetbrains-mono', file: 'jetbrains-mono-latin-400-normal.woff2' },
  { pkg: '@fontsource/jetbrains-mono', file: 'jetbrains-mono-latin-700-normal.woff2' },
];

/** What a deck needs beside index.html, and the stylesheets index.html links, in order. */
export function deckFiles(theme: Theme): { files: CopiedFile[]; stylesheets: string[] } {
  const lib = (path: string) => `${DECK_LIB}/${path}`;
  const files: CopiedFile[] = [
    { from: join(REVEAL_DIST, 'reveal.css'), to: lib('reveal/reveal.css') },
    { from: join(REVEAL_DIST, 'reveal.js'), to: lib('reveal/reveal.js') },
    { from: join(REVEAL_DIST, 'plugin', 'notes.js'), to: lib('reveal/notes.js') },
  ];
  if (theme.kind !== 'brief') {
    files.push({ from: theme.cssFile, to: lib('theme/theme.css') });
    files.push({ from: join(HLJS_STYLES, 'monokai.css'), to: lib('theme/highlight.css') });
    return { files, stylesheets: [lib('theme/theme.css'), lib('theme/highlight.css')] };
  }
  files.push(
    { from: join(THEMES_DIR, 'fonts.css'), to: lib('theme/fonts.css') },
    { from: join(THEMES_DIR, 'base.css'), to: lib('theme/base.css') },
    { from: join(theme.dir, 'slides.css'), to: lib('theme/slides.css') },
    { from: join(HLJS_STYLES, `${theme.highlight}.css`), to: lib('theme/highlight.css') },
    ...FONT_FILES.map(({ pkg, file }) => ({ from: join(fontsourceDir(pkg), file), to: lib(`theme/fonts/${file}`) })),
  );
  const stylesheets = ['fonts.css', 'base.css', 'highlight.css', 'slides.css'].map((f) => lib(`theme/${f}`));
  return { files, stylesheets };
}
