/**
 * The printed slides as the browser laid them out (src/browser/slide-walker.ts measures them on the
 * static print page), as plain data: what slides.pptx is written from. Every length is in CSS
 * pixels, every position relative to the slide's top-left corner; 96 px are one inch.
 */

/** A colour as `RRGGBB` and its opacity (0 to 1). */
export interface Colour {
  readonly hex: string;
  readonly alpha: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A generic font family, as CSS names it: sans-serif, serif, monospace. */
export type Generic = 'sans' | 'serif' | 'mono';

/** A piece of text in one style, on one line. */
export interface Run {
  readonly text: string;
  /** The font family the style names first (generic families mapped to a common font). */
  readonly font: string;
  /**
   * The kind of font the style falls back to (the generic family its font stack ends with): what a
   * reader without the font picks a substitute by (a monospace one for code).
   */
  readonly generic: Generic | undefined;
  /** px */
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly colour: Colour;
  readonly underline: boolean;
  readonly strike: boolean;
  /** Letter spacing, px. */
  readonly spacing: number;
  readonly shift: 'super' | 'sub' | undefined;
  /** An absolute URL, or `#…` for a place in the deck. */
  readonly link: string | undefined;
}

/** One line as the browser broke it: where its baseline sits, and the size of its largest text. */
export interface Line {
  readonly runs: readonly Run[];
  /** px from the slide's top. */
  readonly baseline: number;
  /** The largest font size on the line, px. */
  readonly size: number;
}

export type Bullet =
  | {
      readonly kind: 'char';
      readonly char: string;
      readonly x: number;
      readonly colour: Colour;
      readonly font: string;
      readonly size: number;
    }
  | {
      readonly kind: 'number';
      readonly scheme: string;
      readonly start: number;
      readonly x: number;
      readonly colour: Colour;
      readonly font: string;
      readonly size: number;
    };

/** A paragraph (a heading, a paragraph, a list item's text, a code block): lines kept as laid out. */
export interface Paragraph {
  readonly lines: readonly Line[];
  readonly align: 'l' | 'ctr' | 'r' | 'just';
  /** Where the text starts, px from the slide's left. */
  readonly left: number;
  /** The distance between two baselines, px. */
  readonly lineHeight: number;
  /** List nesting (0: not in a list, or a first-level item). */
  readonly level: number;
  readonly bullet: Bullet | undefined;
  /** Tab stops, px from the slide's left (cells of a row laid out as one line: code line numbers). */
  readonly tabs: readonly number[];
  /** Where the first line starts further in, px (a paragraph that starts with inline code: its padding). */
  readonly indent: number;
}

/** One block of text (heading, paragraph, list, quote, callout, code): one shape. */
export interface TextShape {
  readonly kind: 'text';
  /** The slide's title goes into the title placeholder; the slide number is a field. */
  readonly role: 'title' | 'body' | 'number';
  readonly name: string;
  readonly box: Box;
  readonly fill: Colour | undefined;
  /** Corner radius, px. */
  readonly radius: number;
  readonly paragraphs: readonly Paragraph[];
}

/** Something painted: a background, one side of a border, a rule. */
export interface Paint {
  readonly kind: 'paint';
  readonly box: Box;
  readonly fill: Colour;
  readonly radius: number;
}

/** An image, chart, diagram or formula, shown as a picture. */
export interface Picture {
  readonly kind: 'picture';
  readonly name: string;
  readonly alt: string;
  readonly box: Box;
  /** The image file as the page loaded it (a raster <img>); else a screenshot is taken. */
  readonly src: string | undefined;
  /** An inline <svg>, standalone: kept beside the PNG, which PowerPoint shows natively. */
  readonly svg: string | undefined;
  /** Where to take the screenshot, in the page's coordinates. */
  readonly capture: Box;
}

export interface Border {
  readonly width: number;
  readonly colour: Colour;
}

export interface Cell {
  readonly colspan: number;
  readonly rowspan: number;
  readonly fill: Colour | undefined;
  /** top, right, bottom, left */
  readonly borders: readonly [Border | undefined, Border | undefined, Border | undefined, Border | undefined];
  /** top, right, bottom, left, px */
  readonly padding: readonly [number, number, number, number];
  /** The cell's top-left, px from the slide's corner (for the text's offsets). */
  readonly x: number;
  readonly y: number;
  readonly paragraphs: readonly Paragraph[];
}

export interface TableShape {
  readonly kind: 'table';
  readonly name: string;
  readonly box: Box;
  readonly columns: readonly number[];
  readonly rows: readonly { readonly height: number; readonly cells: readonly Cell[] }[];
}

export type Item = TextShape | Paint | Picture | TableShape;

export interface MeasuredSlide {
  readonly background: Colour;
  /** Back to front. */
  readonly items: readonly Item[];
}

export interface MeasuredDeck {
  /** The slide's size, px. */
  readonly width: number;
  readonly height: number;
  readonly slides: readonly MeasuredSlide[];
}
