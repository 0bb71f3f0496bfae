import { posix } from 'node:path';
import { Parser } from 'htmlparser2';
import { escapeHtml } from './html.js';
import { inlineCss, inlineCssUrls } from './inline-css.js';
import { dataUrl, inlineUrl, noteLeft, resolveUrl, type InlineContext } from './inline-urls.js';

export interface OneFileInput {
  readonly load: InlineContext['load'];
  readonly fonts?: InlineContext['fonts'];
}

export interface OneFile {
  readonly html: string;
  /** URLs the file still loads from elsewhere, as written (a remote image, a missing file). */
  readonly left: readonly string[];
}

/** Attributes that load a file, on any element. */
const LOADS = new Set(['src', 'poster', 'data-src', 'data-background-image', 'data', 'xlink:href']);
/** Elements whose `href` loads a file rather than links to one (SVG images and uses, icons). */
const HREF_LOADS = new Set(['image', 'use', 'feimage', 'link']);

/**
 * A page made one file (slides.html): every stylesheet, script, image, font and video that it
 * loads from its folder put inside it (stylesheets and scripts as elements, the rest as data:
 * URLs), so that it shows with no network and nothing beside it. What it loads from elsewhere is
 * left as written and said (`left`). Pure: the folder's files come from `load`.
 */
export function inlineDocument(html: string, input: OneFileInput): OneFile {
  const context: InlineContext = { ...input, text: documentText(html), left: [] };
  const edits: { start: number; end: number; text: string }[] = [];
  let raw: { name: string; start: number; end: number; attribs: Record<string, string> } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const tag = name.toLowerCase();
        if (tag === 'script' || tag === 'style') {
          raw = { name: tag, start, end, attribs };
          return;
        }
        if (tag === 'link' && /(^|\s)stylesheet(\s|$)/i.test(attribs['rel'] ?? '') && attribs['href']) {
          const style = stylesheet(attribs, context);
          if (style !== undefined) edits.push({ start, end, text: style });
          return;
        }
        const changed = inlineAttributes(tag, attribs, context);
        if (changed) edits.push({ start, end, text: startTag(name, changed, html.slice(start, end).endsWith('/>')) });
      },
      onclosetag(name) {
        if (!raw || name.toLowerCase() !== raw.name) return;
        const body = html.slice(raw.end, parser.startIndex);
        if (raw.name === 'style') {
          const css = inlineCss(body, '', context);
          if (css !== body) edits.push({ start: raw.end, end: parser.startIndex, text: safeStyleText(css) });
        } else if (raw.attribs['src'] !== undefined) {
          const script = scriptElement(raw.attribs, context);
          if (script !== undefined) edits.push({ start: raw.start, end: parser.endIndex + 1, text: script });
        }
        raw = undefined;
      },
    },
    { lowerCaseTags: false, lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.end(html);
  let out = '';
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += html.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { html: out + html.slice(at), left: context.left };
}

