import render from 'dom-serializer';
import { Element, Text, isTag, type ChildNode } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

/**
 * Prepares a slide's body for the report: drops the slide's own heading (the section heading
 * replaces it), puts each image that stands alone in a numbered figure with its alt text as the
 * caption, and each table in a numbered table with a caption: a following "Table: ..." paragraph
 * (pandoc's convention), else the slide title.
 */
export function captionFigures(
  html: string,
  slideTitle: string,
  counters: { figure: number; table: number },
  // A layout's region other than the one holding the slide's heading keeps its own (report-layouts.ts).
  keepHeading = false,
): string {
  const doc = parseDocument(html, { decodeEntities: false });
  const nodes = doc.children;
  const firstHeading = keepHeading ? -1 : nodes.findIndex((n) => isTag(n) && /^h[1-6]$/.test(n.name));
  if (firstHeading >= 0) nodes.splice(firstHeading, 1);
  const out: ChildNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) continue;
    if (isTag(node) && node.name === 'table') {
      const next = nextTag(nodes, i);
      const explicit = next && next.node.name === 'p' && /^\s*Table:\s*/.test(textContent(next.node)) ? next : undefined;
      if (explicit) {
        removeLeadingLabel(explicit.node);
        nodes.splice(explicit.index, 1);
      }
      // A `Table:` line the Markdown stage made the table's own <caption> (markdown/notes.ts).
      const own = node.children.find((child): child is Element => isTag(child) && child.name === 'caption');
      if (own) node.children = node.children.filter((child) => child !== own);
      counters.table++;
      const caption = own
        ? render(own.children, { decodeEntities: false })
        : explicit
          ? render(explicit.node.children, { decodeEntities: false })
          : escapeText(slideTitle);
      out.push(
        raw(
          `<figure class="table" id="table-${counters.table}"><figcaption><span class="label">Table ${counters.table}.</span> ${caption}</figcaption>`,
        ),
        node,
        raw('</figure>'),
      );
      continue;
    }
    if (isTag(node) && node.name === 'figure' && node.attribs['class'] === 'drawn') {
      // A chart or diagram drawn at build time: numbered like any figure, captioned by its description.
      counters.figure++;
      const caption = node.attribs['data-caption'] ?? '';
      node.attribs['id'] = `figure-${counters.figure}`;
      node.attribs['class'] = 'figure drawn';
      delete node.attribs['data-caption'];
      node.children.push(
        raw(`<figcaption><span class="label">Figure ${counters.figure}.</span>${caption ? ` ${caption}` : ''}</figcaption>`),
      );
      out.push(node);
      continue;
    }
    const image = isTag(node) && node.name === 'p' ? soleImage(node) : undefined;
    if (image) {
      counters.figure++;
      const alt = image.attribs['alt'] ?? '';
      const caption = alt ? ` ${alt}` : '';
      out.push(
        raw(`<figure class="figure" id="figure-${counters.figure}">`),
        image,
        raw(`<figcaption><span class="label">Figure ${counters.figure}.</span>${caption}</figcaption></figure>`),
      );
      continue;
    }
    out.push(node);
  }
  return render(out, { decodeEntities: false });
}

function nextTag(nodes: ChildNode[], from: number): { node: Element; index: number } | undefined {
  for (let j = from + 1; j < nodes.length; j++) {
    const candidate = nodes[j];
    if (candidate && isTag(candidate)) return { node: candidate, index: j };
    if (candidate instanceof Text && candidate.data.trim() !== '') return undefined;
  }
  return undefined;
}

function soleImage(p: Element): Element | undefined {
  const meaningful = p.children.filter((c) => !(c instanceof Text && c.data.trim() === ''));
  const [only] = meaningful;
  return meaningful.length === 1 && only && isTag(only) && only.name === 'img' ? only : undefined;
}

function removeLeadingLabel(p: Element): void {
  const first = p.children[0];
  if (first instanceof Text) first.data = first.data.replace(/^\s*Table:\s*/, '');
}

function raw(html: string): ChildNode {
  return new Text(html);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
