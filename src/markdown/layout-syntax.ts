import { BriefError, type SourceLocation } from '../errors.js';
import { checkCalloutMarkers } from './callouts.js';
import { layoutRequest, type LayoutRequest } from './layouts.js';
import { unknownName } from './names.js';

/**
 * A slide's layout as written in its Markdown (issue 17), read line by line before the Markdown is
 * rendered, so that every mistake names its line:
 *
 * - `<!-- layout: two-cols 60/40 -->` on a line of its own names the layout (hidden by GitHub);
 * - `<!-- ::right:: -->` or Slidev's bare `::right::` on a line of its own starts a region;
 * - Marp's `![bg left:40%](x.png)` / `![bg right](x.png)` makes the slide an image split with that image.
 *
 * Nothing inside a code fence counts. The Markdown handed on has the layout comment blanked and
 * each marker turned into an `<rfc-region name="…">` element with blank lines around it, which
 * regions.ts splits the rendered HTML at; a slide without any of this is handed on unchanged.
 */
export interface LayoutSyntax {
  readonly request: LayoutRequest | undefined;
  readonly markdown: string;
  /** The line of each region's marker (Marp's image: the image's line). */
  readonly markerLines: ReadonlyMap<string, number>;
  /** True when the slide names at least one region by a marker. */
  readonly marked: boolean;
}

const LAYOUT_COMMENT = /^\s*<!--\s*layout\s*:\s*(.*?)\s*-->\s*$/i;
const MARKER = /^\s*(?:<!--\s*::([A-Za-z][\w-]*)::\s*-->|::([A-Za-z][\w-]*)::)\s*$/;
const MARP_SPLIT = /^\s*!\[bg\b([^\]]*)\]\(\s*(<[^>]*>|[^)\s]+)(\s+"[^"]*")?\s*\)\s*$/i;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** The element a region marker becomes; the only thing regions.ts looks for. */
export const REGION_TAG = 'rfc-region';
const regionElement = (name: string) => `\n<${REGION_TAG} name="${name}">\n</${REGION_TAG}>\n`;

export function readLayoutSyntax(body: string, lineOf: (offset: number) => number, file: string): LayoutSyntax {
  const none = { request: undefined, markdown: body, markerLines: new Map<string, number>(), marked: false };
  if (!/layout\s*:|::|!\[bg|\[!/i.test(body)) return none;
  const { lines, starts, code } = scanLines(body);
  const where = (index: number): SourceLocation => ({ file, line: lineOf(starts[index] ?? 0) });
  checkCalloutMarkers(lines, (index) => code[index] === true, where);

  let comment: { index: number; text: string } | undefined;
  const markers: { index: number; name: string }[] = [];
  const splits: { index: number; side: 'left' | 'right'; width: number | undefined; fit: boolean; alt: string; url: string }[] = [];
  lines.forEach((line, index) => {
    if (code[index]) return;
    const layout = LAYOUT_COMMENT.exec(line)?.[1];
    if (layout !== undefined) {
      if (comment)
        throw new BriefError('LAYOUT', 'this slide names its layout twice', {
          where: where(index),
          hint: 'Keep one <!-- layout: … --> comment.',
        });
      comment = { index, text: layout };
      return;
    }
    const marker = MARKER.exec(line);
    if (marker) {
      markers.push({ index, name: marker[1] ?? marker[2] ?? '' });
      return;
    }
    const split = marpSplit(line);
    if (split) splits.push({ index, ...split });
  });
  if (!comment && markers.length === 0 && splits.length === 0) return none;

  const request = requestOf(comment, splits, where);
  if (!request) {
    const [first] = markers;
    throw new BriefError('LAYOUT', `the region marker ::${first?.name}:: is on a slide without a layout`, {
      where: where(first?.index ?? 0),
      hint: 'Name the layout on the slide first, e.g. <!-- layout: two-cols -->.',
    });
  }
  const markerLines = new Map<string, number>();
  const rewritten = [...lines];
  if (comment) rewritten[comment.index] = '';
  for (const { index, name } of markers) {
    const { layout } = request;
    if (!layout.regions.includes(name))
      throw unknownName(
        `the ${layout.name} layout has no region`,
        name,
        layout.regions,
        where(index),
        `The ${layout.name} layout's regions are: ${layout.regions.join(', ')}.`,
      );
    if (markerLines.has(name))
      throw new BriefError('LAYOUT', `the region "${name}" is started twice on this slide`, {
        where: where(index),
        hint: `Everything for "${name}" goes after its one ::${name}:: marker, up to the next marker.`,
      });
    markerLines.set(name, where(index).line ?? 0);
    rewritten[index] = regionElement(name);
  }
  // Marp's split images go to the image region, after anything written under its own marker.
  const images = splits.map(({ index, alt, url }) => {
    rewritten[index] = '';
    if (!markerLines.has('image')) markerLines.set('image', where(index).line ?? 0);
    return `![${alt}](${url})`;
  });
  const tail = images.length > 0 ? `\n${regionElement('image')}\n${images.join('\n\n')}\n` : '';
  return { request, markdown: rewritten.join('\n') + tail, markerLines, marked: markers.length > 0 || images.length > 0 };
}

/** Callout markers in text that has no layout (speaker notes): unknown ones are errors at their line. */
export function checkCallouts(text: string, lineOf: (offset: number) => number, file: string): void {
  if (!text.includes('[!')) return;
  const { lines, starts, code } = scanLines(text);
  checkCalloutMarkers(
    lines,
    (index) => code[index] === true,
    (index) => ({ file, line: lineOf(starts[index] ?? 0) }),
  );
}

/** The lines, where each starts, and which are inside a code fence (the fences included). */
function scanLines(text: string): { lines: string[]; starts: number[]; code: boolean[] } {
  const lines = text.split('\n');
  const starts: number[] = [];
  const code: boolean[] = [];
  let offset = 0;
  let fence: string | undefined;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
    const opened = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      code.push(true);
      if (opened && opened[0] === fence[0] && opened.length >= fence.length && line.trim() === opened) fence = undefined;
      continue;
    }
    code.push(opened !== undefined);
    if (opened) fence = opened;
  }
  return { lines, starts, code };
}

