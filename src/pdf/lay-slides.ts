import { deflateSync, inflateSync } from 'node:zlib';
import type { PDFDocument } from 'pdf-lib';
import type { ClassicPdf } from './classic-pdf.js';
import type { ClassicFile, PageSize } from './classic-file.js';
import { dictEntries, dictValue, refOf, refsIn, renumber, writeDict, writeRef } from './pdf-dict.js';
import type { Update } from './pdf-update.js';

/** One slide drawn on one handout page: `matrix` maps the slide's page onto the frame. */
export interface Placement {
  readonly slide: number;
  readonly page: number;
  readonly matrix: readonly [number, number, number, number, number, number];
}

/** The pages' sizes (from their MediaBox): what the caller needs to work out the placements. */
export interface PageSizes {
  readonly slides: readonly PageSize[];
  readonly handout: readonly PageSize[];
}

/**
 * Lays slides into the handout without a PDF library: each slide's page becomes a form (its
 * content stream and the objects its resources use, copied byte for byte), drawn on its handout
 * page by a small content stream, all staged in the handout's incremental update. pdf-lib loaded
 * both documents and wrote the handout anew, about a second for 200 slides; this copies what is
 * drawn. Returns why not when either file holds what Chromium does not write (the editor then
 * gives the handout to pdf-lib, and anything this staged is dropped with the update).
 */
export function laySlidesClassic(handout: ClassicFile, slides: ClassicFile, placements: readonly Placement[]): string | undefined {
  const slideDicts = slides.pageDicts();
  const handoutDicts = handout.pageDicts();
  if (!slideDicts || !handoutDicts) return `the ${slideDicts ? 'handout' : 'slides'}' page dictionaries are not as Chromium writes them`;
  const unexpected = 'laying in the slides met objects not as Chromium writes them';
  const { update } = handout;
  const copied = new Map<number, number>();
  const queue: number[] = [];
  const copyRef = (number: number): number => {
    let target = copied.get(number);
    if (target === undefined) {
      target = update.reserve();
      copied.set(number, target);
      queue.push(number);
    }
    return target;
  };
  // One form per slide drawn, named by its page in the slides PDF.
  const forms = new Map<number, number>();
  for (const { slide } of placements) {
    if (forms.has(slide)) continue;
    const page = slideDicts[slide];
    const content = page && contentOf(slides.pdf, page.contents);
    if (!page || !content) return unexpected;
    const resources = renumber(page.resources, copyRef);
    if (resources === undefined) return unexpected;
    const form = update.reserve();
    forms.set(slide, form);
    const entries: [string, string][] = [
      ['Type', '/XObject'],
      ['Subtype', '/Form'],
      ['BBox', page.mediaBox],
      // A page whose box does not start at 0 0 is moved there, as pdf-lib does.
      ...(page.origin[0] !== 0 || page.origin[1] !== 0
        ? ([['Matrix', `[1 0 0 1 ${pdfNumber(-page.origin[0])} ${pdfNumber(-page.origin[1])}]`]] as [string, string][])
        : []),
      ['Resources', resources],
      ...(content.filter ? ([['Filter', content.filter]] as [string, string][]) : []),
      ['Length', String(content.data.length)],
    ];
    update.put(form, writeDict(entries), content.data);
  }
  // What the forms' resources use: fonts, images, graphics states, and what those use in turn.
  for (let next = 0; next < queue.length; next++) {
    const number = queue[next]!;
    const entry = slides.pdf.entry(number);
    const type = entry && entry.text.startsWith('<<') ? dictValue(entry.text, 'Type') : undefined;
    const text = entry && renumber(entry.text, copyRef);
    if (!entry || text === undefined || type === '/Page' || type === '/Pages' || type === '/Catalog') return unexpected;
    update.put(copied.get(number)!, text, entry.stream);
  }
  // Each handout page: its own content wrapped in q … Q (so its graphics state cannot leak into
  // the slides), then the slides drawn.
  const byPage = new Map<number, Placement[]>();
  for (const placement of placements) {
    const onPage = byPage.get(placement.page) ?? [];
    onPage.push(placement);
    byPage.set(placement.page, onPage);
  }
  const save = update.reserve();
  const restore = update.reserve();
  update.put(save, '<</Length 2>>', Buffer.from('q\n'));
  update.put(restore, '<</Length 3>>', Buffer.from('\nQ\n'));
  for (const [pageIndex, onPage] of byPage) {
    const page = handoutDicts[pageIndex];
    const number = handout.pages[pageIndex];
    // The page's own content: one stream or an array of streams, as written in its dictionary.
    const own = page && (/^\[[\s\S]*\]$/.test(page.contents) || refOf(page.contents) !== undefined) ? refsIn(page.contents) : [];
    if (!page || number === undefined || own.length === 0 || own.some((ref) => !handout.pdf.entry(ref)?.stream)) return unexpected;
    const draw = Buffer.from(onPage.map((p) => `q ${p.matrix.map(pdfNumber).join(' ')} cm /RfcSlide${p.slide} Do Q`).join('\n'));
    const drawRef = update.reserve();
    update.put(drawRef, `<</Length ${draw.length}>>`, draw);
    const xobjects = [...new Set(onPage.map((p) => p.slide))].map((slide): [string, string] => [
      `RfcSlide${slide}`,
      writeRef(forms.get(slide)!),
    ]);
    const resources = withXObjects(handout.pdf, page.resources, xobjects, update);
    if (resources === undefined) return unexpected;
    const contents = `[${[save, ...own, restore, drawRef].map(writeRef).join(' ')}]`;
    update.put(
      number,
      writeDict(page.entries.map(([key, value]) => [key, key === 'Contents' ? contents : key === 'Resources' ? resources : value])),
    );
  }
  return undefined;
}

