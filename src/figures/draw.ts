import type { Theme } from '../config/themes.js';
import { warning, type Diagnostic } from '../errors.js';
import type { FigureBlock } from '../markdown/figures.js';
import { FigureCache } from './cache.js';
import { drawChart, type DrawnFigure } from './chart.js';
import { samePalette } from '../config/palette.js';
import { paletteFor, type Palette } from './palette.js';

/** Draws diagrams that are not in the cache; given by the build, which owns the browser. */
export type DiagramDrawer = (blocks: readonly FigureBlock[], palette: Palette, warnings: Diagnostic[]) => Promise<Map<string, string>>;

export interface DrawnFigures {
  /** For the deck (and so the slides PDF and handout): the theme's colours. */
  readonly screen: ReadonlyMap<string, DrawnFigure>;
  /** For the report, which is printed on white paper. */
  readonly paper: ReadonlyMap<string, DrawnFigure>;
}

export interface DrawOptions {
  readonly root: string;
  readonly theme: Theme;
  readonly cache: FigureCache;
  /** Part of every diagram's cache key: a new mermaid draws anew. */
  readonly diagramEngine: string;
  readonly drawDiagrams: DiagramDrawer;
  /** Told once the last chart is drawn, while diagrams may still be drawing (the chart process can go). */
  readonly chartsDrawn?: (() => void) | undefined;
}

/** Every chart and diagram, drawn once per palette the outputs need. */
export async function drawFigures(blocks: readonly FigureBlock[], options: DrawOptions, warnings: Diagnostic[]): Promise<DrawnFigures> {
  const screenPalette = paletteFor(options.theme, 'screen');
  const paperPalette = paletteFor(options.theme, 'paper');
  // Compared by value: each theme's palette is read afresh, so the light theme's two are equal, not one object.
  const onePalette = samePalette(paperPalette, screenPalette);
  const screen = await drawAll(blocks, screenPalette, options, warnings, onePalette);
  const paper = onePalette ? screen : await drawAll(blocks, paperPalette, options, [], true);
  return { screen, paper };
}

async function drawAll(
  blocks: readonly FigureBlock[],
  palette: Palette,
  options: DrawOptions,
  warnings: Diagnostic[],
  last: boolean,
): Promise<Map<string, DrawnFigure>> {
  // The diagrams are asked for first: they are drawn in the browser while the charts are drawn
  // here, in Node.
  const diagramWarnings: Diagnostic[] = [];
  const diagrams = drawDiagramsCached(
    blocks.filter((b) => b.kind === 'mermaid'),
    palette,
    options,
    diagramWarnings,
  );
  // Handled at once: a browser that fails while the charts are still drawn is reported below,
  // not as an unhandled rejection.
  diagrams.catch(() => undefined);
  const charts = new Map<string, DrawnFigure>();
  try {
    for (const block of blocks.filter((b) => b.kind === 'chart'))
      charts.set(block.key, await drawChart(block, options.root, palette, warnings, options.cache));
  } finally {
    if (last) options.chartsDrawn?.();
    // A failed chart still waits for the browser's work to end before the build goes on; the
    // diagrams' warnings follow the charts', whichever finished first.
    await diagrams.catch(() => undefined);
    warnings.push(...diagramWarnings);
  }
  const drawnDiagrams = await diagrams;
  // In the order the blocks came.
  return new Map(
    blocks.flatMap((block) => {
      const figure = charts.get(block.key) ?? drawnDiagrams.get(block.key);
      return figure ? [[block.key, figure] as const] : [];
    }),
  );
}

async function drawDiagramsCached(
  diagrams: readonly FigureBlock[],
  palette: Palette,
  options: DrawOptions,
  warnings: Diagnostic[],
): Promise<Map<string, DrawnFigure>> {
  const keyOf = (block: FigureBlock) => FigureCache.keyOf(['mermaid', options.diagramEngine, palette, block.source]);
  const cached = new Map(diagrams.map((block) => [block.key, options.cache.get(keyOf(block))]));
  const missing = diagrams.filter((block) => cached.get(block.key) === undefined);
  const fresh = missing.length > 0 ? await options.drawDiagrams(missing, palette, warnings) : new Map<string, string>();
  const drawn = new Map<string, DrawnFigure>();
  for (const block of diagrams) {
    const svg = fresh.get(block.key) ?? cached.get(block.key) ?? '';
    if (fresh.has(block.key)) options.cache.put(keyOf(block), svg);
    const caption = diagramCaption(block.source);
    // As a chart without a description: said, and no caption made up for it.
    if (!caption)
      warnings.push(
        warning('diagram', 'the diagram has no accTitle or accDescr; give it one (accDescr is its accessible name and caption)', {
          file: block.file,
          line: block.line,
        }),
      );
    drawn.set(block.key, { svg, caption });
  }
  return drawn;
}

/** mermaid's own accessibility lines give the caption: accDescr, else accTitle. */
export function diagramCaption(source: string): string {
  const descr = /^\s*accDescr\s*:\s*(.+)$/m.exec(source)?.[1];
  const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1];
  return (descr ?? title ?? '').trim();
}
