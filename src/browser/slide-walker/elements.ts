import type { Item } from '../../pptx/model.js';
import type { shapes } from './shapes.js';

/** The slide walker's kit for a slide's elements: which is a text shape, a table, a picture or a box of others. */
export function elements(w: ReturnType<typeof shapes>) {
  const { PICTURE, TEXT, SKIP, BLOCK, css, colour, opacityOf, rel, paragraphsOf, paints, pseudoPaints, textShape, table, picture } = w;
  /** What is drawn apart from the text (pictures, tables, code): an element holding one is not one text shape. */
  const apart = (el: Element): Element[] =>
    [...el.querySelectorAll(`${PICTURE}, table, pre`)].filter((e) => !e.closest('.katex:not(.katex-display *), svg *, pre *'));

  /** An element's own background, borders and placed ::before/::after (its fill only when no text shape takes it). */
  const decorate = (el: Element, items: Item[], withFill: boolean) => {
    const s = css(el);
    if (s.display === 'none' || s.visibility === 'hidden') return;
    if (BLOCK.test(s.display)) paints(el, s, rel(el.getBoundingClientRect()), items, withFill);
    else if (colour(s.backgroundColor)) for (const r of el.getClientRects()) paints(el, s, rel(r), items, true);
    pseudoPaints(el, items);
  };

  const visit = (el: Element, items: Item[], section: Element) => {
    const s = css(el);
    if (s.display === 'none' || el.matches(SKIP) || opacityOf(el) === 0) return;
    const count = items.length + 1;
    const block = BLOCK.test(s.display);
    const loose = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    const text = block && el !== section && (el.matches(TEXT) || loose) && (el.matches('pre') || apart(el).length === 0);
    if (el === section) pseudoPaints(el, items);
    else decorate(el, items, !text);
    if (el.matches(PICTURE)) return void (s.visibility !== 'hidden' && items.push(picture(el, `Picture ${count}`)));
    if (el instanceof HTMLTableElement) return void items.push(table(el, `Table ${count}`, section));
    if (text) {
      // The slide's heading: a child of the section, or (an image split) the first thing of its text region.
      const region = el.parentElement?.matches('[data-region]') ? el.parentElement : undefined;
      const heading = el.parentElement === section || (region?.parentElement?.parentElement === section && region.firstElementChild === el);
      const title = heading && /^H[12]$/.test(el.tagName) && !items.some((i) => i.kind === 'text' && i.role === 'title');
      // What is painted inside the block (a code block's panel, inline code) goes behind its text.
      for (const inner of el.querySelectorAll('*')) if (!inner.closest(SKIP)) decorate(inner, items, true);
      const shape = textShape(el, title ? 'title' : 'body', title ? 'Title' : `Text ${count}`, section);
      if (shape) items.push(shape);
      return;
    }
    if (!block) return;
    // Inline content between blocks (a raw <small> under the slide's text) is a paragraph of its own.
    let pending: Node[] = [];
    const pendingShape = () => {
      const shown = pending.filter((n) => n.textContent?.trim());
      if (shown.length > 0) {
        const range = document.createRange();
        range.setStartBefore(pending[0]!);
        range.setEndAfter(pending.at(-1)!);
        const paragraphs = paragraphsOf(el, section, pending);
        if (paragraphs.length)
          items.push({
            kind: 'text',
            role: 'body',
            name: `Text ${items.length + 1}`,
            box: rel(range.getBoundingClientRect()),
            fill: undefined,
            radius: 0,
            paragraphs,
          });
      }
      pending = [];
    };
    for (const child of el.childNodes) {
      const inline =
        child.nodeType === Node.TEXT_NODE ||
        (child instanceof Element &&
          !child.matches(`${SKIP}, ${PICTURE}, table`) &&
          !BLOCK.test(css(child).display) &&
          css(child).display !== 'none');
      if (inline) pending.push(child);
      else {
        pendingShape();
        if (child instanceof Element) visit(child, items, section);
      }
    }
    pendingShape();
  };
  return { ...w, visit };
}