function requestOf(
  comment: { index: number; text: string } | undefined,
  splits: readonly { index: number; side: 'left' | 'right'; width: number | undefined; fit: boolean }[],
  where: (index: number) => SourceLocation,
): LayoutRequest | undefined {
  const [split] = splits;
  const conflicting = splits.find((s) => s.side !== split?.side);
  if (split && conflicting)
    throw new BriefError('LAYOUT', `this image is split to the ${conflicting.side}, an earlier one on the slide to the ${split.side}`, {
      where: where(conflicting.index),
      hint: 'An image split has one side for its images: write all of them as ![bg left] or all as ![bg right].',
    });
  if (comment) {
    const [name = '', ...args] = comment.text.split(/\s+/).filter(Boolean);
    if (name === 'default' && args.length === 0 && !split) return undefined;
    const request = layoutRequest(name, args, where(comment.index));
    if (split && request.layout.name !== `image-${split.side}`)
      throw new BriefError(
        'LAYOUT',
        `![bg ${split.side}] makes an image-${split.side} slide, but its layout comment says ${request.layout.name}`,
        {
          where: where(split.index),
          hint: `Use <!-- layout: image-${split.side} --> or leave the comment out.`,
        },
      );
    const fromSplit = split?.width !== undefined && !args.some((arg) => /[%/]/.test(arg));
    return fromSplit ? layoutRequest(name, [...args, `${split.width}%`], where(comment.index)) : request;
  }
  if (!split) return undefined;
  const args = [...(split.width === undefined ? [] : [`${split.width}%`]), ...(split.fit ? ['fit'] : [])];
  return layoutRequest(`image-${split.side}`, args, where(split.index));
}

/**
 * Marp's `![bg left:40% fit](x.png)`: the keywords in the alt text; `left`/`right` (with an
 * optional width) split the slide, `fit`/`contain` show the whole image; Marp's other keywords
 * (filters, sizes) are ignored, and the remaining words are the image's alt text. A `bg` image
 * without a side (a full background) is left as an ordinary image.
 */
function marpSplit(
  line: string,
): { side: 'left' | 'right'; width: number | undefined; fit: boolean; alt: string; url: string } | undefined {
  const match = MARP_SPLIT.exec(line);
  if (!match) return undefined;
  let side: 'left' | 'right' | undefined;
  let width: number | undefined;
  let fit = false;
  const words: string[] = [];
  for (const word of (match[1] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const sided = /^(left|right)(?::(\d+(?:\.\d+)?)%)?$/i.exec(word);
    if (sided) {
      side = sided[1]?.toLowerCase() as 'left' | 'right';
      width = sided[2] === undefined ? undefined : Number(sided[2]);
    } else if (/^(fit|contain)$/i.test(word)) fit = true;
    else if (/^(cover|auto|vertical|\d+(\.\d+)?%|[a-z-]+:\S*)$/i.test(word)) continue;
    else words.push(word);
  }
  if (!side) return undefined;
  return { side, width, fit, alt: words.join(' '), url: `${match[2] ?? ''}${match[3] ?? ''}` };
}