/** The characters of a page's text (not of its scripts or styles): what its fonts must cover. */
export function documentText(html: string): Set<number> {
  const text = new Set<number>();
  let skip = 0;
  const parser = new Parser(
    {
      onopentag: (name) => void (/^(script|style)$/i.test(name) && skip++),
      onclosetag: (name) => void (/^(script|style)$/i.test(name) && skip--),
      ontext: (data) => {
        if (skip === 0) for (const char of data) text.add(char.codePointAt(0) ?? 0);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text;
}

function stylesheet(attribs: Record<string, string>, context: InlineContext): string | undefined {
  const href = attribs['href'] ?? '';
  const resolved = resolveUrl('', href);
  const bytes = resolved.kind === 'file' ? context.load(resolved.path) : undefined;
  if (resolved.kind !== 'file' || !bytes) return void noteLeft(context, href);
  const css = inlineCss(Buffer.from(bytes).toString('utf8'), posix.dirname(resolved.path), context);
  const media = attribs['media']?.trim();
  return `<style>${safeStyleText(media && media !== 'all' ? `@media ${media}{${css}}` : css)}</style>`;
}

/**
 * A script of the folder written into the page; as a data: URL instead when its text cannot
 * stand inside a <script> element unchanged, or when it is deferred (an inline script is not).
 */
function scriptElement(attribs: Record<string, string>, context: InlineContext): string | undefined {
  const src = attribs['src'] ?? '';
  const resolved = resolveUrl('', src);
  const bytes = resolved.kind === 'file' ? context.load(resolved.path) : undefined;
  if (resolved.kind !== 'file' || !bytes) return void noteLeft(context, src);
  const { src: _, ...rest } = attribs;
  const text = 'defer' in rest || 'async' in rest ? undefined : safeScriptText(Buffer.from(bytes).toString('utf8'));
  if (text === undefined) return `<script${attributes({ ...rest, src: dataUrl(resolved.path, bytes) })}></script>`;
  return `<script${attributes(rest)}>${text}</script>`;
}

/** The attributes that load a file, as the one file carries them; undefined when none changes. */
function inlineAttributes(tag: string, attribs: Record<string, string>, context: InlineContext): Record<string, string> | undefined {
  let changed = false;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attribs)) {
    const lower = name.toLowerCase();
    let inlined = value;
    if (LOADS.has(lower) && !(lower === 'src' && /^i?frame$/.test(tag))) inlined = inlineUrl(context, '', value);
    else if (lower === 'href' && HREF_LOADS.has(tag)) inlined = inlineUrl(context, '', value);
    // reveal.js's data-background is a colour or an image: only a file that is there is one.
    else if (lower === 'data-background') inlined = inlineUrl(context, '', value, true);
    else if (lower === 'data-background-video')
      inlined = value
        .split(',')
        .map((url) => inlineUrl(context, '', url))
        .join(',');
    else if (lower === 'srcset') inlined = inlineSrcset(value, context);
    else if (lower === 'style') inlined = inlineCssUrls(value, '', context);
    // A page in a frame loads its own files, from beside it: it stays a load from elsewhere.
    else if (lower === 'src' || lower === 'data-background-iframe') noteLeft(context, value, true);
    if (inlined !== value) changed = true;
    out[name] = inlined;
  }
  return changed ? out : undefined;
}

/** `a.png 1x, b.png 2x`: each candidate's URL inlined, its descriptor kept. */
function inlineSrcset(value: string, context: InlineContext): string {
  return value
    .split(/,(?=\s*\S)/)
    .map((candidate) => candidate.replace(/^(\s*)(\S+)/, (_, space: string, url: string) => `${space}${inlineUrl(context, '', url)}`))
    .join(',');
}

function startTag(name: string, attribs: Record<string, string>, selfClosing: boolean): string {
  return `<${name}${attributes(attribs)}${selfClosing ? ' /' : ''}>`;
}

function attributes(attribs: Record<string, string>): string {
  return Object.entries(attribs)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
}

/** CSS inside <style>: "</style" would end the element; "<\/style" means the same to CSS. */
export function safeStyleText(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/**
 * Script text that can stand inside a <script> element, or undefined. "</script" is written
 * "<\/script" (the same in a JavaScript string, template or regular expression); an HTML comment
 * opener ("<!--") then a "<script" put the HTML parser where only "-->" brings it back, and a
 * text that ends there would swallow the page after it: such a text is not inlined.
 */
export function safeScriptText(js: string): string | undefined {
  const text = js.replace(/<\/(script)/gi, '<\\/$1');
  let state: 'data' | 'escaped' | 'double' = 'data';
  for (let i = 0; i < text.length; i++) {
    if (state === 'data') {
      // From the opener's own dashes, so that "<!-->" closes at once, as in the HTML parser.
      if (text.startsWith('<!--', i)) {
        state = 'escaped';
        i += 1;
      }
    } else if (text.startsWith('-->', i)) {
      state = 'data';
      i += 2;
    } else if (state === 'escaped' && /^<script[\s/>]/i.test(text.slice(i, i + 8))) {
      state = 'double';
      i += 6;
    }
  }
  return state === 'data' ? text : undefined;
}
