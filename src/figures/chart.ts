import { parseDocument } from 'yaml';
import { statSync } from 'node:fs';
import { readContentFile } from '../content/open-file.js';
import { confineData, loadData } from '../content/data.js';
import { VERSION } from '../version.js';
import { FigureCache } from './cache.js';
import { checkEncodings } from './chart-data.js';
import { boundSpec } from './chart-limits.js';
import { drawSvg, readTable } from './bounded-chart.js';
import { checkYamlKeys, yamlToJs } from '../config/bounded-yaml.js';
import { assertRegularFile } from '../content/special-files.js';
import { BriefError, type SourceLocation, type Diagnostic, warning } from '../errors.js';
import type { FigureBlock } from '../markdown/figures.js';
import type { Palette } from './palette.js';
import { accessible, scopeIds, unscoped } from './svg.js';
import { chartConfig } from './vega-setup.js';

export interface DrawnFigure {
  readonly svg: string;
  /** The figure's description: the SVG's accessible name and the report's caption. */
  readonly caption: string;
}

/**
 * A Vega-Lite chart drawn to static SVG in Node: no browser, no canvas, no script in the output,
 * and its text stays text. Data may be inline or a CSV/JSON file of the briefing.
 */
export async function drawChart(
  block: FigureBlock,
  root: string,
  palette: Palette,
  warnings: Diagnostic[],
  cache?: FigureCache,
): Promise<DrawnFigure> {
  const spec = readSpec(block);
  // A chart whose specification, data and palette did not change is not drawn again: loading
  // vega alone costs a rebuild more than everything else it does.
  const key = cache
    ? FigureCache.keyOf(['chart', VERSION, palette, block.source, dataStamp(spec, root, { file: block.file, line: block.line })])
    : undefined; // VERSION pins vega too (package-lock)
  const cached = key ? cache?.get(key) : undefined;
  const entry = cached ? readEntry(cached) : undefined;
  if (entry) {
    const { figure, warnings: kept } = entry;
    for (const message of kept) warnings.push(warning('chart', message, { file: block.file, line: block.line }));
    return { ...figure, svg: scopeIds(figure.svg, block.key) };
  }
  const own: Diagnostic[] = [];
  const figure = await draw(block, spec, root, palette, own);
  warnings.push(...own);
  if (key)
    cache?.put(key, JSON.stringify({ figure: { ...figure, svg: unscoped(figure.svg, block.key) }, warnings: own.map((w) => w.message) }));
  return figure;
}

