import type { PDFDocument } from 'pdf-lib';
import { ClassicFile, type PageSize } from './classic-file.js';
import { destinationsClassic, destinationsWithPdfLib, type Destinations } from './destinations.js';
import { laySlidesClassic, laySlidesWithPdfLib, type PageSizes, type Placement } from './lay-slides.js';
import { setMetadataClassic, setMetadataWithPdfLib, type PdfMetadata } from './metadata.js';
import { setPageLabelsClassic, setPageLabelsWithPdfLib } from './page-labels.js';

export type { Destinations, PageSize, PageSizes, PdfMetadata, Placement };

/**
 * Which way a file is read and written, and why: `classic` is Chromium's plain cross-reference
 * table, read as text and edited by one incremental update appended to its bytes; `pdf-lib` loads
 * the whole file and writes it anew.
 */
export type PdfPath = { readonly kind: 'classic' } | { readonly kind: 'pdf-lib'; readonly reason: string };

/** One edit, both ways: `classic` stages it in the update or says why it cannot. */
interface Edit {
  readonly classic: (file: ClassicFile) => string | undefined;
  readonly pdfLib: (pdf: PDFDocument) => Promise<void> | void;
}

/**
 * One PDF being read and edited. The path is chosen when the file is opened; an operation on
 * the classic path that meets something Chromium does not write moves the file to pdf-lib for
 * good, in `fallBack` (the only other place the path changes), which replays the edits so far.
 */
export class PdfEditor {
  /** Files loaded with pdf-lib in this process: Chromium's own PDFs should add none. */
  static pdfLibLoads = 0;

  #path: PdfPath;
  #classic: ClassicFile | undefined;
  #document: Promise<PDFDocument> | undefined;
  readonly #edits: Edit[] = [];

  /** The choice of path: the fast path when the reader takes the file and its page tree. */
  constructor(readonly bytes: Uint8Array) {
    const classic = ClassicFile.open(bytes);
    this.#classic = typeof classic === 'string' ? undefined : classic;
    this.#path = typeof classic === 'string' ? { kind: 'pdf-lib', reason: classic } : { kind: 'classic' };
  }

  get path(): PdfPath {
    return this.#path;
  }

  async pageCount(): Promise<number> {
    return this.#classic ? this.#classic.pages.length : (await this.#pdfLib()).getPageCount();
  }

  /** Each page's size, from its MediaBox. */
  async pageSizes(): Promise<readonly PageSize[]> {
    const dicts = this.#classic?.pageDicts();
    if (dicts) return dicts.map((dict) => dict.size);
    if (this.#classic) await this.#fallBack('its page dictionaries are not as Chromium writes them');
    return (await this.#pdfLib()).getPages().map((page) => page.getSize());
  }

  /** Named destination → 1-based page number. */
  async destinations(): Promise<Destinations> {
    const found = this.#classic && destinationsClassic(this.#classic);
    if (found) return found;
    if (this.#classic) await this.#fallBack('its named destinations are not as Chromium writes them');
    return destinationsWithPdfLib(await this.#pdfLib());
  }

  async setMetadata(meta: PdfMetadata): Promise<void> {
    await this.#edit({ classic: (file) => setMetadataClassic(file, meta), pdfLib: (pdf) => setMetadataWithPdfLib(pdf, meta) });
  }

  /** Each page's label (what a viewer shows as its number), in order: /PageLabels. */
  async setPageLabels(labels: readonly string[]): Promise<void> {
    await this.#edit({ classic: (file) => setPageLabelsClassic(file, labels), pdfLib: (pdf) => setPageLabelsWithPdfLib(pdf, labels) });
  }

  /**
   * Draws pages of `slides` on this file's pages as forms, where `place` puts them given both
   * files' page sizes (the handout's frames). The slides are drawn as they were opened: a
   * classic file copies from the reader's bytes; the fast path needs both files on it.
   */
  async laySlides(slides: PdfEditor, place: (sizes: PageSizes) => readonly Placement[]): Promise<void> {
    const placements = place({ slides: await slides.pageSizes(), handout: await this.pageSizes() });
    await this.#edit({
      classic: (file) =>
        slides.#classic
          ? laySlidesClassic(file, slides.#classic, placements)
          : `the slides PDF it lays in takes pdf-lib: ${slides.#path.kind === 'pdf-lib' ? slides.#path.reason : ''}`,
      pdfLib: async (pdf) => laySlidesWithPdfLib(pdf, await slides.#pdfLib(), placements),
    });
  }

  /**
   * The file with its edits: on the classic path Chromium's bytes as they were with one update
   * after them. pdf-lib writes a classic table too (no object streams), so what it wrote can be
   * edited again on the fast path.
   */
  async save(): Promise<Uint8Array> {
    if (this.#classic) return this.#classic.save();
    return this.#edits.length === 0 ? this.bytes : (await this.#pdfLib()).save({ useObjectStreams: false });
  }

  async #edit(edit: Edit): Promise<void> {
    this.#edits.push(edit);
    if (!this.#classic) return edit.pdfLib(await this.#pdfLib());
    const why = edit.classic(this.#classic);
    if (why !== undefined) await this.#fallBack(why);
  }

  /** Moves the file to pdf-lib, dropping the classic update and replaying every edit so far. */
  async #fallBack(reason: string): Promise<void> {
    this.#classic = undefined;
    this.#path = { kind: 'pdf-lib', reason };
    const pdf = await this.#pdfLib();
    for (const edit of this.#edits) await edit.pdfLib(pdf);
  }

  /**
   * The bytes as opened, loaded by pdf-lib once: what this file's edits go to on the pdf-lib
   * path, and what a handout on that path embeds slides from.
   */
  #pdfLib(): Promise<PDFDocument> {
    this.#document ??= (async () => {
      // Imported here, not at the top: loading pdf-lib costs more than printing a small deck.
      const { PDFDocument } = await import('pdf-lib');
      PdfEditor.pdfLibLoads++;
      return PDFDocument.load(this.bytes, { updateMetadata: false });
    })();
    return this.#document;
  }
}

/** Opens a PDF for reading and editing; its path (classic or pdf-lib) is chosen here, once. */
export function openPdf(bytes: Uint8Array): PdfEditor {
  return new PdfEditor(bytes);
}
