import { checkLimit, limit, overLimit } from '../config/limits.js';
import { type Diagnostic, type SourceLocation, warning } from '../errors.js';

/**
 * What a chart specification may ask of the machine (issue 15): rows of data (inline values, a
 * `sequence` generator) within the `rows` limit, and no links. vega renders the `href` channel as
 * `<a xlink:href>` around the marks, and crashed on it in Node; a briefing's figure carries no
 * links of its own, so the channel is removed, with a warning.
 */
export function boundSpec(spec: Record<string, unknown>, where: SourceLocation, warnings: Diagnostic[]): void {
  let stripped = false;
  const visit = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) {
      // Rows of data are not looked into: a field called href is data, not a channel.
      if (key === 'values') checkRows(node.length, where);
      else for (const item of node) visit(item, undefined);
      return;
    }
    if (!isRecord(node)) return;
    if (key === 'sequence') checkSequence(node, where);
    for (const [name, value] of Object.entries(node)) {
      if (name === 'href' && key !== 'datasets' && key !== 'data') {
        delete node[name];
        stripped = true;
      } else if (key !== 'datasets') visit(value, name);
      else if (Array.isArray(value)) checkRows(value.length, where);
    }
  };
  visit(spec, undefined);
  if (stripped)
    warnings.push(
      warning('chart', 'the chart uses the "href" channel (links on its marks); a figure carries no links, so it was removed', where),
    );
}

function checkRows(count: number, where: SourceLocation): void {
  checkLimit('rows', count, (n) => `the chart's data has ${n.toLocaleString('en')} rows`, where);
}

/** `sequence: {start, stop, step}` makes (stop - start) / step rows: counted before vega makes them. */
function checkSequence(sequence: Record<string, unknown>, where: SourceLocation): void {
  const start = Number(sequence['start'] ?? 0);
  const stop = Number(sequence['stop']);
  const step = Math.abs(Number(sequence['step'] ?? 1));
  const count = step > 0 ? Math.ceil(Math.abs(stop - start) / step) : Infinity;
  if (!Number.isFinite(count) || count > limit('rows'))
    throw overLimit(
      'rows',
      `the chart's data sequence makes ${Number.isFinite(count) ? count.toLocaleString('en') : 'endless'} rows`,
      where,
    );
}

const UNIT_MS: Readonly<Record<string, number>> = {
  millisecond: 1,
  second: 1e3,
  minute: 6e4,
  hour: 3.6e6,
  day: 8.64e7,
  date: 8.64e7,
  week: 6.048e8,
  month: 2.5e9,
  quarter: 7.6e9,
  year: 3.1e10,
};

type Fn = (...args: unknown[]) => unknown;
/** vega's `expressionFunction`: with a name only it returns the function, with two it registers one. */
type ExpressionFunction = (name: string, fn?: Fn) => unknown;

let bounded = false;

/**
 * vega's expression functions that build a string or an array from a number (`pad(x, 1e9)`,
 * `format(1, "1000000000d")`, `sequence(0, 1e9)`, `timeSequence('millisecond', ...)`) are wrapped
 * once per chart process so that a `calculate` or a signal cannot ask for gigabytes: past the
 * `stringLength` or `rows` limit they throw, and the chart fails with a CHART error naming it.
 */
export function boundExpressions(expressionFunction: ExpressionFunction): void {
  if (bounded) return;
  bounded = true;
  const wrap = (name: string, check: (args: unknown[]) => void) => {
    const original = expressionFunction(name);
    if (typeof original !== 'function') return;
    expressionFunction(name, function (this: unknown, ...args: unknown[]) {
      check(args);
      return (original as Fn).apply(this, args);
    });
  };
  const tooLong = (what: string, n: number) => {
    if (n > limit('stringLength'))
      throw new Error(
        `${what} asks for ${n.toLocaleString('en')} characters, past the limit "stringLength" (${limit('stringLength')}); raise it with RFC_BRIEF_LIMITS=stringLength=N`,
      );
  };
  const tooMany = (what: string, n: number) => {
    if (!(n <= limit('rows')))
      throw new Error(
        `${what} makes ${Number.isFinite(n) ? n.toLocaleString('en') : 'endless'} items, past the limit "rows" (${limit('rows')}); raise it with RFC_BRIEF_LIMITS=rows=N`,
      );
  };
  wrap('pad', ([, length]) => tooLong('pad()', Number(length) || 0));
  wrap('format', ([, specifier]) => tooLong('format()', Math.max(0, ...(String(specifier).match(/\d+/g) ?? ['0']).map(Number))));
  wrap('sequence', (args) => {
    const [a = 0, b, step = 1] = args.map(Number);
    const [start, stop] = args.length < 2 ? [0, a] : [a, b ?? 0];
    tooMany('sequence()', Math.abs(step) > 0 ? Math.ceil(Math.abs(stop - start) / Math.abs(step)) : Infinity);
  });
  for (const name of ['timeSequence', 'utcSequence']) {
    wrap(name, ([unit, start, stop, step = 1]) => {
      const span = Math.abs(Number(new Date(stop as number)) - Number(new Date(start as number)));
      tooMany(`${name}()`, span / ((UNIT_MS[String(unit)] ?? 1) * Math.max(Number(step) || 1, 1)));
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
