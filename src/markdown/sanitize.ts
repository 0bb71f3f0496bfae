import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';

// Loaded on first use: only --safe builds pay for it.
const require = createRequire(import.meta.url);
let sanitizer: typeof sanitizeHtml | undefined;

/** reveal.js attributes that make the deck load a page of its own choosing. */
const DANGEROUS_DATA = ['data-background-iframe', 'data-preview-link', 'data-src'];

const options = (defaults: readonly string[]): sanitizeHtml.IOptions => ({
  allowedTags: [...defaults, 'img', 'figure', 'figcaption', 'del', 'ins', 'details', 'summary', 'rfc-figure'],
  allowedAttributes: {
    '*': ['class', 'id', 'title', 'lang', 'dir', 'align', 'data-*'],
    a: ['href', 'name', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'align'],
    td: ['colspan', 'rowspan', 'align'],
  },
  // No javascript:, vbscript: or data: links; images may be data: URIs (harmless as images).
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    '*': (tagName, attribs) => ({ tagName, attribs: withoutDangerousData(attribs) }),
  },
});

/**
 * --safe: raw HTML in a briefing from someone else is cut down to what Markdown itself could
 * produce: no script, no event handler, no style, no iframe or object, no javascript: URL.
 */
export function sanitize(html: string): string {
  sanitizer ??= require('sanitize-html') as typeof sanitizeHtml;
  return sanitizer(html, options(sanitizer.defaults.allowedTags));
}

/** The same rule for the attributes a `<!-- .slide: ... -->` comment puts on a slide. */
export function sanitizeSlideAttributes(attributes: Readonly<Record<string, string>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(withoutDangerousData({ ...attributes }))) {
    if (/^(data-[\w-]+|class|id)$/.test(name) && !/^\s*javascript:/i.test(value)) kept[name] = value;
  }
  return kept;
}

function withoutDangerousData(attribs: Record<string, string>): Record<string, string> {
  for (const name of DANGEROUS_DATA) delete attribs[name];
  return attribs;
}
