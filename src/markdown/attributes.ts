import render from 'dom-serializer';
import { Element, isComment, isTag, type ChildNode, type ParentNode } from 'domhandler';
import { decodeHTML } from 'entities';
import { parseDocument } from 'htmlparser2';
import { textContent } from 'domutils';
import { describeSection, type HtmlFacts } from './facts.js';
import { numberCodeLines, type NumberedCode } from './code-lines.js';
import { captionTables, takeAsideNotes } from './notes.js';
import type { Target } from './only.js';
import { MATH_PLACEHOLDER_TAG } from './typeset.js';

// reveal.js's defaults: https://revealjs.com/markdown/#element-attributes
const ELEMENT_ATTRIBUTES = /\.element\s*?(.+?)$/m;
const SLIDE_ATTRIBUTES = /\.slide:\s*?(\S.+?)$/m;
const ATTRIBUTE = /([^"= ]+?)="([^"]+?)"|(data-[^"= ]+?)(?=[" ])/g;

export interface ProcessedHtml {
  readonly html: string;
  readonly title: string;
  readonly leadText: string;
  readonly slideAttributes: Record<string, string>;
  readonly facts: HtmlFacts;
  /** The inner HTML of the slide's `<aside class="notes">` elements, taken out of `html`. */
  readonly asideNotes: string;
  /** Code laid out with line numbers and steps (the slides only: the report shows code plain). */
  readonly numberedCode: readonly NumberedCode[];
}

/**
 * Applies `<!-- .element: ... -->` and `<!-- .slide: ... -->` comments the way reveal.js's Markdown
 * plugin does in the browser (a comment sets attributes on the nearest element before it, or on its
 * parent, or failing that on the slide), but at build time, and describes what the slide holds.
 * `slideAttributes` are the section's to start with (a sanitised slide's, whose comments are gone).
 */
export function processSlideHtml(
  html: string,
  target: Target = 'slides',
  slideAttributes: Readonly<Record<string, string>> = {},
): ProcessedHtml {
  const doc = parseDocument(html, { decodeEntities: false });
  const section = new Element('section', { ...slideAttributes }, doc.children);
  applyComments(section, section);
  dropOtherTargets(section, target);
  const asideNotes = takeAsideNotes(section);
  captionTables(section);
  const numberedCode = target === 'slides' ? numberCodeLines(section) : [];
  return {
    asideNotes,
    numberedCode,
    html: render(section.children, { decodeEntities: false }),
    title: findTitle(section.children),
    leadText: leadText(section.children),
    slideAttributes: { ...section.attribs },
    facts: describeSection(section),
  };
}

/** One slide of a slide's HTML: its body and its <section>'s own attributes. */
export interface SlidePart {
  readonly html: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * A slide whose HTML holds <section> elements of its own is, in reveal.js, a vertical stack of
 * those sections (valorcz-bigdata's auto-animate pair). What lies beside them (a heading, comments)
 * stays in the stack's own <section>, where reveal.js shows it over every slide of the stack and
 * its print layout leaves it on a page of its own, blank but for it: here it goes to the stack's
 * first slide, so that it is shown and printed with a slide. No section: the HTML is one slide.
 */
export function splitRawSections(html: string): SlidePart[] {
  if (!/<section[\s>]/i.test(html)) return [{ html, attributes: {} }];
  const doc = parseDocument(html, { decodeEntities: false });
  const sections = doc.children.filter((child): child is Element => isTag(child) && child.name === 'section');
  if (sections.length === 0) return [{ html, attributes: {} }];
  const beside = doc.children.filter((child) => !sections.includes(child as Element));
  return sections.map((section, index) => ({
    html: render(index === 0 ? [...beside, ...section.children] : section.children, { decodeEntities: false }),
    attributes: { ...section.attribs },
  }));
}

/** `data-only="report"` on an element keeps it out of the slides, and the other way round. */
function dropOtherTargets(parent: ParentNode, target: Target): void {
  parent.children = parent.children.filter((child) => {
    if (!isTag(child)) return true;
    const only = child.attribs['data-only'];
    if (only !== undefined && only !== target) return false;
    dropOtherTargets(child, target);
    return true;
  });
  for (const child of parent.children) child.parent = parent;
}

function applyComments(section: Element, parent: ParentNode): void {
  let target: Element | undefined = parent instanceof Element ? parent : undefined;
  parent.children.forEach((child: ChildNode) => {
    if (isComment(child)) {
      if (!(target && applyAttributes(child.data, target, ELEMENT_ATTRIBUTES))) {
        applyAttributes(child.data, section, SLIDE_ATTRIBUTES);
      }
    } else if (isTag(child)) {
      applyComments(section, child);
      // A formula is no element yet (typeset.ts): a comment after it styles what holds it, as in reveal.js.
      if (child.name !== 'br' && child.name !== MATH_PLACEHOLDER_TAG) target = child;
    }
  });
}

function applyAttributes(comment: string, target: Element, pattern: RegExp): boolean {
  const match = pattern.exec(comment);
  if (!match?.[1]) return false;
  for (const attribute of match[1].matchAll(ATTRIBUTE)) {
    const [, name, value, flag] = attribute;
    if (name !== undefined && value !== undefined) setAttribute(target, name, value);
    else if (flag !== undefined) setAttribute(target, flag, '');
  }
  return true;
}

function setAttribute(target: Element, name: string, value: string): void {
  const existing = target.attribs[name];
  // Classes add up (reveal.js replaces them, losing e.g. a code block's language class).
  target.attribs[name] = name === 'class' && existing ? mergeClasses(existing, value) : value;
}

function mergeClasses(a: string, b: string): string {
  return [...new Set(`${a} ${b}`.split(/\s+/).filter(Boolean))].join(' ');
}

/** Enough text to find a title in, read no further: a 10 MB slide is not copied once more. */
export const LEAD_TEXT = 1000;

function leadText(nodes: readonly ChildNode[]): string {
  let text = '';
  const visit = (children: readonly ChildNode[]) => {
    for (const node of children) {
      if (text.length >= LEAD_TEXT) return;
      if (node.type === 'text') text += ` ${decodeHTML(node.data.slice(0, LEAD_TEXT * 2))}`.replace(/\s+/g, ' ');
      else if (isTag(node) && node.name !== 'script' && node.name !== 'style') visit(node.children);
    }
  };
  visit(nodes);
  return text.trim().slice(0, LEAD_TEXT);
}

function findTitle(nodes: readonly ChildNode[]): string {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (/^h[1-6]$/.test(node.name)) return decodeHTML(textContent(node)).replace(/\s+/g, ' ').trim();
    const inner = findTitle(node.children);
    if (inner) return inner;
  }
  return '';
}
