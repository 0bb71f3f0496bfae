import { LAYOUTS } from '../markdown/layouts.js';
import type { Slide } from '../markdown/model.js';
import type { Target } from '../markdown/only.js';
import { escapeHtml } from './html.js';

/**
 * A named layout's slide body, as every slide document (deck, static print page, handout) shows it
 * (BRIEF-CONTRACT.md): the heading, when the layout sets one above its regions, stays a child of
 * the <section>; the regions follow in one `div.layout-regions`, each a `div[data-region=NAME]`.
 * Side-by-side regions get their widths as the grid's columns, inline: the one style that differs
 * from slide to slide. Everything else is the theme's CSS (themes/layouts.css); no script.
 */
export function layoutBody(slide: Slide, target: Target): string {
  const pick = (part: { readonly html: string; readonly reportHtml: string }) => (target === 'slides' ? part.html : part.reportHtml);
  const heading = slide.heading ? pick(slide.heading) : '';
  const columns =
    slide.widths.length > 1
      ? ` style="grid-template-columns: ${slide.widths.map((width) => `minmax(0, ${cssNumber(width)}fr)`).join(' ')}"`
      : '';
  const image = slide.layout === 'default' ? undefined : LAYOUTS[slide.layout].image;
  const regions = slide.regions.map((region) => {
    const fit = region.name === image && slide.fit ? ` data-fit="${slide.fit}"` : '';
    const html = pick(region);
    // An empty region is written empty, so the theme can tell (:empty) and leave its room out.
    return `<div data-region="${escapeHtml(region.name)}"${fit}>${html ? `\n${html}` : ''}</div>\n`;
  });
  return `${heading}<div class="layout-regions"${columns}>\n${regions.join('')}</div>\n`;
}

/** The attributes a named layout adds to its slide's <section>; none for the default layout. */
export function layoutAttributes(slide: Slide): Record<string, string> {
  return slide.layout === 'default' ? {} : { 'data-layout': slide.layout };
}

function cssNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
