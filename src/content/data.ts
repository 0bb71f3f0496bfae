import { relative, resolve } from 'node:path';
import { BriefError, type SourceLocation } from '../errors.js';
import { confine } from './confine.js';
import { readContentFile } from './open-file.js';
import { assertRegularFile } from './special-files.js';
import { checkLimit } from '../config/limits.js';

/** Parses the text of a CSV or TSV file into rows: vega's reader, which runs where charts are drawn. */
export type TableReader = (text: string, type: 'csv' | 'tsv') => Promise<Record<string, unknown>[]>;

/**
 * Reads a data file a chart names (CSV or JSON), from inside the briefing folder only. A CSV row
 * with the wrong number of fields is an error naming the data file's line, not a silent gap.
 */
export async function loadData(root: string, name: string, where: SourceLocation, readTable: TableReader): Promise<Record<string, unknown>[]> {
  const path = confineData(root, name, where);
  const rel = relative(root, resolve(root, name));
  if (path === undefined) {
    throw new BriefError('DATA', `the chart's data file ${name} does not exist`, { where, hint: `Create ${rel} in the briefing folder, or fix the name.` });
  }
  // Refused before it is opened: a FIFO would block, /dev/zero never end (special-files.ts).
  assertRegularFile(path, { subject: `the chart's data file ${name}`, where, code: 'DATA' });
  const text = readContentFile(root, path, where, name).toString('utf8');
  const file = { file: rel, line: undefined };
  if (/\.json$/i.test(name)) {
    try {
      const value: unknown = JSON.parse(text);
      if (Array.isArray(value)) {
        checkLimit('rows', value.length, (n) => `${rel} holds ${n.toLocaleString('en')} rows`, where);
        return value as Record<string, unknown>[];
      }
    } catch (error) {
      if (error instanceof BriefError) throw error;
      throw new BriefError('DATA', `${rel} is not valid JSON: ${(error as Error).message}`, { where: file });
    }
    throw new BriefError('DATA', `${rel} must hold a JSON array of rows`, { where: file });
  }
  if (!/\.(csv|tsv)$/i.test(name)) throw new BriefError('DATA', `${name}: a chart reads .csv, .tsv or .json files`, { where });
  const type = /\.tsv$/i.test(name) ? 'tsv' : 'csv';
  const rows = checkRows(text, type === 'tsv' ? '\t' : ',', rel);
  checkLimit('rows', rows, (n) => `${rel} holds ${n.toLocaleString('en')} rows`, where);
  return readTable(text, type);
}

/**
 * The real path of the data file a chart names, or undefined when there is none; one outside the
 * briefing is refused (confine.ts). The chart's cache key reads the file through this too.
 */
export function confineData(root: string, name: string, where: SourceLocation): string | undefined {
  return confine(root, name, where, {
    code: 'DATA',
    subject: `the chart's data file ${name}`,
    hint: 'Put it in the briefing folder, e.g. data/results.csv.',
  });
}

/** Every row has as many fields as the header (quoted fields may hold separators and newlines). */
function checkRows(text: string, separator: string, file: string): number {
  let rows = 0;
  let fields = 1;
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let expected: number | undefined;
  const endRow = () => {
    rows++;
    if (expected === undefined) expected = fields;
    else if (fields !== expected) {
      throw new BriefError('DATA', `this row has ${fields} field${fields === 1 ? '' : 's'} where the header has ${expected}`, {
        where: { file, line: rowLine },
        hint: 'Quote fields that contain a comma ("1,000"), or fix the row.',
      });
    }
    fields = 1;
  };
  const body = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) fields++;
    else if (char === '\n') {
      line++;
      if (!quoted) {
        endRow();
        rowLine = line;
      }
    }
  }
  if (body.length > 0) endRow();
  // The header is not a row of data.
  return Math.max(rows - 1, 0);
}