/** A page's content streams as one: copied as stored when there is one, else inflated and joined. */
function contentOf(pdf: ClassicPdf, contents: string): { data: Uint8Array; filter?: string } | undefined {
  const streams = refsIn(contents).map((n) => pdf.entry(n));
  if (streams.length === 0 || streams.some((s) => !s?.stream)) return undefined;
  const filters = streams.map((s) => dictEntries(s!.text)?.filter(([k]) => k !== 'Length'));
  if (filters.some((f) => !f || f.some(([k, v]) => k !== 'Filter' || v !== '/FlateDecode'))) return undefined;
  const [only] = streams;
  if (streams.length === 1 && only?.stream) return { data: only.stream, filter: filters[0]?.length ? '/FlateDecode' : undefined };
  const parts = streams.map((s, i) => (filters[i]?.length ? inflateSync(s!.stream!) : Buffer.from(s!.stream!)));
  return { data: deflateSync(Buffer.concat(parts.flatMap((part) => [part, Buffer.from('\n')]))), filter: '/FlateDecode' };
}

/** The page's /Resources with the forms added to its /XObject dictionary (written anew where needed). */
function withXObjects(pdf: ClassicPdf, resources: string, xobjects: [string, string][], update: Update): string | undefined {
  const resourcesRef = refOf(resources);
  // Resources shared by several pages gather every page's forms: what this update already wrote.
  const dict = resourcesRef === undefined ? resources : (update.get(resourcesRef) ?? pdf.object(resourcesRef));
  const entries = dict === undefined ? undefined : dictEntries(dict);
  if (!entries) return undefined;
  const current = dictValue(entries, 'XObject');
  let merged: string | undefined;
  if (current === undefined) merged = writeDict(xobjects);
  else {
    const ref = refOf(current);
    const existing = dictEntries(ref === undefined ? current : (pdf.object(ref) ?? ''));
    if (!existing) return undefined;
    merged = writeDict([...new Map([...existing, ...xobjects])]);
  }
  const written = writeDict([...entries.filter(([k]) => k !== 'XObject'), ['XObject', merged]]);
  if (resourcesRef === undefined) return written;
  // Shared resources are written anew under their own number: extra names harm no other page.
  update.put(resourcesRef, written);
  return resources;
}

/** A number as PDF writes it: never in exponent notation. */
function pdfNumber(n: number): string {
  return Math.abs(n) < 1e-6 ? '0' : String(Math.round(n * 1e9) / 1e9);
}

/** The same with pdf-lib, for PDFs not as Chromium writes them: each slide embedded once. */
export async function laySlidesWithPdfLib(handout: PDFDocument, slides: PDFDocument, placements: readonly Placement[]): Promise<void> {
  const usable = placements.filter((p) => p.slide < slides.getPageCount() && p.page < handout.getPageCount());
  const drawn = [...new Set(usable.map((p) => p.slide))];
  const embedded = await handout.embedPages(drawn.map((slide) => slides.getPage(slide)));
  const forms = new Map(drawn.map((slide, i) => [slide, embedded[i]]));
  for (const { slide, page, matrix } of usable) {
    const form = forms.get(slide);
    const [xScale, , , yScale, x, y] = matrix;
    if (form) handout.getPage(page).drawPage(form, { x, y, xScale, yScale });
  }
}
