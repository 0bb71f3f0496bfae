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
    let trailer: string | undefined;
    // The newest table first; an update's /Prev leads to the one before, whose entries count
    // only where no newer one gave the object.
    for (let at: number | undefined = Number(end[1]), tables = 0; at !== undefined; tables++) {
      const xref = /^xref\s+([\s\S]*?)trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text.slice(at));
      if (!xref?.[1] || !xref[2] || tables > 32) return undefined;
      trailer ??= xref[2];
      const lines = xref[1].trim().split(/\s*\n\s*/);
      for (let i = 0; i < lines.length;) {
        const section = /^(\d+) (\d+)$/.exec(lines[i] ?? '');
        if (!section) return undefined;
        const first = Number(section[1]);
        const count = Number(section[2]);
        for (let k = 0; k < count; k++) {
          const entry = /^(\d{10}) \d{5} ([nf])$/.exec(lines[i + 1 + k] ?? '');
          if (!entry) return undefined;
          if (entry[2] === 'n' && !offsets.has(first + k)) offsets.set(first + k, Number(entry[1]));
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
    const head = new RegExp(`^${number}\\s+\\d+\\s+obj\\b`).exec(this.text.slice(at, at + 32));
    if (!head) return undefined;
    const from = at + head[0].length;
    const endobj = this.text.indexOf('endobj', from);
    if (endobj === -1) return undefined;
    const keyword = this.text.indexOf('stream', from);
    const eol = keyword === -1 || keyword > endobj ? undefined : /^stream(\r\n|\n)/.exec(this.text.slice(keyword, keyword + 8));
    if (!eol) return { text: this.text.slice(from, endobj).trim() };
    const text = this.text.slice(from, keyword).trim();
    const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(text)?.[1];
    if (length === undefined) return undefined;
    const start = keyword + eol[0].length;
    const end = start + Number(length);
    if (!/^\s*endstream/.test(this.text.slice(end, end + 16))) return undefined;
    return { text, stream: this.bytes.subarray(start, end) };
  }

  /** The object a dictionary's `/key N 0 R` points to. */
  static ref(dictionary: string, key: string): number | undefined {
    const found = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dictionary);
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
      const node = this.object(number);
      if (node === undefined || depth > 32) return false;
      if (/\/Type\s*\/Page\b(?!s)/.test(node)) {
        pages.push(number);
        return true;
      }
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1];
      if (kids === undefined) return false;
      return [...kids.matchAll(/(\d+)\s+\d+\s+R/g)].every((kid) => walk(Number(kid[1]), depth + 1));
    };
    return walk(tree, 0) ? pages : undefined;
  }
}
