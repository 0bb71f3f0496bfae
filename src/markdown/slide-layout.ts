import type { LayoutSyntax } from './layout-syntax.js';
import type { ImageFit, SlideLayout } from './layouts.js';
import type { Region, SlideHeading } from './model.js';
import { arrangeRegions } from './regions.js';

/** The layout part of a Slide (model.ts). */
export interface LaidOutSlide {
  readonly layout: SlideLayout;
  readonly regions: readonly Region[];
  readonly widths: readonly number[];
  readonly heading: SlideHeading | undefined;
  readonly fit: ImageFit | undefined;
}

/**
 * A slide's rendered HTML (as the slides and as the report show it) given the layout its Markdown
 * asked for. A slide without one keeps the one region "body" holding everything, as before #17.
 * `warn` hears what is likely a mistake but builds: columns without a marker, an image split
 * without an image.
 */
export function layOutSlide(
  syntax: LayoutSyntax,
  html: string,
  reportHtml: string,
  line: number,
  warn: (message: string) => void,
): LaidOutSlide {
  const { request } = syntax;
  if (!request) return { layout: 'default', regions: [{ name: 'body', html, reportHtml }], widths: [], heading: undefined, fit: undefined };
  const { layout } = request;
  const slides = arrangeRegions(html, layout);
  const report = reportHtml === html ? slides : arrangeRegions(reportHtml, layout);
  const regions = slides.regions.map((region, index) => ({
    name: region.name,
    html: region.html,
    reportHtml: report.regions[index]?.html ?? '',
    line: syntax.markerLines.get(region.name) ?? line,
  }));
  if (layout.widths.length > 1 && !layout.image && !syntax.marked) {
    const [, second] = layout.regions;
    warn(
      `this ${layout.name} slide has no region markers, so everything is in its ${layout.main} column; start the next with ::${second}::`,
    );
  }
  if (layout.image && regions.find((region) => region.name === layout.image)?.html === '') {
    warn(`this ${layout.name} slide has no image: put one in a paragraph of its own, or after ::image::`);
  }
  const heading = slides.heading || report.heading ? { html: slides.heading, reportHtml: report.heading } : undefined;
  return { layout: layout.name, regions, widths: request.widths, heading, fit: layout.image ? request.fit : undefined };
}
