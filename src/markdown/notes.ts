import render from 'dom-serializer';
import { Element, Text, isTag, type ChildNode, type ParentNode } from 'domhandler';
import { textContent } from 'domutils';

/**
 * reveal.js's other way of writing notes, `<aside class="notes">` in the slide: taken out of the
 * slide's body (where only the speaker view showed them) and returned as notes, so that the
 * deck, the handout, the report and check all see one set of notes, whichever way they were written.
 */
export function takeAsideNotes(parent: ParentNode): string {
  const taken: string[] = [];
  const visit = (node: ParentNode) => {
    node.children = node.children.filter((child) => {
      if (!isTag(child)) return true;
      if (child.name === 'aside' && (child.attribs['class'] ?? '').split(/\s+/).includes('notes')) {
        taken.push(render(child.children, { decodeEntities: false }).trim());
        return false;
      }
      visit(child);
      return true;
    });
    for (const child of node.children) child.parent = node;
  };
  visit(parent);
  return taken.filter(Boolean).join('\n');
}

/** Notes written both ways, the `Note:` ones first. */
export function joinNotes(written: string, aside: string): string {
  if (!aside) return written;
  if (!written) return `${aside}\n`;
  return `${written}${aside}\n`;
}

/**
 * pandoc's `Table: caption` paragraph after a table becomes the table's <caption>: the slides draw
 * it as a caption (not as the words "Table: ..."), and the report numbers it.
 */
export function captionTables(parent: ParentNode): void {
  const nodes = parent.children;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node || !isTag(node)) continue;
    if (node.name !== 'table') {
      captionTables(node);
      continue;
    }
    let next = i + 1;
    while (next < nodes.length && isBlank(nodes[next])) next++;
    const paragraph = nodes[next];
    if (!paragraph || !isTag(paragraph) || paragraph.name !== 'p' || !/^\s*Table:\s*/.test(textContent(paragraph))) continue;
    const first = paragraph.children[0];
    if (first instanceof Text) first.data = first.data.replace(/^\s*Table:\s*/, '');
    const caption = new Element('caption', {}, paragraph.children);
    for (const child of caption.children) child.parent = caption;
    caption.parent = node;
    node.children.unshift(caption);
    nodes.splice(i + 1, next - i);
  }
}

function isBlank(node: ChildNode | undefined): boolean {
  return node instanceof Text && node.data.trim() === '';
}
