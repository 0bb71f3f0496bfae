import { ClassicPdf } from './classic-pdf.js';
import { dictEntries, dictValue } from './pdf-dict.js';
import { Update } from './pdf-update.js';

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

/** A page's dictionary, with what laying slides and sizing frames read from it. */
export interface PageDict {
  readonly entries: [string, string][];
  readonly mediaBox: string;
  readonly resources: string;
  readonly contents: string;
  readonly size: PageSize;
  readonly origin: readonly [number, number];
}

/**
 * A PDF on the fast path: Chromium's bytes as read by ClassicPdf, its pages, and what the edits
 * so far will append (one incremental update for all of them, written by `save`).
 */
export class ClassicFile {
  readonly update: Update;
  /** Trailer entries the update replaces (a new /Info). */
  readonly trailer: Record<string, string> = {};
  private dicts: readonly PageDict[] | undefined;

  private constructor(
    readonly pdf: ClassicPdf,
    readonly pages: readonly number[],
  ) {
    this.update = new Update(pdf.size);
  }

  /** The file on the fast path, or why it cannot take it. */
  static open(bytes: Uint8Array): ClassicFile | string {
    const pdf = ClassicPdf.read(bytes);
    if (!pdf) return 'not a classic cross-reference table as Chromium writes it (a cross-reference stream, encryption or damage)';
    const pages = pdf.pages();
    if (!pages) return 'its page tree is not plain dictionaries as Chromium writes them';
    return new ClassicFile(pdf, pages);
  }

  /**
   * Every page's dictionary, read once and only when asked: reading the metadata of a 1,000-page
   * PDF needs the page tree, not each page.
   */
  pageDicts(): readonly PageDict[] | undefined {
    if (this.dicts) return this.dicts;
    const dicts: PageDict[] = [];
    for (const page of this.pages) {
      const dict = pageOf(this.pdf, page);
      if (!dict) return undefined;
      dicts.push(dict);
    }
    return (this.dicts = dicts);
  }

  /** The original bytes, with the update appended when an edit staged anything. */
  save(): Uint8Array {
    return this.update.empty ? this.pdf.bytes : this.update.append(this.pdf.bytes, this.pdf, this.trailer);
  }
}

function pageOf(pdf: ClassicPdf, number: number): PageDict | undefined {
  const text = pdf.object(number);
  const entries = text === undefined ? undefined : dictEntries(text);
  const get = (key: string) => dictValue(entries, key);
  const mediaBox = get('MediaBox');
  const box = mediaBox?.match(/-?[\d.]+/g)?.map(Number);
  const resources = get('Resources');
  const contents = get('Contents');
  if (!entries || !mediaBox || box?.length !== 4 || !resources || !contents) return undefined;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = box;
  const size = { width: x1 - x0, height: y1 - y0 };
  if (!(size.width > 0 && size.height > 0 && Number.isFinite(size.width + size.height))) return undefined;
  return { entries, mediaBox, resources, contents, size, origin: [x0, y0] };
}
