import { BriefError, type SourceLocation } from '../errors.js';
import { closestNames } from './names.js';

/**
 * Callouts, written as GitHub's alerts (`> [!NOTE]`, which GitHub itself shows as a note): a
 * quotation whose first line is a marker. Four kinds; GitHub's TIP and IMPORTANT are key points,
 * its CAUTION a warning. A title may follow the marker (`> [!DECISION] Approve the pilot?`),
 * else the marker's own word is the title.
 */
export const CALLOUT_KINDS = ['note', 'warning', 'decision', 'key'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

const MARKERS: Readonly<Record<string, { readonly kind: CalloutKind; readonly label: string }>> = {
  NOTE: { kind: 'note', label: 'Note' },
  WARNING: { kind: 'warning', label: 'Warning' },
  CAUTION: { kind: 'warning', label: 'Caution' },
  DECISION: { kind: 'decision', label: 'Decision' },
  KEY: { kind: 'key', label: 'Key point' },
  TIP: { kind: 'key', label: 'Tip' },
  IMPORTANT: { kind: 'key', label: 'Important' },
};
export const CALLOUT_MARKERS = Object.keys(MARKERS);

/** The first line of a quotation that opens with a marker: `> [!KIND] optional title`. */
const MARKER_LINE = /^ {0,3}>[ \t]?\[!([A-Za-z][\w-]*)\]/;

/**
 * An unknown marker (`> [!NOTES]`) is an error at its line with the closest kinds, rather than a
 * quotation that starts with "[!NOTES]": GitHub would show that text too, so it is junk in both
 * places, and a typo of a real kind is the likely cause. Quotations whose first line does not
 * open with `[!` are untouched. `lineOf` gives the file line of the marker's line index.
 */
export function checkCalloutMarkers(
  lines: readonly string[],
  inCode: (index: number) => boolean,
  lineOf: (index: number) => SourceLocation,
): void {
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER_LINE.exec(lines[i] ?? '')?.[1];
    if (marker === undefined || inCode(i) || /^ {0,3}>/.test(lines[i - 1] ?? '')) continue;
    if (MARKERS[marker.toUpperCase()]) continue;
    const closest = closestNames(marker.toUpperCase(), CALLOUT_MARKERS);
    throw new BriefError(
      'LAYOUT',
      `there is no callout "[!${marker}]"${closest.length > 0 ? `; did you mean ${closest.map((n) => `"[!${n}]"`).join(' or ')}?` : ''}`,
      {
        where: lineOf(i),
        hint: `A callout is a quotation starting with one of ${CALLOUT_MARKERS.map((m) => `[!${m}]`).join(', ')}; to quote the text as it is, write \\[!${marker}].`,
      },
    );
  }
}

/** The callout's start in a rendered quotation: `<p>[!KIND] title` up to the line's end. */
const RENDERED = /^\s*<p>\[!([A-Za-z][\w-]*)\][ \t]*([^\n]*?)(\n|<\/p>\n?)/;

/**
 * marked's rendering of a quotation, made a callout when it opens with a known marker:
 * `<div class="callout callout-KIND" data-callout="KIND"><p class="callout-title">Title</p>…</div>`
 * (the contract every output codes against), `raw` being its Markdown. Anything else: undefined.
 */
export function calloutHtml(quotation: string, raw: string): string | undefined {
  // `> \[!NOTE]` quotes the marker as text.
  if (!MARKER_LINE.test(raw)) return undefined;
  const inner = /^<blockquote>\n?([\s\S]*)<\/blockquote>\n?$/.exec(quotation)?.[1];
  if (inner === undefined) return undefined;
  const match = RENDERED.exec(inner);
  const marker = match?.[1] && MARKERS[match[1].toUpperCase()];
  if (!match || !marker) return undefined;
  const title = (match[2] ?? '').trim() || marker.label;
  // The rest of the first paragraph stays a paragraph; a marker alone in it leaves nothing.
  const rest = inner.slice(match[0].length);
  const body = match[3] === '\n' ? `<p>${rest}` : rest;
  return `<div class="callout callout-${marker.kind}" data-callout="${marker.kind}">\n<p class="callout-title">${title}</p>\n${body.replace(/^<p>\s*<\/p>\n?/, '')}</div>\n`;
}
