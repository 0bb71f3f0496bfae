import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';

// Loaded on first use: only --safe builds pay for it.
const require = createRequire(import.meta.url);
let sanitizer: typeof sanitizeHtml | undefined;

/**
 * The data- attributes a --safe deck keeps: an allowlist (issue 15: a blocklist missed
 * `data-Background-Iframe`, as browsers read attribute names in any case). reveal.js's own of how
 * a slide looks and moves (https://revealjs.com/backgrounds/, /fragments/, /auto-animate/, …) and
 * rfc-brief's. Left out, among any other: `data-background-iframe` and `data-preview-link` (load a
 * page), `data-src` (a lazily loaded frame or media), `data-markdown` (loads a file),
 * `data-external` and every plugin's.
 */
const SAFE_DATA = new Set([
  'data-background',
  'data-background-color',
  'data-background-gradient',
  'data-background-image',
  'data-background-video',
  'data-background-video-loop',
  'data-background-video-muted',
  'data-background-size',
  'data-background-position',
  'data-background-repeat',
  'data-background-opacity',
  'data-background-transition',
  'data-background-interactive',
  'data-transition',
  'data-transition-speed',
  'data-auto-animate',
  'data-auto-animate-id',
  'data-auto-animate-restart',
  'data-auto-animate-easing',
  'data-auto-animate-duration',
  'data-auto-animate-delay',
  'data-auto-animate-unmatched',
  'data-id',
  'data-fragment-index',
  'data-state',
  'data-visibility',
  'data-timing',
  'data-autoslide',
  'data-line-numbers',
  // The highlight plugin's line-number table (markdown/code-lines.ts) draws each number from it.
  'data-line-number',
  'data-ln-start-from',
  'data-trim',
  'data-noescape',
  'data-notes',
  'data-only',
  'data-section',
  'data-caption',
  'data-key',
  // A callout's kind (callouts.ts): the HTML every output codes against.
  'data-callout',
  // rfc-brief's placeholder of a formula, typeset after the content is sanitised (typeset.ts)
  'data-math',
]);

/** Attributes whose value reveal.js loads as an image or video: http(s) or a path, nothing else. */
const URL_DATA = new Set(['data-background', 'data-background-image', 'data-background-video']);

const options = (defaults: readonly string[]): sanitizeHtml.IOptions => ({
  allowedTags: [...defaults, 'img', 'figure', 'figcaption', 'del', 'ins', 'details', 'summary', 'rfc-figure', 'rfc-region', 'rfc-math'],
  allowedAttributes: {
    '*': ['class', 'id', 'title', 'lang', 'dir', 'align', ...SAFE_DATA],
    a: ['href', 'name', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    ol: ['start'],
    // Where a region marker was (layout-syntax.ts): the region's name, checked against the layout.
    'rfc-region': ['name'],
    th: ['colspan', 'rowspan', 'align'],
    td: ['colspan', 'rowspan', 'align'],
  },
  // No javascript:, vbscript: or data: links; images may be data: URIs (harmless as images).
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Attribute names are matched in lower case, as the browser reads them.
  parser: { lowerCaseAttributeNames: true },
  transformTags: {
    '*': (tagName, attribs) => ({ tagName, attribs: safeData(attribs) }),
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
  for (const [name, value] of Object.entries(attributes)) {
    const lower = name.toLowerCase();
    if ((lower === 'class' || lower === 'id' || SAFE_DATA.has(lower)) && !/^\s*javascript:/i.test(value)) kept[lower] = value;
  }
  return safeData(kept);
}

/** The allowlisted data- attributes, a URL in them only http(s) or a path. */
function safeData(attribs: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(attribs)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('data-') && !SAFE_DATA.has(lower)) continue;
    if (URL_DATA.has(lower) && !safeUrl(value)) continue;
    kept[lower] = value;
  }
  return kept;
}

/** A path, http(s), or (data-background) a colour: no other scheme, however it is spelled. */
function safeUrl(value: string): boolean {
  // The browser drops tabs and newlines inside a URL's scheme; so does this check.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\s\u0000-\u001f]+/g, ''));
  return scheme === null || ['http', 'https'].includes(scheme[1]?.toLowerCase() ?? '');
}
