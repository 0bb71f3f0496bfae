import render from 'dom-serializer';
import { Element, Text, isTag, type ChildNode } from 'domhandler';
import { textContent } from 'domutils';
import { decodeHTML } from 'entities';
import { parseDocument } from 'htmlparser2';
import { REGION_TAG } from './layout-syntax.js';
import type { LayoutDefinition } from './layouts.js';

/** A slide's rendered HTML laid out: its heading (when the layout sets it above the regions) and each region's HTML. */
export interface ArrangedHtml {
  /** '' when the slide has no heading there. */
  readonly heading: string;
  /** One entry per region of the layout, in its order ('' for an empty one). */
  readonly regions: readonly { readonly name: string; readonly html: string }[];
}

/**
 * Splits a slide's rendered HTML at the `<rfc-region>` elements its markers became. What comes
 * before the first marker: the heading first (for a layout whose heading spans the top), then the
 * rest to the layout's main region, except what a layout places by itself when no marker names
 * the region: an image split's first image goes to the image (a big number's first chart or image
 * to its chart), a big number's first block is the number and a closing "Source: …" line the
 * source, a quote's quotation is the quote and what follows it the attribution.
 */
export function arrangeRegions(html: string, layout: LayoutDefinition): ArrangedHtml {
  const nodes = parseDocument(html, { decodeEntities: false }).children;
  const named = new Map<string, ChildNode[]>();
  const before: ChildNode[] = [];
  let current: ChildNode[] = before;
  for (const node of nodes) {
    if (isTag(node) && node.name === REGION_TAG) {
      const name = node.attribs['name'] ?? '';
      // A name the Markdown did not declare (raw HTML imitating a marker) starts nothing.
      if (!layout.regions.includes(name)) continue;
      current = named.get(name) ?? [];
      named.set(name, current);
      continue;
    }
    current.push(node);
  }
  let heading: ChildNode | undefined;
  if (layout.heading === 'top') {
    const first = before.find((node) => isTag(node) || (node instanceof Text && node.data.trim() !== ''));
    if (first && isTag(first) && /^h[12]$/.test(first.name)) {
      heading = first;
      before.splice(before.indexOf(first), 1);
    }
  }
  const placed = placeUnmarked(layout, before, new Set(named.keys()));
  const regions = layout.regions.map((name) => {
    const content = [...(placed.get(name) ?? []), ...(named.get(name) ?? [])];
    const shaped = layout.name === 'big-number' && name === 'number' ? shapeFigure(content) : content;
    return { name, html: serialize(shaped) };
  });
  return { heading: heading ? serialize([heading]) : '', regions };
}

/** The content before the first marker, region by region. */
function placeUnmarked(layout: LayoutDefinition, nodes: ChildNode[], marked: ReadonlySet<string>): Map<string, ChildNode[]> {
  const placed = new Map<string, ChildNode[]>();
  const put = (name: string, items: readonly ChildNode[]) => placed.set(name, [...(placed.get(name) ?? []), ...items]);
  let blocks = nodes.filter(isTag);
  const free = (name: string) => !marked.has(name);
  if (layout.figure && free(layout.figure)) {
    const figure = blocks.find(isImageBlock);
    if (figure) {
      put(layout.figure, [figure]);
      nodes = nodes.filter((node) => node !== figure);
      blocks = blocks.filter((block) => block !== figure);
    }
  }
  if (layout.name === 'big-number') {
    const [number] = blocks;
    const sources = trailing(blocks, (block) => /^\s*sources?\b\s*:?/i.test(decodeHTML(textContent(block))));
    if (number && free('number') && !sources.includes(number)) put('number', [number]);
    if (free('source')) put('source', sources);
    const taken = new Set([...(placed.get('number') ?? []), ...(placed.get('source') ?? [])]);
    put(
      free('label') ? 'label' : layout.main,
      nodes.filter((node) => !taken.has(node)),
    );
    return placed;
  }
  if (layout.name === 'quote' && free('attribution')) {
    const last = blocks.map((block) => block.name).lastIndexOf('blockquote');
    const after = last < 0 ? [] : nodes.slice(nodes.indexOf(blocks[last] as ChildNode) + 1);
    put('attribution', after);
    nodes = nodes.filter((node) => !after.includes(node));
  }
  put(layout.main, nodes);
  return placed;
}

/** The blocks at the end that pass `test`, in order. */
function trailing(blocks: readonly Element[], test: (block: Element) => boolean): Element[] {
  let from = blocks.length;
  while (from > 0 && test(blocks[from - 1] as Element)) from--;
  return blocks.slice(from);
}

/** An image standing alone (a paragraph of only an image), a drawn chart or diagram, or media. */
function isImageBlock(block: Element): boolean {
  if (['img', 'svg', 'picture', 'video', 'figure', 'rfc-figure'].includes(block.name)) return true;
  if (block.name !== 'p') return false;
  const content = block.children.filter((child) => !(child instanceof Text && child.data.trim() === ''));
  const [only] = content;
  return content.length === 1 && only !== undefined && isTag(only) && only.name === 'img';
}

const FIGURE = /^\s*([^\d\s]{0,2}?\s?[-+−]?\d(?:[\d.,\u202f\u00a0 ]*\d)?)\s*(.*?)\s*$/s;
const INLINE = new Set(['strong', 'b', 'em', 'i', 'span', 'code', 'mark']);

/**
 * The big number's first paragraph as figure and unit: "3.2 ms" is 3.2 and ms, "$1.2M" is $1.2
 * and M, "40 %" is 40 and %. A paragraph that holds more than text and emphasis, or no digit,
 * is left as written.
 */
function shapeFigure(nodes: readonly ChildNode[]): ChildNode[] {
  const index = nodes.findIndex(isTag);
  const first = nodes[index];
  if (!first || !isTag(first) || !/^(p|h[1-6])$/.test(first.name)) return [...nodes];
  if (!onlyInline(first)) return [...nodes];
  const match = FIGURE.exec(decodeHTML(textContent(first)));
  if (!match) return [...nodes];
  const [, value = '', unit = ''] = match;
  const span = (cls: string, text: string) => `<span class="${cls}">${escapeText(text.trim())}</span>`;
  const shaped = parseDocument(`<p class="big-figure">${span('big-value', value)}${unit ? ` ${span('big-unit', unit)}` : ''}</p>`, {
    decodeEntities: false,
  }).children;
  return [...nodes.slice(0, index), ...shaped, ...nodes.slice(index + 1)];
}

function onlyInline(element: Element): boolean {
  return element.children.every((child) => !isTag(child) || (INLINE.has(child.name) && onlyInline(child)));
}

function serialize(nodes: readonly ChildNode[]): string {
  let from = 0;
  let to = nodes.length;
  const blank = (node: ChildNode | undefined) => node instanceof Text && node.data.trim() === '';
  while (from < to && blank(nodes[from])) from++;
  while (to > from && blank(nodes[to - 1])) to--;
  const html = render(nodes.slice(from, to), { decodeEntities: false });
  return html === '' || html.endsWith('\n') ? html : `${html}\n`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
