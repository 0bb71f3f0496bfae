import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../config/defaults.js';
import type { SourceLocation } from '../errors.js';
import { type BoundedMatch, boundedMatches } from './bounded-regex.js';
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
export function splitSlides(markdown: string, separators: Separators, where: SourceLocation = { file: '' }): SlideSource[][] {
  const pattern = separators.horizontal + (separators.vertical ? `|${separators.vertical}` : '');
  const stacks: SlideSource[][] = [];
  let lastIndex = 0;
  let wasHorizontal = true;
  for (const match of separatorMatches(markdown, pattern, separators, where)) {
    const piece = { text: markdown.slice(lastIndex, match.index), offset: lastIndex };
    // After a horizontal separator the piece starts a stack of its own (for a vertical separator,
    // the stack it opens); after a vertical one it joins the current stack.
    if (wasHorizontal) stacks.push([piece]);
    else lastStack(stacks).push(piece);
    lastIndex = match.index + match.length;
    wasHorizontal = match.tested;
  }
  const rest = { text: markdown.slice(lastIndex), offset: lastIndex };
  if (wasHorizontal) stacks.push([rest]);
  else lastStack(stacks).push(rest);
  return stacks;
}

/**
 * The separators' matches, `tested` when the horizontal one matches it. reveal-md's default
 * separators cannot backtrack and run here; any other pattern is the content's own and runs with
 * a deadline (bounded-regex.ts), since one such as (a+)+$ would otherwise hang the build for good.
 */
function separatorMatches(markdown: string, pattern: string, separators: Separators, where: SourceLocation): BoundedMatch[] {
  if (!isDefault(separators.horizontal) || (separators.vertical !== null && !isDefault(separators.vertical))) {
    const request = { pattern, flags: 'mg', text: markdown, all: true, test: separators.horizontal };
    return boundedMatches(request, where, 'the separator pattern');
  }
  const any = new RegExp(pattern, 'mg');
  const horizontal = new RegExp(separators.horizontal);
  const matches: BoundedMatch[] = [];
  let match: RegExpExecArray | null;
  while ((match = any.exec(markdown)) !== null) {
    if (match[0].length === 0) {
      // A pattern that matches the empty string would loop forever; reveal.js hangs here.
      any.lastIndex++;
      continue;
    }
    matches.push({ index: match.index, length: match[0].length, tested: horizontal.test(match[0]) });
  }
  return matches;
}

const DEFAULTS: readonly string[] = [DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR, DEFAULT_NOTES_SEPARATOR];
const isDefault = (pattern: string) => DEFAULTS.includes(pattern);

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
 * slide (`markers` tells the caller, who says so). A pattern of the author's own runs bounded.
 */
export function splitNotes(
  text: string,
  notesSeparator: string,
  where: SourceLocation = { file: '' },
): { body: string; notes: string; markers: number } {
  const matches = isDefault(notesSeparator)
    ? [...text.matchAll(new RegExp(notesSeparator, 'gmi'))].filter((m) => m[0] !== '').map((m) => ({ index: m.index, length: m[0].length }))
    : boundedMatches({ pattern: notesSeparator, flags: 'gmi', text, all: true }, where, 'the notes separator pattern').filter(
        (m) => m.length > 0,
      );
  const [match] = matches;
  if (!match || matches.length > 1) return { body: text, notes: '', markers: matches.length };
  return { body: text.slice(0, match.index), notes: text.slice(match.index + match.length).trim(), markers: 1 };
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
