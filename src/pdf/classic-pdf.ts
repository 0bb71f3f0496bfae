/**
 * A PDF as Chromium writes it, read without a PDF library: a classic cross-reference table gives
 * each object's offset, and the object dictionaries are plain text. Loading pdf-lib and parsing a
 * whole report with it took a fifth of a second beside the printing browser, only to read a few
 * dictionaries. Anything else (cross-reference streams, an incremental update) is not read here:
 * `read` returns undefined and the caller falls back to pdf-lib.
 */
export class ClassicPdf {
  private constructor(
    private readonly text: string,
    private readonly offsets: ReadonlyMap<number, number>,
    readonly trailer: string,
  ) {}

  static read(bytes: Uint8Array): ClassicPdf | undefined {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
    if (!end) return undefined;
    const xref = /^xref\s+([\s\S]*?)trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text.slice(Number(end[1])));
    if (!xref?.[1] || !xref[2] || /\/Prev\b/.test(xref[2])) return undefined;
    const offsets = new Map<number, number>();
    const lines = xref[1].trim().split(/\s*\n\s*/);
    for (let i = 0; i < lines.length;) {
      const section = /^(\d+) (\d+)$/.exec(lines[i] ?? '');
      if (!section) return undefined;
      const first = Number(section[1]);
      const count = Number(section[2]);
      for (let k = 0; k < count; k++) {
        const entry = /^(\d{10}) \d{5} ([nf])$/.exec(lines[i + 1 + k] ?? '');
        if (!entry) return undefined;
        if (entry[2] === 'n') offsets.set(first + k, Number(entry[1]));
      }
      i += count + 1;
    }
    return new ClassicPdf(text, offsets, xref[2]);
  }

  /** Object `number`'s text up to its stream or `endobj`, or undefined when it is not there. */
  object(number: number): string | undefined {
    const at = this.offsets.get(number);
    if (at === undefined) return undefined;
    const head = new RegExp(`^${number}\\s+\\d+\\s+obj\\b`).exec(this.text.slice(at, at + 32));
    if (!head) return undefined;
    const body = /([\s\S]*?)(?:\bstream\r?\n|\bendobj\b)/.exec(this.text.slice(at + head[0].length));
    return body?.[1]?.trim();
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
