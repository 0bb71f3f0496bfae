import { LAYOUTS } from '../markdown/layouts.js';
import type { Slide } from '../markdown/model.js';
import { captionFigures } from './report-figures.js';

/**
 * A named layout's slide in the report, which reads top to bottom on paper (issue 17): columns
 * become consecutive blocks, an image split a numbered figure beside its text, a big number a key
 * figure with its source, a statement a pull quote, a quotation a quotation with who said it. The
 * section heading replaces the slide's own.
 */
export function reportLayoutBody(slide: Slide, counters: { figure: number; table: number }): string {
  if (slide.layout === 'default') throw new Error('reportLayoutBody is for slides with a named layout');
  const layout = LAYOUTS[slide.layout];
  const html = (name: string) => slide.regions.find((region) => region.name === name)?.reportHtml ?? '';
  // The section heading is the slide's title: the heading it came from is left out, wherever it is
  // (above the regions, else the first region's that has one, as in an image split's text).
  const titled = slide.heading ? undefined : slide.regions.find((region) => /<h[1-6][\s>]/.test(region.reportHtml))?.name;
  const caption = (name: string) => captionFigures(html(name), slide.title, counters, name !== titled);
  const open = `<div class="report-layout" data-layout="${layout.name}">`;
  switch (layout.report) {
    case 'figure-beside-text': {
      const image = layout.image ?? 'image';
      const width = slide.widths[layout.regions.indexOf(image)] ?? 50;
      // The figure first, so that it floats beside the text that follows it.
      const figure = caption(image);
      const text = caption('text');
      const side = layout.name === 'image-left' ? 'left' : 'right';
      return `<div class="report-layout figure-beside" data-layout="${layout.name}" data-side="${side}" style="--figure-width: ${Math.round(width)}%">\n${figure}<div class="figure-beside-text">\n${text}</div>\n</div>\n`;
    }
    case 'key-figure':
      // The chart beside the number on the slide follows the key figure, numbered like any figure.
      return `${open}\n<div class="key-figure">\n${caption('number')}${part('key-figure-label', caption('label'))}${part('key-figure-source', caption('source'))}</div>\n${caption('chart')}</div>\n`;
    case 'pull-quote':
      return `${open}\n<blockquote class="pull-quote">\n${slide.regions.map((region) => caption(region.name)).join('')}</blockquote>\n</div>\n`;
    case 'quote':
      return `${open}\n<figure class="quotation">\n${caption('quote')}${html('attribution') ? `<figcaption>\n${caption('attribution')}</figcaption>\n` : ''}</figure>\n</div>\n`;
    case 'blocks':
      // No wrapper: a column's list is the section's key points, as a default slide's is.
      return slide.regions.map((region) => caption(region.name)).join('');
  }
}

function part(cls: string, html: string): string {
  return html ? `<div class="${cls}">\n${html}</div>\n` : '';
}
