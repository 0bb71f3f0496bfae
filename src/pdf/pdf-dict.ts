/**
 * PDF dictionaries and references written as text, as Chromium writes them: enough to read a
 * page's entries, rewrite them and renumber the objects they point to. Strings are skipped, so
 * text in them is never taken for a reference.
 */

/** The top-level entries of `<< /Key value … >>`, each value as written; undefined if it is not one. */
export function dictEntries(text: string): [string, string][] | undefined {
  const t = text.trim();
  if (!t.startsWith('<<') || compositeEnd(t, 0) !== t.length) return undefined;
  const entries: [string, string][] = [];
  const end = t.length - 2;
  let i = skipSpace(t, 2);
  while (i < end) {
    if (t[i] !== '/') return undefined;
    const keyEnd = nameEnd(t, i + 1);
    const valueStart = skipSpace(t, keyEnd);
    const valueEnd = valueEndAt(t, valueStart);
    if (valueEnd === undefined || valueEnd > end) return undefined;
    entries.push([t.slice(i + 1, keyEnd), t.slice(valueStart, valueEnd)]);
    i = skipSpace(t, valueEnd);
  }
  return entries;
}

/** One entry's value, from a dictionary's text or its entries already read. */
export function dictValue(dict: string | readonly (readonly [string, string])[] | undefined, key: string): string | undefined {
  const entries = typeof dict === 'string' ? dictEntries(dict) : dict;
  return entries?.find(([k]) => k === key)?.[1];
}

export function writeDict(entries: readonly (readonly [string, string])[]): string {
  return `<<${entries.map(([key, value]) => `/${key} ${value}`).join('\n')}>>`;
}

/**
 * The one place a reference (`N G R`) is recognised: it must end at a delimiter, white space or
 * the end of the text, so `5 0 RG` (an operator) is not one. Sticky, so it reads at an index
 * without slicing the text.
 */
const REF = /(\d+)\s+(\d+)\s+R(?![^\s/<>[\]()%{}])/y;

/** The reference that starts at `i`: its object number and generation, and where it ends. */
export function refAt(text: string, i: number): { readonly number: number; readonly generation: number; readonly end: number } | undefined {
  REF.lastIndex = i;
  const found = REF.exec(text);
  return found ? { number: Number(found[1]), generation: Number(found[2]), end: REF.lastIndex } : undefined;
}

/** The object a value that is only a reference (`N 0 R`, white space around it allowed) points to. */
export function refOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const start = skipSpace(value, 0);
  const ref = refAt(value, start);
  return ref && ref.generation === 0 && skipSpace(value, ref.end) === value.length ? ref.number : undefined;
}

/** The object a dictionary's `/key N 0 R` points to. */
export function refEntry(dict: string | readonly (readonly [string, string])[] | undefined, key: string): number | undefined {
  return refOf(dictValue(dict, key));
}

/** A reference as written: generation 0, the only one Chromium writes and rfc-brief appends. */
export function writeRef(number: number): string {
  return `${number} 0 R`;
}

/** The references (`N G R`) in a value, in order. */
export function refsIn(text: string): number[] {
  const refs: number[] = [];
  renumber(text, (number) => (refs.push(number), number));
  return refs;
}

/**
 * `text` with every reference `N 0 R` replaced by `to(N) 0 R`; strings (nested parentheses,
 * escapes, hex) are copied as they are. Undefined for a reference of another generation, which
 * Chromium never writes and this module does not keep apart.
 */
export function renumber(text: string, to: (number: number) => number): string | undefined {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '(') {
      i = stringEnd(text, i) ?? text.length;
    } else if (c === '<' && text[i + 1] !== '<' && text[i - 1] !== '<') {
      const close = text.indexOf('>', i);
      i = close === -1 ? text.length : close + 1;
    } else if (c !== undefined && c >= '0' && c <= '9' && !/[\w.+-]/.test(text[i - 1] ?? ' ')) {
      const ref = refAt(text, i);
      if (ref) {
        if (ref.generation !== 0) return undefined;
        out += `${text.slice(from, i)}${writeRef(to(ref.number))}`;
        i = from = ref.end;
      } else i++;
    } else i++;
  }
  return out + text.slice(from);
}

/** The index just past the value (dictionary, array, string, name, reference, number…) at `i`. */
export function valueEndAt(t: string, i: number): number | undefined {
  const c = t[i];
  if (c === '[' || (c === '<' && t[i + 1] === '<')) return compositeEnd(t, i);
  if (c === '(') return stringEnd(t, i);
  if (c === '<') {
    const close = t.indexOf('>', i);
    return close === -1 ? undefined : close + 1;
  }
  if (c === '/') return nameEnd(t, i + 1);
  const ref = refAt(t, i);
  if (ref) return ref.end;
  const token = /^[^\s/<>[\]()%]+/.exec(t.slice(i, i + 64));
  return token ? i + token[0].length : undefined;
}

/** The index just past the dictionary or array that starts at `i`. */
function compositeEnd(t: string, i: number): number | undefined {
  let depth = 0;
  while (i < t.length) {
    const c = t[i];
    if (c === '(') {
      const end = stringEnd(t, i);
      if (end === undefined) return undefined;
      i = end;
    } else if (c === '<' && t[i + 1] === '<') {
      depth++;
      i += 2;
    } else if (c === '>' && t[i + 1] === '>') {
      i += 2;
      if (--depth === 0) return i;
    } else if (c === '<') {
      const close = t.indexOf('>', i);
      if (close === -1) return undefined;
      i = close + 1;
    } else if (c === '[') {
      depth++;
      i++;
    } else if (c === ']') {
      i++;
      if (--depth === 0) return i;
    } else {
      i++;
    }
  }
  return undefined;
}

/** The index just past the literal string (balanced parentheses, backslash escapes) at `i`. */
function stringEnd(t: string, i: number): number | undefined {
  let depth = 0;
  for (; i < t.length; i++) {
    if (t[i] === '\\') i++;
    else if (t[i] === '(') depth++;
    else if (t[i] === ')' && --depth === 0) return i + 1;
  }
  return undefined;
}

/** PDF white-space and delimiter characters (ISO 32000-1, 7.2.2), by character code. */
const SPACE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITER = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

function nameEnd(t: string, i: number): number {
  while (i < t.length && !SPACE.has(t.charCodeAt(i)) && !DELIMITER.has(t.charCodeAt(i))) i++;
  return i;
}

export function skipSpace(t: string, i: number): number {
  while (i < t.length && SPACE.has(t.charCodeAt(i))) i++;
  return i;
}
