import { deflateSync, inflateSync } from 'node:zlib';
import { ClassicPdf } from './classic-pdf.js';
import { dictEntries, dictValue, refsIn, renumber, writeDict } from './pdf-dict.js';
import { Update } from './pdf-update.js';

/** One slide drawn on one handout page: `matrix` maps the slide's page onto the frame. */
export interface Placement {
  readonly slide: number;
  readonly page: number;
  readonly matrix: readonly [number, number, number, number, number, number];
}

/** A page's size from its MediaBox: what the caller needs to work out the placements. */
export interface PageSizes {
  readonly slides: readonly { readonly width: number; readonly height: number }[];
  readonly handout: readonly { readonly width: number; readonly height: number }[];
}

/**
 * Lays slides into the handout without a PDF library: each slide's page becomes a form (its
 * content stream and the objects its resources use, copied byte for byte), drawn on its handout
 * page by a small content stream, all appended to Chromium's handout as an incremental update.
 * pdf-lib loaded both documents and wrote the handout anew, about a second for 200 slides; this
 * copies what is drawn. `undefined` when either file is not as Chromium writes it (the caller
 * then uses pdf-lib).
 */
export function laySlides(
  handoutBytes: Uint8Array,
  slidesBytes: Uint8Array,
  place: (sizes: PageSizes) => readonly Placement[],
): Uint8Array | undefined {
  const handout = ClassicPdf.read(handoutBytes);
  const slides = ClassicPdf.read(slidesBytes);
  const handoutPages = handout?.pages();
  const slidePages = slides?.pages();
  if (!handout || !slides || !handoutPages || !slidePages) return undefined;
  const slideDicts = slidePages.map((page) => pageOf(slides, page));
  const handoutDicts = handoutPages.map((page) => pageOf(handout, page));
  if (slideDicts.some((d) => !d) || handoutDicts.some((d) => !d)) return undefined;
  const placements = place({ slides: slideDicts.map((d) => d!.size), handout: handoutDicts.map((d) => d!.size) });

  const update = new Update(handout.size);
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
    const content = page && contentOf(slides, page.contents);
    if (!page || !content) return undefined;
    const resources = renumber(page.resources, copyRef);
    if (resources === undefined) return undefined;
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
    const entry = slides.entry(number);
    const type = entry && entry.text.startsWith('<<') ? dictValue(entry.text, 'Type') : undefined;
    const text = entry && renumber(entry.text, copyRef);
    if (!entry || text === undefined || type === '/Page' || type === '/Pages' || type === '/Catalog') return undefined;
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
    const number = handoutPages[pageIndex];
    // The page's own content: one stream or an array of streams, as written in its dictionary.
    const own = page && (/^\[[\s\S]*\]$/.test(page.contents) || /^\d+\s+0\s+R$/.test(page.contents)) ? refsIn(page.contents) : [];
    if (!page || number === undefined || own.length === 0 || own.some((ref) => !handout.entry(ref)?.stream)) return undefined;
    const draw = Buffer.from(onPage.map((p) => `q ${p.matrix.map(pdfNumber).join(' ')} cm /RfcSlide${p.slide} Do Q`).join('\n'));
    const drawRef = update.reserve();
    update.put(drawRef, `<</Length ${draw.length}>>`, draw);
    const xobjects = [...new Set(onPage.map((p) => p.slide))].map((slide): [string, string] => [
      `RfcSlide${slide}`,
      `${forms.get(slide)} 0 R`,
    ]);
    const resources = withXObjects(handout, page.resources, xobjects, update);
    if (resources === undefined) return undefined;
    const contents = `[${[save, ...own, restore, drawRef].map((ref) => `${ref} 0 R`).join(' ')}]`;
    update.put(
      number,
      writeDict(page.entries.map(([key, value]) => [key, key === 'Contents' ? contents : key === 'Resources' ? resources : value])),
    );
  }
  return update.append(handoutBytes, handout);
}

interface PageDict {
  readonly entries: [string, string][];
  readonly mediaBox: string;
  readonly resources: string;
  readonly contents: string;
  readonly size: { readonly width: number; readonly height: number };
  readonly origin: readonly [number, number];
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
  const resourcesRef = /^(\d+)\s+0\s+R$/.exec(resources)?.[1];
  // Resources shared by several pages gather every page's forms: what this update already wrote.
  const dict = resourcesRef === undefined ? resources : (update.get(Number(resourcesRef)) ?? pdf.object(Number(resourcesRef)));
  const entries = dict === undefined ? undefined : dictEntries(dict);
  if (!entries) return undefined;
  const current = dictValue(entries, 'XObject');
  let merged: string | undefined;
  if (current === undefined) merged = writeDict(xobjects);
  else {
    const ref = /^(\d+)\s+0\s+R$/.exec(current)?.[1];
    const existing = dictEntries(ref === undefined ? current : (pdf.object(Number(ref)) ?? ''));
    if (!existing) return undefined;
    merged = writeDict([...new Map([...existing, ...xobjects])]);
  }
  const written = writeDict([...entries.filter(([k]) => k !== 'XObject'), ['XObject', merged]]);
  if (resourcesRef === undefined) return written;
  // Shared resources are written anew under their own number: extra names harm no other page.
  update.put(Number(resourcesRef), written);
  return resources;
}

/** A number as PDF writes it: never in exponent notation. */
function pdfNumber(n: number): string {
  return Math.abs(n) < 1e-6 ? '0' : String(Math.round(n * 1e9) / 1e9);
}
