import type { HandoutLayout } from '../config/defaults.js';
import type { BriefConfig } from '../config/resolve.js';
import type { SlideStack } from '../markdown/model.js';
import { escapeHtml } from './html.js';
import { PAPER, type Box } from './paper.js';
import { htmlDocument, printedPolicy, stylesheetLinks } from './document.js';
import { firstTitle, printedOnly, printedSlides } from './printed-slides.js';

export interface HandoutInput {
  readonly config: BriefConfig;
  readonly stacks: readonly SlideStack[];
  readonly layout: HandoutLayout;
  readonly stylesheets: readonly string[];
}

/** Where slide `slide` (its index in the slides PDF) goes: page `page` of the handout, in `box`. */
export interface SlideSlot {
  readonly slide: number;
  readonly page: number;
  readonly box: Box;
}

export interface RenderedHandout {
  readonly html: string;
  readonly slots: readonly SlideSlot[];
  readonly pages: number;
}

interface HandoutItem {
  readonly number: number;
  readonly title: string;
  readonly notesHtml: string;
}

const MARGIN = { side: 16, top: 22, bottom: 20 };
const GAP = 7;

/**
 * The handout page by page, with an empty frame where each slide goes. The slides themselves are
 * not drawn here: the printer lays the slides PDF's own pages into the frames afterwards, so the
 * handout shows them exactly as the deck prints them (same theme, vector, fragments shown).
 */
export function renderHandout({ config, stacks, layout, stylesheets }: HandoutInput): RenderedHandout {
  // The slides PDF's pages fill the frames, one per printed slide, in this order.
  const printed = printedOnly(printedSlides(config, stacks));
  const items: HandoutItem[] = printed.map(({ number, title, slide }) => ({ number, title, notesHtml: slide?.notes.html ?? '' }));
  const paper = PAPER[config.paper];
  const ratio = slideRatio(config.revealOptions);
  const perPage = Number(layout);
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  const title = config.meta.title ?? firstTitle(printed) ?? 'Handout';
  const slots: SlideSlot[] = [];
  const pages: string[] = [];
  for (let page = 0; page < pageCount; page++) {
    const cells: string[] = [];
    for (let k = 0; k < perPage; k++) {
      const index = page * perPage + k;
      const item = items[index];
      if (!item) break;
      const { slide, notes } = cellGeometry(layout, k, paper, ratio);
      slots.push({ slide: index, page, box: slide });
      cells.push(`<div class="slot" style="${position(slide)}" data-slide="${index + 1}"></div>`);
      if (layout === '6') {
        cells.push(
          `<p class="caption" style="${position({ ...slide, y: slide.y + slide.height + 1.5, height: 6 })}">${item.number}. ${escapeHtml(item.title)}</p>`,
        );
      } else if (notes) {
        const body = item.notesHtml ? item.notesHtml : '<div class="lines" aria-hidden="true"></div>';
        const named = `${item.number}. ${escapeHtml(item.title)}`;
        const label = layout === '1' ? `<p class="notes-label">Notes</p>` : `<p class="notes-label">${named}</p>`;
        // data-slide and data-label: notes too long for their frame continue on a page of their
        // own after this one (outputs/continue-notes.ts), labelled with the slide they belong to.
        cells.push(
          `<div class="notes${item.notesHtml ? '' : ' empty'}" style="${position(notes)}" data-slide="${index + 1}" data-label="${named}">${label}${body}</div>`,
        );
      }
    }
    pages.push(handoutPage(cells.join('\n'), page + 1, pageCount));
  }
  function handoutPage(body: string, number: number, count: number): string {
    return `<div class="page">
<header class="running"><span class="running-title">${escapeHtml(title)}</span><span class="running-kind">Handout</span></header>
${body}
<footer class="running"><span>${escapeHtml(config.meta.author ?? '')}</span><span class="page-number">${number ? `Page ${number} of ${count}` : ''}</span></footer>
</div>`;
  }
  // The page notes continue on: the whole area inside the margins, for as many pages as they need.
  const inner = { x: MARGIN.side, y: MARGIN.top, width: paper.width - 2 * MARGIN.side, height: paper.height - MARGIN.top - MARGIN.bottom };
  const continuation = `<template id="notes-continued">${handoutPage(`<div class="notes continued" style="${position(inner)}"></div>`, 0, 0)}</template>`;
  const html = htmlDocument({
    lang: config.meta.lang,
    title: `${title} — handout`,
    head: `${stylesheetLinks(stylesheets)}
<style>@page { size: ${paper.css}; margin: 0; } .page { width: ${paper.width}mm; height: ${paper.height}mm; }</style>`,
    policy: printedPolicy(config),
    body: `<body class="handout layout-${layout}">
${pages.join('\n')}
${layout === '6' ? '' : continuation}
</body>`,
  });
  return { html, slots, pages: pageCount };
}

function cellGeometry(
  layout: HandoutLayout,
  k: number,
  paper: { width: number; height: number },
  ratio: number,
): { slide: Box; notes?: Box } {
  const innerWidth = paper.width - 2 * MARGIN.side;
  const innerHeight = paper.height - MARGIN.top - MARGIN.bottom;
  if (layout === '1') {
    const slide = { x: MARGIN.side, y: MARGIN.top, width: innerWidth, height: innerWidth * ratio };
    const top = slide.y + slide.height + GAP;
    return { slide, notes: { x: MARGIN.side, y: top, width: innerWidth, height: paper.height - MARGIN.bottom - top } };
  }
  if (layout === '3') {
    const rowHeight = innerHeight / 3;
    const width = innerWidth * 0.5;
    const y = MARGIN.top + k * rowHeight;
    const slide = { x: MARGIN.side, y, width, height: width * ratio };
    return { slide, notes: { x: MARGIN.side + width + GAP, y, width: innerWidth - width - GAP, height: rowHeight - GAP } };
  }
  const width = (innerWidth - GAP) / 2;
  const rowHeight = innerHeight / 3;
  return {
    slide: { x: MARGIN.side + (k % 2) * (width + GAP), y: MARGIN.top + Math.floor(k / 2) * rowHeight, width, height: width * ratio },
  };
}

function slideRatio(options: Readonly<Record<string, unknown>>): number {
  const width = typeof options['width'] === 'number' ? options['width'] : 1280;
  const height = typeof options['height'] === 'number' ? options['height'] : 720;
  return height / width;
}

function position(box: Box): string {
  const mm = (n: number) => `${n.toFixed(2)}mm`;
  return `left:${mm(box.x)};top:${mm(box.y)};width:${mm(box.width)};height:${mm(box.height)}`;
}
