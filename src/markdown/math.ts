import type { MarkedExtension, Tokens } from 'marked';

/**
 * Where a briefing writes TeX: reveal.js's math plugin's delimiters (https://revealjs.com/math/),
 * read before the rest of the Markdown so that no Markdown rule touches what is inside (`\,`,
 * `a_1 b_1`, `a*b*c` stay TeX). `$…$` follows pandoc's rule (https://pandoc.org/MANUAL.html#math),
 * so money in prose stays prose: no space after the opening `$`, none before the closing one,
 * and no digit right after it ("costs $5 and $10" is no formula). None reaches into code.
 */
export interface Formula {
  /** The TeX between the delimiters, as written. */
  readonly tex: string;
  readonly display: boolean;
  /** The whole of it as written, delimiters included: where it is in the source. */
  readonly raw: string;
  /** The opening delimiter as written. */
  readonly open: string;
  /**
   * Written `\\(…\\)` or `\\[…\\]`, as a reveal.js deck writes it in Markdown (whose escapes
   * reveal.js applies before it typesets): the TeX is read as reveal.js reads it.
   */
  readonly escaped: boolean;
}

interface Delimiter {
  readonly open: string;
  readonly close: string;
  readonly display: boolean;
  readonly escaped: boolean;
}

// Longest first: `$$` before `$`, `\\(` before `\(`.
const DELIMITERS: readonly Delimiter[] = [
  { open: '$$', close: '$$', display: true, escaped: false },
  { open: '$', close: '$', display: false, escaped: false },
  { open: '\\\\(', close: '\\\\)', display: false, escaped: true },
  { open: '\\\\[', close: '\\\\]', display: true, escaped: true },
  { open: '\\(', close: '\\)', display: false, escaped: false },
  { open: '\\[', close: '\\]', display: true, escaped: false },
];

/** The formula `src` starts with, if it does. */
export function formulaAt(src: string): Formula | undefined {
  for (const delimiter of DELIMITERS) {
    if (!src.startsWith(delimiter.open)) continue;
    const end = closingAt(src, delimiter);
    // `$$` that closes nothing may still open a `$` formula (`$$5` is not, `$$x$` is no formula either).
    if (end === undefined) {
      if (delimiter.open === '$$') return undefined;
      continue;
    }
    const tex = src.slice(delimiter.open.length, end);
    if (tex.trim() === '') return undefined;
    const raw = src.slice(0, end + delimiter.close.length);
    return { tex, display: delimiter.display, raw, open: delimiter.open, escaped: delimiter.escaped };
  }
  return undefined;
}

/** Where the closing delimiter starts, or undefined when the formula never closes. */
function closingAt(src: string, { open, close }: Delimiter): number | undefined {
  const dollar = open === '$';
  if (dollar && /^\s/.test(src.slice(1, 2))) return undefined;
  for (let i = open.length; i < src.length; i++) {
    if (src.startsWith(close, i)) {
      if (!dollar) return i;
      // pandoc: a space before the closing `$` or a digit after it, and this is no formula.
      if (/\s/.test(src[i - 1] ?? '') || /\d/.test(src[i + 1] ?? '')) return undefined;
      return i;
    }
    const char = src[i];
    // A blank line ends a paragraph: no formula spans one.
    if (char === '\n' && /^\n[ \t]*(\n|$)/.test(src.slice(i))) return undefined;
    // `\$` and `\\` are TeX's own: skip the escaped character.
    if (char === '\\') i++;
  }
  return undefined;
}

/** The first place in `src` where a formula may start (marked stops its text there). */
function nextCandidate(src: string): number | undefined {
  const at = src.search(/\$|\\\\?[([]/);
  return at < 0 ? undefined : at;
}

/** A display formula that is a paragraph of its own: `$$`, `\[` or `\\[` opening a line, closing one. */
export function blockFormulaAt(src: string): (Formula & { readonly length: number }) | undefined {
  const indent = /^ {0,3}/.exec(src)?.[0].length ?? 0;
  const formula = formulaAt(src.slice(indent));
  if (!formula?.display) return undefined;
  const after = /^[ \t]*(?:\n|$)/.exec(src.slice(indent + formula.raw.length));
  if (!after) return undefined;
  return { ...formula, length: indent + formula.raw.length + after[0].length };
}

/** Where the next line that opens a block formula starts: it ends the paragraph before it. */
function nextBlockCandidate(src: string): number | undefined {
  const lines = /\n {0,3}(?:\$\$|\\\\?\[)/g;
  for (let match = lines.exec(src); match; match = lines.exec(src)) {
    if (blockFormulaAt(src.slice(match.index + 1))) return match.index + 1;
  }
  return undefined;
}

interface MathToken extends Tokens.Generic {
  readonly formula: Formula;
}

/**
 * The marked extension: a formula becomes whatever `render` makes of it (a placeholder, typeset
 * once the HTML around it is final: typeset.ts). A display formula alone in its paragraph is a
 * block, so that no line inside it (`- x`, `# y`, `1. z`) starts a list or a heading.
 */
export function mathExtension(render: (formula: Formula) => string): MarkedExtension {
  return {
    extensions: [
      {
        name: 'mathBlock',
        level: 'block',
        start: nextBlockCandidate,
        tokenizer(src: string): MathToken | undefined {
          const formula = blockFormulaAt(src);
          return formula && { type: 'mathBlock', raw: src.slice(0, formula.length), formula };
        },
        renderer: (token) => `<p>${render((token as MathToken).formula)}</p>\n`,
      },
      {
        name: 'math',
        level: 'inline',
        start: nextCandidate,
        tokenizer(src: string): MathToken | undefined {
          const formula = formulaAt(src);
          return formula && { type: 'math', raw: formula.raw, formula };
        },
        renderer: (token) => render((token as MathToken).formula),
      },
    ],
  };
}
