import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SlideStack } from '../markdown/model.js';
import { DECK_LIB } from './deck.js';
import type { CopiedFile, DocumentFiles } from './theme-files.js';

const require = createRequire(import.meta.url);
const KATEX_DIST = join(dirname(require.resolve('katex/package.json')), 'dist');
const FOLDER = `${DECK_LIB}/katex`;

/** Some slide or its notes holds a formula. */
export function usesMath(stacks: readonly SlideStack[]): boolean {
  return stacks.some((stack) => stack.some((slide) => slide.math));
}

let files: readonly CopiedFile[] | undefined;

/**
 * KaTeX's stylesheet and fonts, shipped with the document so that no formula asks the network:
 * woff2 only (every browser that shows the deck reads it), so the stylesheet is written with the
 * woff2 sources alone and names no file that is not there.
 */
export function mathFiles(): readonly CopiedFile[] {
  files ??= [
    {
      from: join(KATEX_DIST, 'katex.min.css'),
      to: `${FOLDER}/katex.css`,
      text: woff2Only(readFileSync(join(KATEX_DIST, 'katex.min.css'), 'utf8')),
    },
    ...readdirSync(join(KATEX_DIST, 'fonts'))
      .filter((name) => name.endsWith('.woff2'))
      .sort()
      .map((name) => ({ from: join(KATEX_DIST, 'fonts', name), to: `${FOLDER}/fonts/${name}` })),
  ];
  return files;
}

/** A document's files with KaTeX's added when it shows math; its stylesheet first, so the theme's rules win. */
export function withMath(document: DocumentFiles, math: boolean): DocumentFiles {
  if (!math) return document;
  return { files: [...document.files, ...mathFiles()], stylesheets: [`${FOLDER}/katex.css`, ...document.stylesheets] };
}

/** `src: url(a.woff2) format("woff2"),url(a.woff) format("woff"),…` → the woff2 source alone. */
export function woff2Only(css: string): string {
  return css.replace(/src:([^;}]*)/g, (all, sources: string) => {
    const woff2 = sources.split(/,(?=\s*url\()/).find((source) => /format\(["']woff2["']\)/.test(source));
    return woff2 ? `src:${woff2.trim()}` : all;
  });
}
