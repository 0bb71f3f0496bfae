import { isTag, type ChildNode, type Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { parseDocument } from 'htmlparser2';
import { textContent } from 'domutils';
import type { SlideImage } from './model.js';

/**
 * What a slide's rendered HTML holds that later stages need to know: read once here, from the DOM
 * the markdown stage built anyway, so lint, the printers and the request log read data instead of
 * running their own regular expressions over the HTML (raw HTML from the content included).
 */
export interface HtmlFacts {
  readonly ids: string[];
  readonly images: SlideImage[];
  /** href="#..." as written: links within the deck. */
  readonly links: string[];
  /** What the HTML loads (images, media, backgrounds), local or not: the slide's assets. */
  readonly loads: string[];
  /** Every URL the HTML names, in attributes, inline styles, style and script text. */
  readonly urls: string[];
  /** What only reveal.js's script lays out or loads. */
  readonly revealOnly: string[];
  /** Each fragment's data-fragment-index as written (undefined for none), in document order: its steps (fragments.ts). */
  readonly fragments: (string | undefined)[];
}

const LOADED_BY: Readonly<Record<string, readonly string[]>> = {
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  object: ['data'],
  embed: ['src'],
};
const BACKGROUND_ATTRIBUTES = ['data-background-image', 'data-background-video', 'data-background'];
const URL_ATTRIBUTES = new Set(['src', 'href', 'poster', 'data', 'srcset', 'action', 'formaction', 'xlink:href', 'data-src']);
/** Absolute URLs and CSS url(...) inside other attribute values and inside <style> and <script>. */
const URL_IN_TEXT = /[a-z][a-z0-9+.-]*:\/\/[^\s"'`()<>]+|url\(\s*["']?([^"')]+)/gi;
// https://revealjs.com/layout/ and https://revealjs.com/media/#lazy-loading
const REVEAL_CLASSES = ['r-fit-text', 'r-stretch'];

/**
 * The facts of a slide's <section>: its children in document order, then the section itself (its
 * attributes come from `<!-- .slide: ... -->` comments).
 */
export function describeSection(section: Element): HtmlFacts {
  const facts = noFacts();
  visitAll(section.children, facts);
  visit(section, facts);
  return facts;
}

/** The facts of an HTML fragment that is no slide body (speaker notes). */
export function describeHtml(html: string): HtmlFacts {
  const facts = noFacts();
  if (html.includes('<')) visitAll(parseDocument(html, { decodeEntities: false }).children, facts);
  return facts;
}

function noFacts(): HtmlFacts {
  return { ids: [], images: [], links: [], loads: [], urls: [], revealOnly: [], fragments: [] };
}

function visitAll(nodes: readonly ChildNode[], facts: HtmlFacts): void {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    visit(node, facts);
    // The section's own class is no fragment of it: only what is inside counts, as reveal.js counts.
    if ((node.attribs['class'] ?? '').split(/\s+/).includes('fragment')) facts.fragments.push(node.attribs['data-fragment-index']);
    visitAll(node.children, facts);
  }
}

function visit(element: Element, facts: HtmlFacts): void {
  const value = (name: string) => {
    const raw = element.attribs[name];
    return raw === undefined ? undefined : decodeHTML(raw);
  };
  const id = value('id');
  if (id) facts.ids.push(id);
  if (element.name === 'img') facts.images.push({ src: value('src') ?? '', alt: value('alt') ?? '' });
  const href = value('href');
  if (element.name === 'a' && href?.startsWith('#')) facts.links.push(href);
  for (const name of LOADED_BY[element.name] ?? []) {
    const url = value(name);
    if (url) facts.loads.push(url);
  }
  for (const name of BACKGROUND_ATTRIBUTES) {
    const url = value(name);
    if (url !== undefined && looksLikeUrl(url)) facts.loads.push(url);
  }
  for (const [name, raw] of Object.entries(element.attribs)) {
    if (URL_ATTRIBUTES.has(name) || name.startsWith('data-background')) facts.urls.push(decodeHTML(raw).trim());
    else facts.urls.push(...urlsIn(decodeHTML(raw)));
  }
  if (element.name === 'style' || element.name === 'script') facts.urls.push(...urlsIn(textContent(element)));
  const classes = (element.attribs['class'] ?? '').split(/\s+/);
  facts.revealOnly.push(...REVEAL_CLASSES.filter((name) => classes.includes(name)));
  if (element.attribs['data-src'] !== undefined) facts.revealOnly.push('data-src');
}

function urlsIn(text: string): string[] {
  return [...text.matchAll(URL_IN_TEXT)].map((match) => match[1] ?? match[0]);
}

/** data-background can hold a colour or an image: only the latter is a file. */
function looksLikeUrl(value: string): boolean {
  return /[./]/.test(value) && !/^(#|rgb|hsl)/i.test(value.trim());
}
