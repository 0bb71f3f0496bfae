import { posix } from 'node:path';
import { inlineUrl, noteLeft, resolveUrl, type InlineContext } from './inline-urls.js';

const IMPORT = /@import\s+(?:url\(\s*(["']?)([^"')]*)\1\s*\)|(["'])([^"']*)\3)\s*([^;]*);/gi;
const FONT_FACE = /@font-face\s*\{([^}]*)\}/gi;
const URL = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)"'\s]*))\s*\)/gi;
/** A stylesheet importing itself, or a cycle of them, ends here. */
const MAX_IMPORT_DEPTH = 8;

/**
 * A stylesheet of the folder at `base` with everything it loads inside it: its own imports
 * (wrapped in their media), its images and fonts as data: URLs, and of its font faces only those
 * the page uses (InlineContext.fonts).
 */
export function inlineCss(css: string, base: string, context: InlineContext, depth = 0): string {
  const imported = css.replace(IMPORT, (rule, _q, urlForm?: string, _q2?: string, stringForm?: string, media = '') => {
    const url = urlForm ?? stringForm ?? '';
    const resolved = resolveUrl(base, url);
    const bytes = resolved.kind === 'file' && depth < MAX_IMPORT_DEPTH ? context.load(resolved.path) : undefined;
    if (resolved.kind !== 'file' || !bytes) {
      noteLeft(context, url);
      return rule;
    }
    const inner = inlineCss(Buffer.from(bytes).toString('utf8'), posix.dirname(resolved.path), context, depth + 1);
    return media.trim() ? `@media ${media.trim()}{${inner}}` : inner;
  });
  const faces = imported.replace(FONT_FACE, (block, body: string) => fontFace(body, base, context) ?? '');
  return inlineCssUrls(faces, base, context);
}

/** Every url() of a piece of CSS (a style attribute) as the one file carries it. */
export function inlineCssUrls(css: string, base: string, context: InlineContext): string {
  return css.replace(URL, (whole, double?: string, single?: string, bare?: string) => {
    const url = double ?? single ?? bare ?? '';
    const inlined = inlineUrl(context, base, url);
    return inlined === url ? whole : `url("${inlined}")`;
  });
}

/**
 * One @font-face rule, or undefined when the page needs none of its files: the fonts the page
 * loaded, when known; else the face only if its unicode-range holds a character of the text, and
 * then only its first file a browser of today reads (woff2 before a woff or TrueType fallback).
 */
function fontFace(body: string, base: string, context: InlineContext): string | undefined {
  const src = /(^|;)\s*src\s*:([^;]*)/i.exec(body);
  if (!src?.[2]) return `@font-face{${body}}`;
  const entries = splitTopLevel(src[2]);
  const range = /unicode-range\s*:([^;]*)/i.exec(body)?.[1];
  const files = entries.filter((entry) => /url\(/i.test(entry));
  if (files.length === 0) return `@font-face{${body}}`;
  const path = (entry: string) => {
    const url = new RegExp(URL.source, 'i').exec(entry);
    const resolved = resolveUrl(base, url?.[1] ?? url?.[2] ?? url?.[3] ?? '');
    return resolved.kind === 'file' ? resolved.path : undefined;
  };
  const fonts = context.fonts;
  // A face already inline or on the network is not the folder's to leave out.
  const kept = fonts
    ? files.filter((entry) => {
        const file = path(entry);
        return file === undefined || fonts.has(file);
      })
    : coversText(range, context.text)
      ? files.filter((entry) => !/format\(\s*["']?(embedded-opentype|svg)/i.test(entry)).slice(0, 1)
      : [];
  if (kept.length === 0) return undefined;
  const local = entries.filter((entry) => /^\s*local\(/i.test(entry));
  const srcValue = [...local, ...kept].map((entry) => entry.trim()).join(', ');
  return `@font-face{${body.slice(0, src.index)}${src[1]}src:${srcValue}${body.slice(src.index + src[0].length)}}`;
}

/** Whether a unicode-range ("U+0000-00FF, U+0131, U+02??") holds a character of the text; no range holds all. */
export function coversText(range: string | undefined, text: ReadonlySet<number>): boolean {
  if (range === undefined) return text.size > 0;
  const spans = range.split(',').flatMap((part) => {
    const match = /^\s*u\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!match?.[1]) return [];
    const low = parseInt(match[1].replace(/\?/g, '0'), 16);
    const high = match[2] ? parseInt(match[2], 16) : parseInt(match[1].replace(/\?/g, 'f'), 16);
    return [[low, high] as const];
  });
  for (const code of text) if (spans.some(([low, high]) => code >= low && code <= high)) return true;
  return false;
}

/** A list split at its commas, but not at those inside quotes or parentheses. */
function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.filter((part) => part.trim() !== '');
}
