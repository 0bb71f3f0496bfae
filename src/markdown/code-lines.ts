import render from 'dom-serializer';
import { Element, Text, cloneNode, isTag, isText, type ChildNode, type ParentNode } from 'domhandler';
import { findAll } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { highlightedRows, parseHighlightSteps, serializeHighlightStep, type HighlightStep } from './code-steps.js';

/** A code block given line numbers: what its steps are checked against. */
export interface NumberedCode {
  /** data-line-numbers as written. */
  readonly spec: string;
  /** Its lines (rows of the line-number table). */
  readonly rows: number;
}

/**
 * What reveal.js's highlight plugin does in the browser to `<pre><code data-line-numbers>`, done
 * at build time on code already highlighted (the deck loads no highlight plugin): the code becomes
 * highlightjs-line-numbers' table (one row per line, its number in a cell of its own), the first
 * step's lines are marked, and each further step is a copy of the code, a fragment, with its own
 * lines marked, appended to the <pre>. reveal.css dims the rows not marked (.has-highlights) and
 * lays each copy over the code; reveal.js steps through the copies as through any fragment.
 * Code numbered already (the --safe pass sees its own output again) is left as it is.
 */
export function numberCodeLines(root: ParentNode): NumberedCode[] {
  const numbered: NumberedCode[] = [];
  const blocks = findAll((el) => el.name === 'code' && el.attribs['data-line-numbers'] !== undefined && insidePre(el), root.children);
  for (const code of blocks) {
    if (findAll((el) => el.name === 'table' && hasClass(el, 'hljs-ln'), code.children).length > 0) continue;
    const spec = code.attribs['data-line-numbers'] ?? '';
    const lines = codeLines(code);
    if (lines === undefined) continue;
    numbered.push({ spec, rows: lines.length });
    const startFrom = lineNumberStart(code.attribs['data-ln-start-from']);
    const steps = parseHighlightSteps(spec);
    const [first = [], ...later] = steps;
    addClass(code, 'hljs');
    code.children = [];
    const parent = code.parent as ParentNode | null;
    if (parent && isTag(parent)) addClass(parent, 'code-wrapper');
    // Copied before the first step marks its lines, as the plugin copies it.
    let index = fragmentIndex(code.attribs['data-fragment-index']);
    for (const step of later) {
      const copy = cloneNode(code, false);
      copy.attribs = { ...code.attribs, 'data-line-numbers': serializeHighlightStep(step) };
      addClass(copy, 'fragment');
      if (index === undefined) delete copy.attribs['data-fragment-index'];
      else copy.attribs['data-fragment-index'] = String(index++);
      fill(copy, lines, startFrom, step);
      append(parent, copy);
    }
    if (later.length > 0) {
      delete code.attribs['data-fragment-index'];
      code.attribs['data-line-numbers'] = serializeHighlightStep(first);
    }
    fill(code, lines, startFrom, first);
  }
  return numbered;
}

function insidePre(element: Element): boolean {
  for (let parent = element.parent; parent; parent = parent.parent) if (isTag(parent) && parent.name === 'pre') return true;
  return false;
}

/**
 * The code's lines as HTML, as highlightjs-line-numbers splits them: an element that runs over
 * several lines (a highlighted comment or string) is closed at the end of each line and opened
 * again on the next, a last empty line dropped. Undefined for code with nothing in it, which the
 * plugin leaves alone.
 */
function codeLines(code: Element): string[] | undefined {
  let html = render(code.children, { decodeEntities: false });
  if (html.trim() === '') return undefined;
  // data-trim: the plugin's own trimming of raw HTML code (blank lines around it, the indent).
  const nodes = code.attribs['data-trim'] === undefined ? code.children : parseDocument(trimCode(html), { decodeEntities: false }).children;
  const lines = splitLines(nodes).map((line) => render(line, { decodeEntities: false }));
  if (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  return lines;
}

function splitLines(nodes: readonly ChildNode[]): ChildNode[][] {
  const lines: ChildNode[][] = [[]];
  const current = () => lines[lines.length - 1] as ChildNode[];
  for (const node of nodes) {
    if (isText(node)) {
      node.data.split(/\r\n|\r|\n/).forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part !== '') current().push(new Text(part));
      });
    } else if (isTag(node)) {
      const parts = splitLines(node.children);
      parts.forEach((children, i) => {
        if (i > 0) lines.push([]);
        // An empty line inside it keeps a space, as the plugin's, or its row would have no height.
        current().push(new Element(node.name, { ...node.attribs }, children.length === 0 && parts.length > 1 ? [new Text(' ')] : children));
      });
    } else current().push(cloneNode(node, true));
  }
  return lines;
}

/** reveal.js's highlight plugin on data-trim: leading and trailing blank lines dropped, then the common indent. */
function trimCode(html: string): string {
  const lines = html.split('\n');
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const indent = Math.min(
    ...lines
      .filter((line) => line.replace(/^[\s\uFEFF\xA0]+/, '') !== '')
      .map((line) => line.length - line.replace(/^[\s\uFEFF\xA0]+/, '').length),
  );
  return lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

/** The table the plugin writes (highlightjs-line-numbers' markup), the step's rows marked. */
function fill(code: Element, lines: readonly string[], startFrom: number, step: HighlightStep): void {
  const marked = highlightedRows(step, lines.length);
  const rows = lines.map((line, i) => {
    const n = i + startFrom;
    const text = line.length > 0 ? line : ' ';
    return (
      `<tr${marked.has(i + 1) ? ' class="highlight-line"' : ''}><td class="hljs-ln-line hljs-ln-numbers" data-line-number="${n}">` +
      `<div class="hljs-ln-n" data-line-number="${n}"></div></td>` +
      `<td class="hljs-ln-line hljs-ln-code" data-line-number="${n}">${text}</td></tr>`
    );
  });
  // <tbody> written out: the browser puts it there itself, and the rows' places (nth-child) are in it.
  code.children = parseDocument(`<table class="hljs-ln"><tbody>${rows.join('')}</tbody></table>`, { decodeEntities: false }).children;
  for (const child of code.children) child.parent = code;
  if (marked.size > 0) addClass(code, 'has-highlights');
}

/** data-ln-start-from as the plugin reads it: a finite number, else 1. */
function lineNumberStart(value: string | undefined): number {
  if (!value) return 1;
  const number = Number(value);
  return Number.isFinite(number) ? number : 1;
}

function fragmentIndex(value: string | undefined): number | undefined {
  const index = value === undefined ? NaN : parseInt(value, 10);
  return Number.isNaN(index) ? undefined : index;
}

function hasClass(element: Element, name: string): boolean {
  return (element.attribs['class'] ?? '').split(/\s+/).includes(name);
}

function addClass(element: Element, name: string): void {
  if (!hasClass(element, name)) element.attribs['class'] = [element.attribs['class'], name].filter(Boolean).join(' ');
}

function append(parent: ParentNode | null, child: Element): void {
  if (!parent) return;
  const last = parent.children[parent.children.length - 1];
  parent.children.push(child);
  child.parent = parent;
  child.prev = last ?? null;
  if (last) last.next = child;
}