/** A cache entry that cannot be read is a miss. */
function readEntry(text: string): { figure: DrawnFigure; warnings: string[] } | undefined {
  try {
    const entry = JSON.parse(text) as { figure?: DrawnFigure; warnings?: string[] };
    return entry.figure && Array.isArray(entry.warnings) ? { figure: entry.figure, warnings: entry.warnings } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The data file's text, when the chart names one: part of the cache key. Found by the same
 * confinement as the data itself, so a name that leads outside is refused here, before the cache
 * is asked, with the error drawing would give; a network URL or a missing file has no stamp, and
 * drawing says why.
 */
function dataStamp(spec: Record<string, unknown>, root: string, where: SourceLocation): string {
  const data = spec['data'];
  const name = isRecord(data) ? (data['url'] ?? data['file']) : undefined;
  if (typeof name !== 'string' || NETWORK_URL.test(name)) return '';
  const path = confineData(root, name, where);
  if (path === undefined || !statSync(path).isFile()) return '';
  assertRegularFile(path, { subject: `the chart's data file ${name}`, where, code: 'DATA' });
  return readContentFile(root, path, where, name).toString('utf8');
}

/** A URL with a scheme (https:, file:, data:): refused when drawing, never read from the disk. */
const NETWORK_URL = /^[a-z][a-z0-9+.-]*:/i;

async function draw(
  block: FigureBlock,
  spec: Record<string, unknown>,
  root: string,
  palette: Palette,
  warnings: Diagnostic[],
): Promise<DrawnFigure> {
  const where = { file: block.file, line: block.line };
  const data = spec['data'];
  if (isRecord(data) && typeof (data['url'] ?? data['file']) === 'string') {
    const name = String(data['url'] ?? data['file']);
    if (NETWORK_URL.test(name)) {
      throw new BriefError('CHART', `the chart loads ${name} from the network; a briefing must build offline`, {
        where,
        hint: 'Save the data as a CSV or JSON file in the briefing folder and name that.',
      });
    }
    const rows = await loadData(root, name, where, (text, type) => readTable(text, type, where));
    checkEncodings(spec, { rows, file: name }, where);
    spec['data'] = { values: rows };
  } else {
    const values = isRecord(data) && Array.isArray(data['values']) ? data['values'].filter(isRecord) : [];
    checkEncodings(spec, { rows: values, file: undefined }, where);
  }
  boundSpec(spec, where, warnings);
  const title = titleOf(spec['title']);
  const description = typeof spec['description'] === 'string' ? spec['description'] : '';
  if (!title || !description) {
    warnings.push(
      warning(
        'chart',
        `the chart has no ${!title ? 'title' : 'description'}; give it one (the description is its accessible name and caption)`,
        where,
      ),
    );
  }
  checkMark(spec, where);
  // Drawn in a process of its own, with a heap and a deadline of its own (bounded-chart.ts).
  const reply = await drawSvg(spec, chartConfig(palette), where);
  if ('error' in reply)
    throw new BriefError('CHART', `the chart cannot be drawn: ${reply.error}`, {
      where,
      hint: 'Check the Vega-Lite specification: https://vega.github.io/vega-lite/docs/',
    });
  const { svg, warnings: vegaWarnings } = reply;
  for (const message of vegaWarnings) warnings.push(warning('chart', `chart: ${message}`, where));
  return { svg: accessible(scopeIds(svg, block.key), title, description), caption: description || title };
}

// https://vega.github.io/vega-lite/docs/mark.html: Vega-Lite's own error for another is unreadable.
const MARKS = [
  'arc',
  'area',
  'bar',
  'image',
  'line',
  'point',
  'rect',
  'rule',
  'text',
  'tick',
  'trail',
  'circle',
  'square',
  'geoshape',
  'boxplot',
  'errorband',
  'errorbar',
];

function checkMark(spec: Record<string, unknown>, where: { file: string; line: number }): void {
  const mark = spec['mark'];
  const type = isRecord(mark) ? mark['type'] : mark;
  if (type !== undefined && (typeof type !== 'string' || !MARKS.includes(type))) {
    throw new BriefError('CHART', `the chart cannot be drawn: "${String(type)}" is not a Vega-Lite mark`, {
      where,
      hint: `Marks: ${MARKS.join(', ')}.`,
    });
  }
}

function readSpec(block: FigureBlock): Record<string, unknown> {
  checkYamlKeys(block.source, { file: block.file, line: block.line }, 'the chart specification');
  const doc = parseDocument(block.source);
  const error = doc.errors[0];
  if (error) {
    const line = block.line + 1 + (block.source.slice(0, error.pos[0]).match(/\n/g)?.length ?? 0);
    throw new BriefError(
      'CHART',
      `the chart specification is not valid YAML or JSON: ${error.message.split('\n')[0]?.replace(/ at line.*$/, '')}`,
      { where: { file: block.file, line } },
    );
  }
  const value = yamlToJs(doc, { file: block.file, line: block.line }, 'the chart specification');
  if (!isRecord(value)) {
    throw new BriefError('CHART', 'a chart block holds a Vega-Lite specification: "key: value" lines or a JSON object', {
      where: { file: block.file, line: block.line },
    });
  }
  return value;
}

function titleOf(title: unknown): string {
  if (typeof title === 'string') return title;
  if (isRecord(title) && typeof title['text'] === 'string') return title['text'];
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
