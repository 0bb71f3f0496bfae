import { dictEntries, refsIn, skipSpace, valueEndAt } from './pdf-dict.js';

/**
 * A PDF as Chromium writes it, read without a PDF library: a classic cross-reference table gives
 * each object's offset, and the object dictionaries are plain text. Loading pdf-lib and parsing a
 * whole report with it took a fifth of a second beside the printing browser, only to read a few
 * dictionaries. Incremental updates (rfc-brief's own metadata) are followed; anything else
 * (cross-reference streams) is not read here: `read` returns undefined and the caller falls back
 * to pdf-lib.
 */
export class ClassicPdf {
  private constructor(
    readonly bytes: Uint8Array,
    private readonly text: string,
    private readonly offsets: ReadonlyMap<number, number>,
    readonly trailer: string,
    /** Where the cross-reference table starts: an update's /Prev. */
    readonly xrefOffset: number,
  ) {}

  /** The trailer's /Size: the first object number an update may add. */
  get size(): number {
    return Number(/\/Size\s+(\d+)/.exec(this.trailer)?.[1] ?? NaN);
  }

  static read(bytes: Uint8Array): ClassicPdf | undefined {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
    if (!end) return undefined;
    const offsets = new Map<number, number>();
    const seen = new Set<number>();
    let trailer: string | undefined;
    // The newest table first; an update's /Prev leads to the one before, whose entries count
    // only where no newer one gave the object.
    for (let at: number | undefined = Number(end[1]), tables = 0; at !== undefined; tables++) {
      const xref = /^xref\s+([\s\S]*?)trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text.slice(at));
      if (!xref?.[1] || !xref[2] || tables > 32 || /\/(Encrypt|XRefStm)\b/.test(xref[2])) return undefined;
      trailer ??= xref[2];
      const lines = xref[1].trim().split(/\s*\n\s*/);
      for (let i = 0; i < lines.length;) {
        const section = /^(\d+) (\d+)$/.exec(lines[i] ?? '');
        if (!section) return undefined;
        const first = Number(section[1]);
        const count = Number(section[2]);
        for (let k = 0; k < count; k++) {
          const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(lines[i + 1 + k] ?? '');
          if (!entry) return undefined;
          // Only generation 0 is in use here (as Chromium writes); a newer free entry hides
          // an older one.
          if (entry[3] === 'n' && entry[2] !== '00000') return undefined;
          if (!seen.has(first + k) && entry[3] === 'n') offsets.set(first + k, Number(entry[1]));
          seen.add(first + k);
        }
        i += count + 1;
      }
      const prev = /\/Prev\s+(\d+)/.exec(xref[2])?.[1];
      at = prev === undefined ? undefined : Number(prev);
    }
    return trailer === undefined ? undefined : new ClassicPdf(bytes, text, offsets, trailer, Number(end[1]));
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
    const at = this.offsets.get(number);
    if (at === undefined) return undefined;
    const head = new RegExp(`^${number}\\s+0\\s+obj\\b`).exec(this.text.slice(at, at + 32));
    if (!head) return undefined;
    // The object's one value, then `endobj`, or `stream` and the stream's bytes.
    const from = skipSpace(this.text, at + head[0].length);
    const valueEnd = valueEndAt(this.text, from);
    if (valueEnd === undefined) return undefined;
    const text = this.text.slice(from, valueEnd);
    const after = skipSpace(this.text, valueEnd);
    if (this.text.startsWith('endobj', after)) return { text };
    const eol = /^stream(\r\n|\n)/.exec(this.text.slice(after, after + 8));
    const length = dictEntries(text)?.find(([key]) => key === 'Length')?.[1];
    if (!eol || length === undefined || !/^\d+$/.test(length)) return undefined;
    const start = after + eol[0].length;
    const end = start + Number(length);
    if (!/^\s*endstream/.test(this.text.slice(end, end + 16))) return undefined;
    return { text, stream: this.bytes.subarray(start, end) };
  }

  /** The object a dictionary's `/key N 0 R` points to. */
  static ref(dictionary: string, key: string): number | undefined {
    const value = dictEntries(dictionary)?.find(([k]) => k === key)?.[1];
    const found = value === undefined ? undefined : /^(\d+)\s+0\s+R$/.exec(value);
    return found ? Number(found[1]) : undefined;
  }

  /** The page objects in page order, by walking the page tree from the catalog. */
  pages(): number[] | undefined {
    const root = ClassicPdf.ref(this.trailer, 'Root');
    const catalog = root === undefined ? undefined : this.object(root);
    const tree = catalog === undefined ? undefined : ClassicPdf.ref(catalog, 'Pages');
    if (tree === undefined) return undefined;
    const pages: number[] = [];
    const walk = (number: number, depth: number): boolean => {
      const node = dictEntries(this.object(number) ?? '');
      const type = node?.find(([key]) => key === 'Type')?.[1];
      if (!node || depth > 32) return false;
      if (type === '/Page') {
        pages.push(number);
        return true;
      }
      const kids = node.find(([key]) => key === 'Kids')?.[1];
      if (type !== '/Pages' || kids === undefined || !kids.startsWith('[')) return false;
      return refsIn(kids).every((kid) => walk(kid, depth + 1));
    };
    return walk(tree, 0) ? pages : undefined;
  }
}
