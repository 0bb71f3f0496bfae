/**
 * Code steps as reveal.js writes them: ```` ```js [1|3-5] ```` (its Markdown plugin turns the
 * brackets into data-line-numbers="1|3-5"), or data-line-numbers on a <code> of raw HTML. Each
 * step, separated by "|", is a list of lines and ranges, separated by ","; its highlight plugin
 * shows the code with line numbers and steps through the steps as fragments. This module is the
 * reading of those lists, reveal.js's own (plugin/highlight: deserializeHighlightSteps,
 * serializeHighlightSteps, highlightLines) so that the same text gives the same steps, with what
 * reveal.js silently ignores said as a problem.
 */

/** `start` alone is one line; with `end`, the lines start..end. Neither: a part reveal.js ignores. */
export interface LineRange {
  readonly start?: number;
  readonly end?: number;
}

/** The lines one step highlights; highlighting none shows every line undimmed. */
export type HighlightStep = readonly LineRange[];

/**
 * reveal.js's Markdown plugin: `[lines]` or `[offset: lines]` anywhere in the info string; only
 * digits, spaces, commas, hyphens and "|" inside.
 */
const LINE_NUMBERS = /\[\s*((\d*):)?\s*([\s\d,|-]*)\]/;

export interface CodeInfo {
  readonly language: string;
  /** data-line-numbers: undefined when the info string asks for none. */
  readonly lineNumbers: string | undefined;
  /** data-ln-start-from: the number the first line shows. */
  readonly startFrom: string | undefined;
  /** Brackets after the language that reveal.js does not read as line numbers. */
  readonly unread: string | undefined;
}

/** A fence's info string: "js [1|3-5]", "js[25: 1,4-8]", "python []". */
export function parseCodeInfo(info: string): CodeInfo {
  const match = LINE_NUMBERS.exec(info);
  const rest = (match ? info.replace(LINE_NUMBERS, '') : info).trim();
  const language = /^[^\s[]*/.exec(rest)?.[0] ?? '';
  const unread = match ? undefined : /\[[^\]]*\]/.exec(rest)?.[0];
  return { language, lineNumbers: match?.[3]?.trim(), startFrom: match?.[2]?.trim() || undefined, unread };
}

/** reveal.js's deserializeHighlightSteps: white space dropped, "|" between steps, "," between parts. */
export function parseHighlightSteps(spec: string): HighlightStep[] {
  return spec
    .replace(/\s/g, '')
    .split('|')
    .map((step) =>
      step.split(',').map((part): LineRange => {
        if (!/^[\d-]+$/.test(part)) return {};
        const [first = '', second = ''] = part.split('-');
        const start = parseInt(first, 10);
        const end = parseInt(second, 10);
        return Number.isNaN(end) ? { start } : { start, end };
      }),
    );
}

/** reveal.js's serializeHighlightSteps, for one step: what a step's copy carries as data-line-numbers. */
export function serializeHighlightStep(step: HighlightStep): string {
  return step
    .map((part) => (part.end !== undefined ? `${part.start}-${part.end}` : part.start !== undefined ? `${part.start}` : ''))
    .join(',');
}

/**
 * The 1-based rows a step highlights, as reveal.js's CSS selectors pick them out of `rows` rows:
 * `tr:nth-child(n+start):nth-child(-n+end)` for a range, `tr:nth-child(start)` for a line. Rows
 * count from the first line whatever number it shows (data-ln-start-from).
 */
export function highlightedRows(step: HighlightStep, rows: number): Set<number> {
  const found = new Set<number>();
  for (const { start, end } of step) {
    if (start === undefined || Number.isNaN(start)) continue;
    if (end === undefined) {
      if (start >= 1 && start <= rows) found.add(start);
      continue;
    }
    for (let row = Math.max(1, start); row <= Math.min(end, rows); row++) found.add(row);
  }
  return found;
}

/**
 * What reveal.js would silently ignore or get wrong in `spec` for code of `rows` lines: a part
 * that is no line or range, a range that runs backwards, a line past the end. "0" and empty
 * steps are reveal.js's way of writing "no line highlighted" ([0|1,6], [|1-4]), not mistakes.
 */
export function lineNumberProblems(spec: string, rows: number): string[] {
  const problems: string[] = [];
  spec
    .replace(/\s/g, '')
    .split('|')
    .forEach((step, index) => {
      for (const part of step.split(',')) {
        if (part === '') continue;
        const named = `"${part}" (step ${index + 1} of [${spec}])`;
        const range = /^(\d+)(?:-(\d*))?$/.exec(part);
        if (!range) {
          problems.push(`${named} is no line or range of lines (write 3, 3-5 or 3,7, and | between steps)`);
          continue;
        }
        const start = Number(range[1]);
        const end = range[2] ? Number(range[2]) : start;
        if (end < start) problems.push(`${named} runs backwards and highlights nothing`);
        else if (start > rows) problems.push(`${named} is past the last line of the code (it has ${rows})`);
        else if (end > rows) problems.push(`${named} runs past the last line of the code (it has ${rows})`);
      }
    });
  return problems;
}
