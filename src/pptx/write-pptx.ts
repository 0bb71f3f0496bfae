import type Pptx from 'pptxgenjs';
import type { Palette } from '../config/palette.js';
import type { Box, Cell, Colour, MeasuredDeck, Paint, Picture, TableShape, TextShape } from './model.js';
import { finishPackage, type Body } from './fill-package.js';
import { textFrame } from './text-body.js';

/** What slides.pptx is written from: the slides as measured, their notes, the pictures' bytes. */
export interface PptxInput {
  readonly deck: MeasuredDeck;
  /** Per slide, its speaker notes' paragraphs. */
  readonly notes: readonly (readonly string[])[];
  /** Per slide, each picture's bytes by its name: a PNG (the screenshot, or the image file) or a JPEG/GIF file. */
  readonly pictures: readonly ReadonlyMap<string, { readonly type: 'png' | 'jpeg' | 'gif'; readonly bytes: Uint8Array }>[];
  readonly meta: {
    readonly title: string;
    readonly author?: string | undefined;
    readonly subject?: string | undefined;
    readonly keywords?: readonly string[] | undefined;
    readonly lang?: string | undefined;
  };
  readonly palette: Palette;
  /** Where a link on a slide goes: a URL, a slide of this deck (0-based), or nowhere. */
  readonly link: (href: string) => { readonly url: string } | { readonly slide: number } | undefined;
}

const MASTER = 'RFC_BRIEF';
const inch = (px: number) => px / 96;
const hex = (colour: Colour) => ({ color: colour.hex, transparency: Math.round((1 - colour.alpha) * 100) });

/**
 * The package: pptxgenjs lays out the presentation (master, layouts, slides, notes pages, media,
 * tables, document properties); each text body is written here (text-body.ts) and put in its
 * place afterwards, with the package's known faults repaired (package-fixes.ts).
 */
export async function writePptx(input: PptxInput): Promise<Uint8Array> {
  // The types read pptxgenjs as CommonJS; Node loads its ES module, whose default is the class.
  const { default: Presentation } = (await import('pptxgenjs')) as unknown as { default: typeof Pptx.default };
  const pptx = new Presentation();
  const { deck, meta, palette } = input;
  pptx.defineLayout({ name: 'DECK', width: inch(deck.width), height: inch(deck.height) });
  pptx.layout = 'DECK';
  pptx.title = meta.title;
  if (meta.author) pptx.author = meta.author;
  if (meta.subject) pptx.subject = meta.subject;
  pptx.company = '';
  const font =
    palette.font
      .split(',')[0]
      ?.trim()
      .replace(/^["']|["']$/g, '') || 'Arial';
  pptx.theme = { headFontFace: font, bodyFontFace: font };
  const background = palette.background.replace('#', '').toUpperCase();
  const titles = deck.slides.flatMap((slide) => slide.items.filter((i): i is TextShape => i.kind === 'text' && i.role === 'title'));
  const title = titles[1] ?? titles[0];
  const frame = title ? textFrame(title.box, title.paragraphs).box : { x: 48, y: 32, w: deck.width - 96, h: 96 };
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: background },
    objects: [{ placeholder: { options: { name: 'title', type: 'title', ...place(frame) }, text: '' } }],
  });

  const bodies = new Map<string, Body>();
  const svgs = new Map<string, string>();
  let count = 0;
  const marker = (body: Body): string => {
    const key = `@@rfc-brief-${++count}@@`;
    bodies.set(key, body);
    return key;
  };
  deck.slides.forEach((measured, index) => {
    const slide = pptx.addSlide({ masterName: MASTER });
    if (measured.background.hex !== background) slide.background = { color: measured.background.hex };
    for (const item of measured.items) {
      if (item.kind === 'paint') addPaint(slide, item);
      else if (item.kind === 'text') addText(slide, item, marker);
      else if (item.kind === 'table') addTable(slide, item, marker);
      else addPicture(slide, item, input.pictures[index]?.get(item.name), (svg) => svgs.set(`${index}:${item.name}`, svg));
    }
    const notes = input.notes[index] ?? [];
    if (notes.length > 0) slide.addNotes(marker({ notes }));
  });
  // Stored, not compressed: the package is compressed once, when it is finished.
  const bytes = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return finishPackage(bytes, { bodies, svgs, palette, meta, link: input.link });
}

