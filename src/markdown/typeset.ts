import { createRequire } from 'node:module';
import type katexModule from 'katex';
import type { KatexOptions, TrustContext } from 'katex';
import { decodeHTML } from 'entities';
import { checkLimit } from '../config/limits.js';
import { type Diagnostic, type SourceLocation, warning } from '../errors.js';
import { escapeHtml } from './marked.js';
import type { Formula } from './math.js';

// Loaded on first use: a briefing without a formula does not pay for KaTeX.
const require = createRequire(import.meta.url);
let katex: typeof katexModule | undefined;

/**
 * What a formula may ask of KaTeX (https://katex.org/docs/options): nothing that links or loads
 * (`\href`, `\url`, `\includegraphics`, `\htmlClass`…: trust off, and each refusal reported), no
 * box wider or taller than a slide (maxSize, in em), no macro expanding for ever (maxExpand).
 */
const MAX_SIZE_EM = 30;
const MAX_EXPAND = 1000;

/** A formula typeset: its HTML and what KaTeX said about it. */
export interface Typeset {
  readonly html: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * One formula to KaTeX's HTML and MathML ('htmlAndMathml': the MathML carries the TeX as its
 * annotation, for screen readers and copying). A TeX error is an error at the formula's line
 * with KaTeX's message (the formula is shown as its source, in KaTeX's error colour, if the build
 * is forced); a TeX that only reads once Markdown's escapes are taken out (`$\(x\)$`, which
 * reveal.js typesets as `(x)`) is typeset so, with a warning.
 */
export function typesetFormula(formula: Formula, where: SourceLocation): Typeset {
  checkLimit('formulaChars', formula.tex.length, (n) => `this formula is ${n.toLocaleString('en')} characters long`, where);
  const written = formula.escaped ? asRevealReadsIt(formula.tex) : formula.tex;
  const first = render(written, formula, where);
  if (!first.failed || formula.escaped) return first;
  const read = asRevealReadsIt(formula.tex);
  if (read === formula.tex) return first;
  const second = render(read, formula, where);
  if (second.failed) return first;
  const note = warning(
    'math',
    `the formula ${quote(formula)} is TeX only once Markdown's backslash escapes are taken out, as reveal.js reads it: typeset so; write the TeX it means ("${compact(read)}")`,
    where,
  );
  return { html: second.html, diagnostics: [note, ...second.diagnostics] };
}

function render(tex: string, formula: Formula, where: SourceLocation): Typeset & { readonly failed: boolean } {
  katex ??= require('katex') as typeof katexModule;
  const diagnostics: Diagnostic[] = [];
  const refused = new Set<string>();
  const options: KatexOptions = {
    displayMode: formula.display,
    output: 'htmlAndMathml',
    throwOnError: true,
    trust: (context: TrustContext) => {
      refused.add(context.command);
      return false;
    },
    // LaTeX-compatibility complaints are warnings of ours; KaTeX itself would print them to the console.
    strict: (code, message) => {
      diagnostics.push(warning('math', `in the formula ${quote(formula)}: ${message} (KaTeX "${code}")`, where));
      return 'ignore';
    },
    maxSize: MAX_SIZE_EM,
    maxExpand: MAX_EXPAND,
    // Each formula on its own: a \gdef in one does not reach the next (a cached slide stays valid).
    macros: {},
    globalGroup: false,
  };
  try {
    const html = katex.renderToString(tex, options);
    for (const command of refused) {
      diagnostics.push({
        severity: 'error',
        code: 'math',
        message: `the formula ${quote(formula)} uses ${command}, which rfc-brief refuses: a formula may not link to, load or style anything; put links and images outside the formula`,
        where,
      });
    }
    return { html, diagnostics, failed: false };
  } catch (error) {
    if (!(error instanceof katex.ParseError)) throw error;
    const at = { ...where, line: (where.line ?? 1) + linesBefore(formula, error.position) };
    const character = error.position === undefined ? '' : ` (at character ${error.position + 1} of the TeX)`;
    const message = `cannot typeset the formula ${quote(formula)}: KaTeX says "${error.rawMessage}"${character}`;
    return {
      html: `<span class="katex-error" title="${escapeHtml(error.rawMessage)}" style="color:#cc0000">${escapeHtml(formula.raw)}</span>`,
      diagnostics: [{ severity: 'error', code: 'math', message, where: at }],
      failed: true,
    };
  }
}

/** Lines between the formula's first line and the character KaTeX stopped at. */
function linesBefore(formula: Formula, position: number | undefined): number {
  const upTo = formula.open.length + (position ?? 0);
  return formula.raw.slice(0, upTo).split('\n').length - 1;
}

/**
 * What reveal.js's math plugin sees of the TeX: the text once Markdown is rendered, its backslash
 * escapes of punctuation taken out (CommonMark, https://spec.commonmark.org/0.31.2/#backslash-escapes)
 * and its entities decoded.
 */
export function asRevealReadsIt(tex: string): string {
  return decodeHTML(tex.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

function quote(formula: Formula): string {
  return `"${compact(formula.raw)}"`;
}

/** A formula as a message shows it: on one line, and not too long. */
function compact(tex: string): string {
  const line = tex.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** The element a formula waits in until the HTML around it is final; its text is the TeX (a heading's title reads it). */
export const MATH_PLACEHOLDER_TAG = 'rfc-math';
const PLACEHOLDER = /<rfc-math data-math="(\d+)">[^<]*<\/rfc-math>/g;

/**
 * The formulas of one slide, its notes included, in every rendering of it (slides, report). Each
 * is typeset as the Markdown is read and waits in a placeholder while the slide's HTML is worked
 * on (attribute comments, --safe's sanitising: KaTeX's spans and styles are ours, not the
 * content's, and are never cut by it), then goes in (`fill`).
 */
export class SlideFormulas {
  private readonly html: string[] = [];
  private readonly byRaw = new Map<string, number>();
  private readonly said = new Set<string>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly slide: SourceLocation,
    private readonly locate: (formula: Formula) => SourceLocation,
  ) {}

  placeholder(formula: Formula): string {
    const key = `${formula.display}:${formula.raw}`;
    let index = this.byRaw.get(key);
    if (index === undefined) {
      const where = this.locate(formula);
      const typeset = typesetFormula(formula, where);
      index = this.html.push(typeset.html) - 1;
      this.byRaw.set(key, index);
      for (const diagnostic of typeset.diagnostics) {
        const said = JSON.stringify([diagnostic.message, diagnostic.where]);
        if (!this.said.has(said)) this.diagnostics.push(diagnostic);
        this.said.add(said);
      }
    }
    return `<${MATH_PLACEHOLDER_TAG} data-math="${index}">${escapeHtml(formula.tex)}</${MATH_PLACEHOLDER_TAG}>`;
  }

  /**
   * The HTML with each formula typeset in its place (a placeholder the content forged goes). A
   * formula written many times is typeset once but put in each time: how many go in is bounded.
   */
  fill(html: string): string {
    if (!html.includes(`<${MATH_PLACEHOLDER_TAG}`)) return html;
    let count = 0;
    const filled = html.replace(PLACEHOLDER, (_, index: string) => {
      count++;
      return this.html[Number(index)] ?? '';
    });
    checkLimit('formulas', count, (n) => `this slide has ${n.toLocaleString('en')} formulas`, this.slide);
    return filled;
  }

  /** The slide holds a formula: its documents need KaTeX's stylesheet and fonts. */
  get used(): boolean {
    return this.html.length > 0;
  }
}
