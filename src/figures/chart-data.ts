import { suggest } from '../config/suggest.js';
import { BriefError, type SourceLocation } from '../errors.js';

/** https://vega.github.io/vega-lite/docs/type.html */
const TYPES = ['quantitative', 'temporal', 'ordinal', 'nominal', 'geojson'] as const;

/** Where the chart's rows came from: a data file of the briefing, or the spec's own values. */
export interface ChartData {
  readonly rows: readonly Record<string, unknown>[];
  /** The data file as the person named it, or undefined for inline values. */
  readonly file: string | undefined;
}

/** Stands for "a transform makes fields that cannot be known before it runs". */
const ANY = '\u0000any';

interface FieldUse {
  readonly channel: string;
  readonly field: string;
  readonly type: unknown;
}

/**
 * Checks a chart's encodings against its data before Vega draws it: Vega would draw a field that
 * is not a column as an empty chart (its only hint "Infinite extent for field ..."), drop a row
 * whose number is a word without a word, and name an unknown type "undefined" (issue 13).
 */
export function checkEncodings(spec: Record<string, unknown>, data: ChartData, where: SourceLocation): void {
  const uses = fieldUses(spec);
  const made = derivedFields(spec);
  const columns = [...new Set(data.rows.flatMap((row) => Object.keys(row)))];
  const source = data.file ?? "the chart's inline data";
  const fail = (message: string, hint: string) => new BriefError('CHART', message, { where, hint });
  for (const use of uses) {
    if (use.type !== undefined && (typeof use.type !== 'string' || !(TYPES as readonly string[]).includes(use.type))) {
      const close = typeof use.type === 'string' ? suggest(use.type, TYPES) : undefined;
      throw fail(
        `the chart's "${use.channel}" encoding of "${use.field}" has the type "${String(use.type)}", which Vega-Lite does not know`,
        `${close ? `Did you mean "${close}"? ` : ''}Types: ${TYPES.join(', ')}.`,
      );
    }
    // Data from elsewhere (a transform, a nested field "a.b", no rows at all) is not checked here.
    if (made.has(use.field) || made.has(ANY) || use.field.includes('.') || data.rows.length === 0) continue;
    if (!columns.includes(use.field)) {
      const close = suggest(use.field, columns);
      throw fail(
        `the chart's "${use.channel}" encoding names the field "${use.field}", which is not a column of ${source} (columns: ${columns.join(', ')})`,
        `${close ? `Did you mean "${close}"? ` : ''}Name one of the columns of ${source}.`,
      );
    }
    checkValues(use, data, source, fail);
  }
}

function checkValues(use: FieldUse, data: ChartData, source: string, fail: (message: string, hint: string) => BriefError): void {
  if (use.type !== 'quantitative' && use.type !== 'temporal') return;
  for (const [index, row] of data.rows.entries()) {
    const value = row[use.field];
    if (value === null || value === undefined || value === '' || readsAs(use.type, value)) continue;
    // A CSV's header is its line 1: row N is on line N + 1.
    const at = data.file && /\.(csv|tsv)$/i.test(data.file) ? `line ${index + 2} of ${source}` : `row ${index + 1} of ${source}`;
    const wanted = use.type === 'quantitative' ? 'a number' : 'a date';
    throw fail(
      `${at} has ${JSON.stringify(value)} in "${use.field}", which the chart's "${use.channel}" encoding reads as ${use.type} (${wanted}): the row would be left out of the chart`,
      `Write ${wanted} there (or leave it empty for a missing value), or give "${use.field}" another type.`,
    );
  }
}

function readsAs(type: 'quantitative' | 'temporal', value: unknown): boolean {
  if (value instanceof Date) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'string') return typeof value === 'boolean' && type === 'quantitative';
  return type === 'quantitative' ? value.trim() !== '' && Number.isFinite(Number(value)) : !Number.isNaN(Date.parse(value));
}

/** Every `field` the spec's encodings name, its layers' included. */
function fieldUses(spec: Record<string, unknown>): FieldUse[] {
  const uses: FieldUse[] = [];
  const visit = (view: Record<string, unknown>) => {
    const encoding = view['encoding'];
    if (isRecord(encoding))
      for (const [channel, definitions] of Object.entries(encoding))
        for (const definition of Array.isArray(definitions) ? definitions : [definitions]) {
          if (!isRecord(definition)) continue;
          const field = definition['field'];
          // `field: { repeat: "row" }` is filled in by a repeat, and an aggregate count has no field.
          if (typeof field === 'string') uses.push({ channel, field, type: definition['type'] });
          else if (definition['type'] !== undefined && field === undefined && definition['aggregate'] === undefined)
            uses.push({ channel, field: '', type: definition['type'] });
        }
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat']) for (const child of arrayOf(view[key])) if (isRecord(child)) visit(child);
    if (isRecord(view['spec'])) visit(view['spec']);
  };
  visit(spec);
  return uses.filter((use) => use.field !== '' || use.type !== undefined);
}

/** Fields a transform or an aggregate makes (`as`): not columns of the data. */
function derivedFields(spec: Record<string, unknown>): Set<string> {
  const made = new Set<string>(['']);
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isRecord(value))
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'as') for (const name of arrayOf(inner)) if (typeof name === 'string') made.add(name);
        // fold's fields when it names none; a pivot makes columns from values: anything goes.
        if (key === 'fold' && value['as'] === undefined) ['key', 'value'].forEach((name) => made.add(name));
        if (key === 'pivot') made.add(ANY);
        if (typeof inner === 'object') collect(inner);
      }
  };
  collect(spec['transform']);
  for (const key of ['layer', 'concat', 'hconcat', 'vconcat'])
    for (const child of arrayOf(spec[key])) if (isRecord(child)) collect(child['transform']);
  return made;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
