import { posix } from 'node:path';

/**
 * What a page written as one file (slides.html) is made from: the files of the folder it was
 * written in, found by their path there, and the URLs it leaves as they are.
 */
export interface InlineContext {
  /** A file of the document's folder by its path there ("lib/theme/base.css"); undefined: not there. */
  readonly load: (path: string) => Uint8Array | undefined;
  /**
   * The font files the laid-out page loaded, by path: only their faces are kept. Undefined: every
   * face whose unicode-range holds a character of `text`.
   */
  readonly fonts?: ReadonlySet<string> | undefined;
  /** The characters of the document's text (code points). */
  readonly text: ReadonlySet<number>;
  /**
   * URLs still loaded from elsewhere (the network, outside the folder, a page in a frame):
   * collected. A file of the folder that is not there is not (the build's missing-file check says so).
   */
  readonly left: string[];
}

export type Resolved =
  /** Not a load of another file: a fragment, a data: URL, a link to mail. */
  | { readonly kind: 'keep' }
  /** On the network, outside the folder, or from the file system's root: cannot be put in the file. */
  | { readonly kind: 'outside' }
  /** A file of the folder; `fragment` ("#id", or "") is kept after its data: URL. */
  | { readonly kind: 'file'; readonly path: string; readonly fragment: string };

/** A URL as written in a file of the folder at `base` ("" for the document itself, "lib/theme" for a stylesheet there). */
export function resolveUrl(base: string, url: string): Resolved {
  const trimmed = url.trim();
  if (trimmed === '' || /^(#|data:|blob:|about:|javascript:|mailto:|tel:)/i.test(trimmed)) return { kind: 'keep' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('/') || trimmed.startsWith('\\')) return { kind: 'outside' };
  const cut = trimmed.search(/[?#]/);
  const rawPath = cut === -1 ? trimmed : trimmed.slice(0, cut);
  const hash = trimmed.indexOf('#');
  const path = posix.normalize(posix.join(base, safeDecode(rawPath)));
  if (path === '..' || path.startsWith('../') || path === '.') return { kind: 'outside' };
  return { kind: 'file', path, fragment: hash === -1 ? '' : trimmed.slice(hash) };
}

/**
 * The URL as the one file carries it: a file of the folder as a data: URL, anything else as
 * written (and, when it is a load from elsewhere, noted in `left`). `quiet`: a value that may
 * not be a URL at all (reveal.js's `data-background` is a colour or an image) is left unnoted.
 */
export function inlineUrl(context: InlineContext, base: string, url: string, quiet = false): string {
  const resolved = resolveUrl(base, url);
  if (resolved.kind === 'keep') return url;
  const bytes = resolved.kind === 'file' ? context.load(resolved.path) : undefined;
  if (resolved.kind === 'file' && bytes) return `${dataUrl(resolved.path, bytes)}${resolved.fragment}`;
  if (!quiet) noteLeft(context, url);
  return url;
}

/**
 * A URL the one file still loads from elsewhere, noted once: one outside the folder, or with
 * `beside`, a file of the folder that must stay beside it (a page in a frame loads its own files).
 */
export function noteLeft(context: InlineContext, url: string, beside = false): void {
  const trimmed = url.trim();
  const kind = resolveUrl('', trimmed).kind;
  if ((kind === 'outside' || (beside && kind === 'file')) && !context.left.includes(trimmed)) context.left.push(trimmed);
}

export function dataUrl(path: string, bytes: Uint8Array): string {
  return `data:${mimeType(path)};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}

/** Types a browser needs to be told (an image, a font, a stylesheet, a script, a video ...). */
const TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  bmp: 'image/bmp',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  otf: 'font/otf',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  mp4: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  vtt: 'text/vtt',
  pdf: 'application/pdf',
  html: 'text/html',
  txt: 'text/plain',
};

export function mimeType(path: string): string {
  return TYPES[posix.extname(path).slice(1).toLowerCase()] ?? 'application/octet-stream';
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
