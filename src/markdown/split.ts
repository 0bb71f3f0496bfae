import type { Separators } from './model.js';

export interface SlideSource {
  readonly text: string;
  /** Offset of `text` in the string that was split. */
  readonly offset: number;
}

/**
 * Splits Markdown into stacks of slides exactly as reveal.js's Markdown plugin (slidify) does,
 * keeping each piece's offset so that errors and warnings can name a line.
 * https://github.com/hakimel/reveal.js/blob/master/plugin/markdown/plugin.js
 */
export function splitSlides(markdown: string, separators: Separators): SlideSource[][] {
  const pattern = separators.horizontal + (separators.vertical ? `|${separators.vertical}` : '');
  const any = new RegExp(pattern, 'mg');
  const horizontal = new RegExp(separators.horizontal);
  const stacks: SlideSource[][] = [];
  let lastIndex = 0;
  let wasHorizontal = true;
  let match: RegExpExecArray | null;
  while ((match = any.exec(markdown)) !== null) {
    if (match[0].length === 0) {
      // A pattern that matches the empty string would loop forever; reveal.js hangs here.
      any.lastIndex++;
      continue;
    }
    const isHorizontal = horizontal.test(match[0]);
    const piece = { text: markdown.slice(lastIndex, match.index), offset: lastIndex };
    // After a horizontal separator the piece starts a stack of its own (for a vertical separator,
    // the stack it opens); after a vertical one it joins the current stack.
    if (wasHorizontal) stacks.push([piece]);
    else lastStack(stacks).push(piece);
    lastIndex = any.lastIndex;
    wasHorizontal = isHorizontal;
  }
  const rest = { text: markdown.slice(lastIndex), offset: lastIndex };
  if (wasHorizontal) stacks.push([rest]);
  else lastStack(stacks).push(rest);
  return stacks;
}

function lastStack(stacks: SlideSource[][]): SlideSource[] {
  const last = stacks[stacks.length - 1];
  if (last) return last;
  const created: SlideSource[] = [];
  stacks.push(created);
  return created;
}

/**
 * Splits a slide into its body and its speaker notes at its notes marker. As in reveal.js's
 * Markdown plugin, a slide with more than one marker has no notes at all: its text stays on the
 * slide (`markers` tells the caller, who says so).
 */
export function splitNotes(text: string, notesSeparator: string): { body: string; notes: string; markers: number } {
  const matches = [...text.matchAll(new RegExp(notesSeparator, 'gmi'))].filter((m) => m[0] !== '');
  const [match] = matches;
  if (!match || matches.length > 1) return { body: text, notes: '', markers: matches.length };
  return { body: text.slice(0, match.index), notes: text.slice(match.index + match[0].length).trim(), markers: 1 };
}

/** 1-based line of `offset` in `text`, counting from `firstLine`. */
export function lineAt(text: string, offset: number, firstLine: number): number {
  const starts = lineStarts(text);
  // The last line start at or before the offset: a binary search, so a long file stays linear.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return firstLine + low;
}

let cachedText: string | undefined;
let cachedStarts: number[] = [];

function lineStarts(text: string): number[] {
  if (text !== cachedText) {
    cachedStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) cachedStarts.push(i + 1);
    cachedText = text;
  }
  return cachedStarts;
}
