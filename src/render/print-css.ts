/**
 * reveal.css as the static print page needs it: without its `@media screen` blocks and without
 * the `@media print` rules for a page that is not in reveal.js's print layout
 * (`html:not(.print-pdf)`; the static page always is). Neither can apply to the printed page, but
 * rules whose media flip from screen to print make Chromium restyle every element when it starts
 * to print: a seventh of the print time of a 200-slide deck, for the same bytes.
 */
export function printOnlyCss(css: string): string {
  let out = '';
  let from = 0;
  let depth = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'" || (c === '/' && css[i + 1] === '*')) {
      i = skipQuoted(css, i) - 1;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth--;
    } else if (depth === 0 && c === '@' && /^@media\b/i.test(css.slice(i, i + 7))) {
      const open = css.indexOf('{', i);
      if (open === -1) break;
      const close = blockEnd(css, open);
      const kept = printable(css.slice(i + 6, open).trim(), css.slice(open + 1, close - 1));
      out += css.slice(from, i) + kept;
      from = close;
      i = close - 1;
    }
  }
  return out + css.slice(from);
}

/** What of one `@media <queries> { <body> }` block is kept. */
function printable(queries: string, body: string): string {
  const list = queries.split(',').map((q) => q.trim().toLowerCase());
  if (list.every((q) => /^(only\s+)?screen\b/.test(q))) return '';
  if (!list.every((q) => /^(only\s+)?print$/.test(q))) return `@media ${queries}{${body}}`;
  const rules = topLevelRules(body).filter((rule) => {
    const selectors = rule.slice(0, rule.indexOf('{')).split(',');
    return !selectors.every((s) => s.trim().startsWith('html:not(.print-pdf)'));
  });
  return rules.length > 0 ? `@media ${queries}{${rules.join('')}}` : '';
}

function topLevelRules(body: string): string[] {
  const rules: string[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '"' || body[i] === "'" || (body[i] === '/' && body[i + 1] === '*')) i = skipQuoted(body, i) - 1;
    else if (body[i] === '{') {
      const end = blockEnd(body, i);
      rules.push(body.slice(start, end));
      start = end;
      i = end - 1;
    }
  }
  return rules;
}

/** The index just past the `}` that closes the block opened at `open`. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'" || (c === '/' && css[i + 1] === '*')) i = skipQuoted(css, i) - 1;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return css.length;
}

/** The index just past the string or comment that starts at `start`. */
function skipQuoted(css: string, start: number): number {
  if (css[start] === '/') {
    const end = css.indexOf('*/', start + 2);
    return end === -1 ? css.length : end + 2;
  }
  const quote = css[start];
  for (let i = start + 1; i < css.length; i++) {
    if (css[i] === '\\') i++;
    else if (css[i] === quote) return i + 1;
  }
  return css.length;
}
