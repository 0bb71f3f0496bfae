import { dictEntries, dictValue, refEntry, refsIn, skipSpace, valueEndAt } from './pdf-dict.js';

/**
 * A PDF as Chromium writes it, read without a PDF library: a classic cross-reference table gives
 * each object's offset, and the object dictionaries are plain text. Loading pdf-lib and parsing a
 * whole report with it took a fifth of a second beside the printing browser, only to read a few
 * dictionaries. Incremental updates (rfc-brief's own metadata) are followed; anything else
 * (cross-reference streams) is not read here: `read` returns undefined and openPdf (pdf-editor.ts)
 * gives the file to pdf-lib.
 */
const SECTION = /^(\d+) (\d+)[ \t]*\r?\n/;
const UNSEEN = -2;
const FREE = -1;

/**
 * The 20-byte cross-reference entry at `i`: the offset of an object in use, -1 for a free entry,
 * undefined for anything else. Only generation 0 is read as in use (Chromium writes no other); a
 * newer free entry hides an older one.
 */
function xrefEntry(text: string, i: number): number | undefined {
  let offset = 0;
  for (let k = 0; k < 10; k++) {
    const digit = text.charCodeAt(i + k) - 48;
    if (digit < 0 || digit > 9) return undefined;
    offset = offset * 10 + digit;
  }
  const kind = text.charCodeAt(i + 17);
  const eol = text.slice(i + 18, i + 20);
  if (text.charCodeAt(i + 10) !== 32 || text.charCodeAt(i + 16) !== 32 || (eol !== ' \n' && eol !== ' \r' && eol !== '\r\n'))
    return undefined;
  if (kind === 102) return FREE; // "f"
  return kind === 110 && text.startsWith('00000', i + 11) ? offset : undefined; // "n", generation 0
}
const HEAD = /(\d+)\s+0\s+obj\b/y;

export class ClassicPdf {
  private constructor(
    readonly bytes: Uint8Array,
    private readonly text: string,
    private readonly offsets: Float64Array,
    readonly trailer: string,
    /** Where the cross-reference table starts: an update's /Prev. */
    readonly xrefOffset: number,
  ) {}

  /** The newest trailer's /Size: the first object number an update may add. */
  get size(): number {
    return this.offsets.length;
  }

  static read(bytes: Uint8Array): ClassicPdf | undefined {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
    if (!end) return undefined;
    // By object number: its offset, FREE, or UNSEEN; as long as the newest trailer's /Size.
    let offsets: Float64Array | undefined;
    let trailer: string | undefined;
    // The newest table first; an update's /Prev leads to the one before, whose entries count
    // only where no newer one gave the object.
    for (let at: number | undefined = Number(end[1]), tables = 0; at !== undefined; tables++) {
      if (tables > 32 || !text.startsWith('xref', at)) return undefined;
      // The trailer follows the table (which holds only digits, spaces and line ends).
      const trailerAt = text.indexOf('trailer', at);
      const dictStart = trailerAt === -1 ? -1 : skipSpace(text, trailerAt + 7);
      const dictEnd = dictStart === -1 ? undefined : valueEndAt(text, dictStart);
      const dict = dictEnd === undefined ? undefined : text.slice(dictStart, dictEnd);
      if (!dict?.startsWith('<<') || /\/(Encrypt|XRefStm)\b/.test(dict)) return undefined;
      trailer ??= dict;
      const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1] ?? NaN);
      if (!Number.isInteger(size) || size > 50_000_000) return undefined;
      offsets ??= new Float64Array(size).fill(UNSEEN);
      let i = skipSpace(text, at + 4);
      // Subsections: a line "first count", then `count` entries of exactly 20 bytes each.
      while (i < trailerAt) {
        const header = SECTION.exec(text.slice(i, i + 40));
        if (!header) return undefined;
        const first = Number(header[1]);
        const count = Number(header[2]);
        i += header[0].length;
        if (first + count > offsets.length) return undefined;
        for (let k = 0; k < count; k++, i += 20) {
          const entry = xrefEntry(text, i);
          if (entry === undefined) return undefined;
          if (offsets[first + k] === UNSEEN) offsets[first + k] = entry;
        }
        i = skipSpace(text, i);
      }
      if (i !== trailerAt) return undefined;
      const prev = /\/Prev\s+(\d+)/.exec(dict)?.[1];
      at = prev === undefined ? undefined : Number(prev);
    }
    return trailer === undefined || offsets === undefined ? undefined : new ClassicPdf(bytes, text, offsets, trailer, Number(end[1]));
  }

  /** Object `number`'s text up to its stream or `endobj`, or undefined when it is not there. */
  object(number: number): string | undefined {
    return this.entry(number)?.text;
  }

  /**
   * Object `number` as stored: its text (a dictionary, array, number…) and, for a stream, the
   * stream's bytes as they are (still compressed). Undefined when it is missing, or a stream
   * whose /Length is not written in its dictionary.
   */
  entry(number: number): { readonly text: string; readonly stream?: Uint8Array } | undefined {
    const at = this.offsets[number];
    if (at === undefined || at < 0) return undefined;
    HEAD.lastIndex = at;
    const head = HEAD.exec(this.text);
    if (!head || Number(head[1]) !== number) return undefined;
    // The object's one value, then `endobj`, or `stream` and the stream's bytes.
    const from = skipSpace(this.text, HEAD.lastIndex);
    const valueEnd = valueEndAt(this.text, from);
    if (valueEnd === undefined) return undefined;
    const text = this.text.slice(from, valueEnd);
    const after = skipSpace(this.text, valueEnd);
    if (this.text.startsWith('endobj', after)) return { text };
    const eol = /^stream(\r\n|\n)/.exec(this.text.slice(after, after + 8));
    const length = dictValue(text, 'Length');
    if (!eol || length === undefined || !/^\d+$/.test(length)) return undefined;
    const start = after + eol[0].length;
    const end = start + Number(length);
    if (!/^\s*endstream/.test(this.text.slice(end, end + 16))) return undefined;
    return { text, stream: this.bytes.subarray(start, end) };
  }

  /** The page objects in page order, by walking the page tree from the catalog. */
  pages(): number[] | undefined {
    const root = refEntry(this.trailer, 'Root');
    const catalog = root === undefined ? undefined : this.object(root);
    const tree = catalog === undefined ? undefined : refEntry(catalog, 'Pages');
    if (tree === undefined) return undefined;
    const pages: number[] = [];
    const walk = (number: number, depth: number): boolean => {
      const node = dictEntries(this.object(number) ?? '');
      const type = dictValue(node, 'Type');
      if (!node || depth > 32) return false;
      if (type === '/Page') {
        pages.push(number);
        return true;
      }
      const kids = dictValue(node, 'Kids');
      if (type !== '/Pages' || kids === undefined || !kids.startsWith('[')) return false;
      return refsIn(kids).every((kid) => walk(kid, depth + 1));
    };
    return walk(tree, 0) ? pages : undefined;
  }
}
