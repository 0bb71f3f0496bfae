import type { DrawnFigure } from '../figures/chart.js';
import type { Slide, SlideStack } from '../markdown/model.js';
import { escapeHtml } from './html.js';

const PLACEHOLDER = /<rfc-figure data-key="([^"]*)"><\/rfc-figure>\n?/g;

/** Puts each drawn figure where its block was: the deck's and the report's own colours. */
export function placeFigures(
  stacks: readonly SlideStack[],
  screen: ReadonlyMap<string, DrawnFigure>,
  paper: ReadonlyMap<string, DrawnFigure>,
): SlideStack[] {
  const fill = (html: string, figures: ReadonlyMap<string, DrawnFigure>) =>
    html.replace(PLACEHOLDER, (_, encoded: string) => {
      const figure = figures.get(encoded.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
      if (!figure) return '';
      return `<figure class="drawn" data-caption="${escapeHtml(figure.caption)}">${figure.svg}</figure>\n`;
    });
  return stacks.map((stack) =>
    stack.map((slide): Slide => ({
      ...slide,
      regions: slide.regions.map((region) => ({ ...region, html: fill(region.html, screen), reportHtml: fill(region.reportHtml, paper) })),
    })),
  );
}