function place(box: Box): { x: number; y: number; w: number; h: number } {
  return { x: inch(box.x), y: inch(box.y), w: inch(Math.max(box.w, 1)), h: inch(Math.max(box.h, 1)) };
}

/** A rounded rectangle's geometry: pptxgenjs takes the radius in inches (its `adj` is radius / shorter side). */
function corners(box: Box, radius: number): { shape: Pptx.default.ShapeType; rectRadius?: number } {
  if (radius <= 0.5) return { shape: 'rect' as Pptx.default.ShapeType };
  return { shape: 'roundRect' as Pptx.default.ShapeType, rectRadius: inch(Math.min(radius, Math.min(box.w, box.h) / 2)) };
}

function addPaint(slide: Pptx.default.Slide, paint: Paint): void {
  const { shape, ...radius } = corners(paint.box, paint.radius);
  slide.addShape(shape, { ...place(paint.box), fill: hex(paint.fill), line: { type: 'none' }, ...radius });
}

function addText(slide: Pptx.default.Slide, shape: TextShape, marker: (body: Body) => string): void {
  const frame = textFrame(shape.box, shape.paragraphs);
  const text = marker({
    name: shape.name,
    frame,
    paragraphs: shape.paragraphs,
    number: shape.role === 'number',
    title: shape.role === 'title',
  });
  slide.addText(text, {
    ...place(frame.box),
    objectName: shape.name,
    ...(shape.role === 'title' ? { placeholder: 'title' } : {}),
    // A filled block (a callout, a panel) is its own fill, its corners rounded as the browser drew them.
    ...(shape.fill ? { fill: hex(shape.fill), ...corners(frame.box, shape.radius) } : {}),
  });
}

function addTable(slide: Pptx.default.Slide, table: TableShape, marker: (body: Body) => string): void {
  const border = (side: Cell['borders'][number]): Pptx.default.BorderProps =>
    side ? { type: 'solid', pt: side.width * 0.75, color: side.colour.hex } : { type: 'none' };
  const rows = table.rows.map((row) =>
    row.cells.map((cell) => {
      const left = cell.padding[3];
      const box = { x: cell.x + left, y: cell.y, w: 0, h: row.height };
      const frame = textFrame(box, cell.paragraphs);
      const inset = Math.min(frame.top, row.height);
      return {
        text: marker({ frame: { box, top: inset }, paragraphs: cell.paragraphs, cell: true }),
        options: {
          ...(cell.fill ? { fill: hex(cell.fill) } : {}),
          border: cell.borders.map(border),
          // Inches (pptxgenjs takes a margin of 1 or more as points): the top inset is where the first
          // line sits; none on the right, where a slightly wider font would make the cell wrap.
          margin: [inch(inset), 0, 0, inch(left)].map((m) => Math.min(m, 0.99)),
          // Where the browser put the first line is the top inset: the text hangs from it.
          valign: 'top',
          ...(cell.colspan > 1 ? { colspan: cell.colspan } : {}),
          ...(cell.rowspan > 1 ? { rowspan: cell.rowspan } : {}),
        },
      } as Pptx.default.TableCell;
    }),
  );
  slide.addTable(rows, {
    ...place(table.box),
    colW: table.columns.map(inch),
    rowH: table.rows.map((row) => inch(row.height)),
    objectName: table.name,
  });
}

function addPicture(
  slide: Pptx.default.Slide,
  picture: Picture,
  image: { readonly type: string; readonly bytes: Uint8Array } | undefined,
  keepSvg: (svg: string) => void,
): void {
  if (!image) return;
  slide.addImage({
    ...place(picture.box),
    data: `image/${image.type};base64,${Buffer.from(image.bytes).toString('base64')}`,
    altText: picture.alt,
    objectName: picture.name,
  });
  if (picture.svg) keepSvg(picture.svg);
}
