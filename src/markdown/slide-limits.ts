import { checkLimit, limit, overLimit } from '../config/limits.js';
import { BriefError, type SourceLocation } from '../errors.js';
import type { SourceFile } from './model.js';
import { lineAt, type SlideSource } from './split.js';

/**
 * What one slide may hold before it is parsed (issue 15): marked and the HTML parser recurse, so
 * 10 MB in one paragraph or 100,000 nested <div>s overflow the stack, and a 20,000-row table takes
 * the printing browser past a gigabyte. Each is refused here, naming the slide's line and the limit.
 */
export function checkSlideLimits(text: string, where: SourceLocation): void {
  checkLimit(
    'slideBytes',
    Buffer.byteLength(text),
    (n) => `this slide holds ${(n / 1024).toFixed(0)} kB of Markdown`,
    where,
    'Split it into several slides.',
  );
  checkHtmlNesting(text, where);
  checkTableRows(text, where);
}

/**
 * Turns a stack overflow while parsing a slide into an error about the slide: whatever slipped
 * past the limits above (a pattern marked recurses on that they do not foresee) is still the
 * content's, not a bug of rfc-brief's.
 */
export function parsingWithin<T>(where: SourceLocation, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) throw error;
    throw new BriefError('INPUT_TOO_DEEP', 'this slide is too large or too deeply nested to parse (the Markdown parser ran out of stack)', {
      where,
      hint: 'Split the slide, or flatten what is nested in it.',
    });
  }
}

// Elements that are never closed, or whose end tag may be left out: they do not nest.
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th thead tbody tfoot option optgroup rp rt colgroup caption html head body'.split(
    ' ',
  ),
);

/** Counts raw HTML elements open at once, from the tags alone (no parser: the parser is what would overflow). */
function checkHtmlNesting(text: string, where: SourceLocation): void {
  if (!text.includes('<')) return;
  const max = limit('htmlNesting');
  let depth = 0;
  for (const tag of text.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
    const name = tag[2]?.toLowerCase() ?? '';
    if (NOT_NESTING.has(name) || tag[3] === '/') continue;
    if (tag[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) {
      const line = (where.line ?? 1) + (text.slice(0, tag.index).match(/\n/g)?.length ?? 0);
      throw new BriefError('INPUT_TOO_DEEP', `raw HTML on this line is nested more than ${max} elements deep (limit "htmlNesting")`, {
        where: { ...where, line },
        hint: `Close the elements you open; to raise the limit: RFC_BRIEF_LIMITS=htmlNesting=${max * 2} rfc-brief ...`,
      });
    }
  }
}

const DELIMITER_ROW = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Rows of each Markdown table: the lines with a "|" after its delimiter row. */
function checkTableRows(text: string, where: SourceLocation): void {
  if (!text.includes('|')) return;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!DELIMITER_ROW.test(lines[i] ?? '') || !(lines[i] ?? '').includes('-')) continue;
    let rows = 0;
    while (i + 1 < lines.length && (lines[i + 1] ?? '').includes('|')) {
      rows++;
      i++;
    }
    if (rows > limit('tableRows'))
      throw overLimit(
        'tableRows',
        `this table has ${rows.toLocaleString('en')} rows`,
        where,
        'Put the data in a chart, or split the table.',
      );
  }
}

/** Deeper than any real document, shallow enough for the Markdown parser's recursion. */
export const MAX_NESTING = 64;

/**
 * marked parses nested lists and quotes recursively; thousands of levels overflow the stack (or
 * take minutes). Refuse them up front, naming the line, instead of failing somewhere inside.
 */
export function checkDepth(piece: SlideSource, file: SourceFile): void {
  const lines = piece.text.split('\n');
  let offset = 0;
  for (const text of lines) {
    const quotes = /^(\s*>)+/.exec(text)?.[0].replace(/[^>]/g, '').length ?? 0;
    const indent = /^(\s*)([-*+]|\d+[.)])\s/.exec(text)?.[1]?.replace(/\t/g, '    ').length ?? 0;
    const depth = Math.max(quotes, Math.floor(indent / 2));
    if (depth > MAX_NESTING) {
      throw new BriefError(
        'INPUT_TOO_DEEP',
        `this line is nested ${depth} levels deep (lists or quotes); rfc-brief reads at most ${MAX_NESTING}`,
        {
          where: { file: file.path, line: lineAt(file.text, piece.offset + offset, file.firstLine) },
          hint: 'Flatten the list or quote: a slide that deep cannot be read anyway.',
        },
      );
    }
    offset += text.length + 1;
  }
}
