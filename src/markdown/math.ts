import { Tokenizer, type MarkedExtension, type Tokens } from 'marked';

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
    // A `$$` that closes nothing opens no `$` formula either (`$$x$` is prose, as in pandoc).
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

/**
 * Where the closing delimiter starts, or undefined when the formula never closes. The search
 * ends at a blank line and, for `\(` and `\[`, at the next opening one (TeX has no `\(` inside
 * math), so that each character is looked at a bounded number of times however many delimiters
 * never close (a slide of `\[1] \[2] …` reads in linear time).
 */
function closingAt(src: string, { open, close }: Delimiter): number | undefined {
  const dollar = open.startsWith('$');
  if (open === '$' && /^\s/.test(src.slice(1, 2))) return undefined;
  for (let i = open.length; i < src.length; i++) {
    if (src.startsWith(close, i)) {
      if (open !== '$') return i;
      // pandoc: a space before the closing `$` or a digit after it, and this is no formula.
      if (/\s/.test(src[i - 1] ?? '') || /\d/.test(src[i + 1] ?? '')) return undefined;
      return i;
    }
    if (!dollar && src.startsWith(open, i)) return undefined;
    const char = src[i];
    // A blank line ends a paragraph: no formula spans one.
    if (char === '\n' && /^\n[ \t]*(\n|$)/.test(src.slice(i))) return undefined;
    // `\$` and `\\` are TeX's own: skip the escaped character.
    if (char === '\\') i++;
  }
  return undefined;
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

/**
 * Where the next line that opens a block formula starts: it ends the paragraph before it. Only
 * the paragraph marked is about to read is searched (to its first blank line): what lies beyond
 * cannot cut it, and searching the rest of the slide for every paragraph would be quadratic.
 */
function nextBlockCandidate(src: string): number | undefined {
  const blank = src.search(/\n[ \t]*\n/);
  const paragraph = blank < 0 ? src : src.slice(0, blank);
  const lines = /\n {0,3}(?:\$\$|\\\\?\[)/g;
  for (let match = lines.exec(paragraph); match; match = lines.exec(paragraph)) {
    if (blockFormulaAt(src.slice(match.index + 1))) return match.index + 1;
  }
  return undefined;
}

/**
 * marked's text stops at a backslash (where `\\(` and `\\[` start) but not at a `$`: the text is
 * cut before each `$`, so that a formula may start there. Only as far as the next character
 * marked's text stops at anyway is looked at, so that a long paragraph is read in linear time (an
 * extension's `start` searches the rest of the paragraph for every piece of text: quadratic).
 */
const NEXT_STOP = /[$\\<!\[`*~_]/g;
function inlineText(this: Tokenizer, src: string): Tokens.Text | false {
  NEXT_STOP.lastIndex = 1;
  const stop = NEXT_STOP.exec(src);
  if (stop?.[0] !== '$') return false;
  return Tokenizer.prototype.inlineText.call(this, src.slice(0, stop.index)) ?? false;
}

interface MathToken extends Tokens.Generic {
  readonly formula: Formula;
}

/**
 * The marked extension: a formula becomes whatever `render` makes of it (a placeholder, typeset
 * once the HTML around it is final: typeset.ts). A display formula alone in its paragraph is a
 * block, so that no line inside it (`- x`, `+ y`, `> z`) starts a list or a quote.
 */
export function mathExtension(render: (formula: Formula) => string): MarkedExtension {
  return {
    tokenizer: { inlineText },
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
        tokenizer(src: string): MathToken | undefined {
          const formula = formulaAt(src);
          return formula && { type: 'math', raw: formula.raw, formula };
        },
        renderer: (token) => render((token as MathToken).formula),
      },
    ],
  };
}
