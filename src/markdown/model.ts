import type { FigureBlock } from './figures.js';
import type { Target } from './only.js';
import type { Warning } from '../errors.js';

/** One source file of a briefing, as text: the markdown stage never touches the disk. */
export interface SourceFile {
  /** Path as shown to the person (relative to where they ran the command when possible). */
  readonly path: string;
  readonly text: string;
  /** Line in `path` on which `text` starts (after front matter). */
  readonly firstLine: number;
}

export interface Separators {
  readonly horizontal: string;
  readonly vertical: string | null;
  readonly notes: string;
}

/** A reference to a local file the slide needs (an image, a video, a background). */
export interface AssetRef {
  readonly url: string;
  readonly file: string;
  readonly line: number;
}

export interface Slide {
  /** Heading text of the slide (first h1-h6), or '' when it has none. */
  readonly title: string;
  /** The slide's body on the slides. */
  readonly html: string;
  /** The same body as the report prints it (report-only parts in, slides-only parts out). */
  readonly reportHtml: string;
  /** `<!-- .slide: data-only="report" -->` (or "slides") puts the whole slide in one document. */
  readonly only: Target | undefined;
  /** Speaker notes as the deck and the handout show them. */
  readonly notesHtml: string;
  /** The notes as the report prints them, beneath the slide (report-only parts in). */
  readonly reportNotesHtml: string;
  /** Attributes for the slide's <section>, from `<!-- .slide: ... -->` comments. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly file: string;
  readonly line: number;
  readonly assets: readonly AssetRef[];
}

/** Horizontal slides, each a stack of one or more vertical slides. */
export type SlideStack = readonly Slide[];

export interface ParsedSlides {
  readonly stacks: readonly SlideStack[];
  /** Charts and diagrams to draw, each once, in order of appearance. */
  readonly figures: readonly FigureBlock[];
  readonly warnings: readonly Warning[];
}
