import { BriefError, type SourceLocation } from '../errors.js';

/**
 * Every bound rfc-brief puts on what a briefing may ask of the machine, in one table (issue 15):
 * a hostile or broken deck gets an error that names the limit, not a hang, a stack trace or an
 * out-of-memory kill. Each default is far above what a real briefing needs; `RFC_BRIEF_LIMITS`
 * raises (or lowers) any of them, e.g. `RFC_BRIEF_LIMITS=rows=200000,slides=20000`.
 * docs/security.md lists them with the test of each.
 */
export const LIMITS = {
  fileBytes: { value: 32 * 1024 * 1024, what: 'bytes in one file the briefing reads (Markdown, data, stylesheet, reveal-md.json)' },
  slideBytes: { value: 1024 * 1024, what: 'bytes of Markdown in one slide' },
  slides: { value: 10_000, what: 'slides in one briefing' },
  tableRows: { value: 2_000, what: 'rows in one Markdown table' },
  htmlNesting: { value: 256, what: 'levels of raw HTML elements nested in one slide' },
  yamlKeys: { value: 1_000, what: 'keys in the front matter or in one chart specification (at every level together)' },
  yamlAliases: { value: 100, what: 'YAML aliases (*name) in the front matter or a chart' },
  rows: { value: 100_000, what: "rows of one chart's data (a file, inline values or a sequence)" },
  stringLength: { value: 100_000, what: 'characters of a string a chart expression builds (pad, format)' },
  chartMs: { value: 60_000, what: 'milliseconds one chart may take to draw' },
  chartHeapMb: { value: 512, what: 'MB of memory (heap) one chart may take to draw' },
  chartBytes: { value: 64 * 1024 * 1024, what: 'bytes of SVG one chart draws' },
  regexMs: { value: 2_000, what: 'milliseconds a separator regular expression may run over one file' },
  // KaTeX's time and output grow with a formula's length (20,000 characters: about 1 s and 3 MB of HTML).
  formulaChars: { value: 10_000, what: 'characters of TeX in one formula' },
  formulas: { value: 1_000, what: 'formulas on one slide (and as many in its notes)' },
} as const;

export type LimitName = keyof typeof LIMITS;

export const LIMITS_ENV = 'RFC_BRIEF_LIMITS';

let cached: { text: string; values: Record<LimitName, number> } | undefined;

/** The limit in force: the default, or what RFC_BRIEF_LIMITS says. */
export function limit(name: LimitName, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env[LIMITS_ENV] ?? '';
  if (cached?.text !== text) cached = { text, values: parseLimits(text) };
  return cached.values[name];
}

/** `name=value,name=value`; a name that is not a limit or a value that is not a count is refused. */
export function parseLimits(text: string): Record<LimitName, number> {
  const values = Object.fromEntries(Object.entries(LIMITS).map(([name, { value }]) => [name, value])) as Record<LimitName, number>;
  for (const part of text.split(/[,\s]+/).filter(Boolean)) {
    const [name = '', raw = ''] = part.split('=', 2);
    if (!(name in LIMITS)) {
      throw new BriefError('BAD_OPTION', `${LIMITS_ENV} names "${name}", which is not a limit`, {
        hint: `Limits: ${Object.keys(LIMITS).join(', ')}.`,
      });
    }
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new BriefError('BAD_OPTION', `${LIMITS_ENV}: "${part}" must give a whole number above 0`, {
        hint: `For example ${LIMITS_ENV}=${name}=${LIMITS[name as LimitName].value * 2}.`,
      });
    }
    values[name as LimitName] = value;
  }
  return values;
}

/** The error for going past a limit: what was found, the limit by name, and how to raise it. */
export function overLimit(name: LimitName, found: string, where: SourceLocation | undefined, advice?: string): BriefError {
  const max = limit(name);
  return new BriefError('LIMIT', `${found}; rfc-brief allows at most ${max.toLocaleString('en')} ${LIMITS[name].what} (limit "${name}")`, {
    where,
    hint: `${advice ? `${advice} ` : ''}To raise the limit: ${LIMITS_ENV}=${name}=${max * 2} rfc-brief ...`,
  });
}

/** Throws overLimit when `count` is past the limit. */
export function checkLimit(
  name: LimitName,
  count: number,
  found: (count: number) => string,
  where?: SourceLocation,
  advice?: string,
): void {
  if (count > limit(name)) throw overLimit(name, found(count), where, advice);
}
