import type { Page } from 'puppeteer-core';
import type { Item, MeasuredSlide } from '../pptx/model.js';
import { elements } from './slide-walker/elements.js';
import { lines } from './slide-walker/lines.js';
import { paragraphs } from './slide-walker/paragraphs.js';
import { shapes } from './slide-walker/shapes.js';
import { styles } from './slide-walker/styles.js';

type Size = { readonly width: number; readonly height: number };

/**
 * The slide walker's kits, in the order the page builds them: each takes what the ones before it
 * made and adds its own. A kit runs in the page from its source text (Function.prototype.toString),
 * so it names nothing outside its own body but what it is given (and the page's globals).
 */
const KITS = [styles, lines, paragraphs, shapes, elements] as const;

/** What the kits make, built in order; `never` where a kit does not take what the one before gives. */
type Built<K, W> = K extends readonly [(w: W) => infer N, ...infer Rest] ? Built<Rest, N> : K extends readonly [] ? W : never;

/**
 * Walks every printed slide of the print page as the browser laid it out and returns what
 * slides.pptx is written from: each block (heading, paragraph, list, quote, callout, code) one text
 * shape with its paragraphs, its lines as the browser broke them (where each character landed,
 * Range.getClientRects) and its runs with their computed styles; tables cell by cell; images,
 * charts, diagrams and display math as pictures to capture; backgrounds, borders and absolutely
 * placed ::before/::after as painted boxes.
 */
export async function walkSlides(page: Page, size: Size): Promise<MeasuredSlide[]> {
  const script = `(${String(walkPages)})([${KITS.map(String).join(',\n')}].reduce((w, kit) => kit(w), undefined), ${JSON.stringify(size)})`;
  return page.evaluate<[], () => MeasuredSlide[]>(script);
}

/** Runs in the page, after the kits: one slide a printed page, measured from the slide's frame. */
function walkPages(w: Built<typeof KITS, undefined>, size: Size): MeasuredSlide[] {
  const { css, colour, origin, textShape, visit } = w;
  const slides: MeasuredSlide[] = [];
  for (const page of document.querySelectorAll<HTMLElement>('.pdf-page')) {
    const section = page.querySelector<HTMLElement>('section');
    if (!section) continue;
    // The slide's frame on its page: centred in the page's margin (a centred slide's section is only
    // as tall as its content, and moved down).
    const [r, p] = [section.getBoundingClientRect(), page.getBoundingClientRect()];
    Object.assign(origin, { x: r.left, y: p.top + ((r.left - p.left) * size.height) / size.width });
    const items: Item[] = [];
    visit(section, items, section);
    const number = page.querySelector('.slide-number-pdf');
    const shape = number && css(number).display !== 'none' ? textShape(number, 'number', 'Slide Number', section) : undefined;
    // In the page's margin, past the slide: moved in, as far as it is out.
    const [dx, dy] = shape
      ? [Math.min(0, size.width - shape.box.x - shape.box.w), Math.min(0, size.height - shape.box.y - shape.box.h)]
      : [0, 0];
    if (shape)
      items.push({
        ...shape,
        box: { ...shape.box, x: shape.box.x + dx, y: shape.box.y + dy },
        paragraphs: shape.paragraphs.map((para) => ({
          ...para,
          left: para.left + dx,
          lines: para.lines.map((l) => ({ ...l, baseline: l.baseline + dy })),
        })),
      });
    const painted = [section, page.querySelector('.slide-background'), page, document.body].map((e) => e && colour(css(e).backgroundColor));
    const background = painted.find(Boolean) ?? { hex: 'FFFFFF', alpha: 1 };
    slides.push({ background: { hex: background.hex, alpha: 1 }, items });
  }
  return slides;
}
