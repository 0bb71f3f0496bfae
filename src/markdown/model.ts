import type { FigureBlock } from './figures.js';
import type { ImageFit, SlideLayout } from './layouts.js';
import type { Target } from './only.js';
import type { Diagnostic } from '../errors.js';

/** One source file of a briefing, as text: the markdown stage never touches the disk. */
export interface SourceFile {
  /** Path as shown to the person (relative to where they ran the command when possible). */
  readonly path: string;
  readonly text: string;
  /** Line in `path` on which `text` starts (after front matter). */
  readonly firstLine: number;
  /**
   * The file's path inside the briefing folder, as the deck names it (a deck that is sent out
   * must not carry where it was built); `path` when not given.
   */
  readonly name?: string | undefined;
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

/** Where a slide starts in its source file. */
export interface SourceLine {
  readonly file: string;
  readonly line: number;
}

/** Where a slide starts: `file` as messages show it, `name` as the deck records it. */
export interface SlideSource extends SourceLine {
  readonly name: string;
}

/**
 * A named part of a slide's body, each still rendered Markdown. The default layout has one region,
 * "body"; the named layouts (layouts.ts) have theirs: columns, an image beside the text, …
 */
export interface Region {
  readonly name: string;
  /** The region on the slides. */
  readonly html: string;
  /** The same region as the report prints it (report-only parts in, slides-only parts out). */
  readonly reportHtml: string;
  /** A named layout's region: the line of its marker, else the slide's (what `check` names when it overflows). */
  readonly line?: number | undefined;
}

/** The heading a named layout sets above its regions (the default layout keeps it in its body). */
export interface SlideHeading {
  readonly html: string;
  readonly reportHtml: string;
}

/** Speaker notes as the deck and the handout show them, and as the report prints them. */
export interface Notes {
  readonly html: string;
  readonly reportHtml: string;
}

/** An image on the slide, as the deck shows it. */
export interface SlideImage {
  readonly src: string;
  /** '' when the image has no alt text (or an empty one). */
  readonly alt: string;
}

/**
 * One slide as plain data. What later stages need to know about the content (ids, images, links,
 * URLs) is recorded here while the Markdown is rendered, so that no stage reads the HTML back.
 */
export interface Slide {
  /** Heading text of the slide (first h1-h6), or '' when it has none. */
  readonly title: string;
  /** The start of the text the slide shows (up to LEAD_TEXT characters, whitespace collapsed): does it show the deck's title? */
  readonly leadText: string;
  /** How the regions are arranged: 'default' (one region after another) or a layout of layouts.ts. */
  readonly layout: SlideLayout;
  /** One per region of the layout, in its order (empty ones too). */
  readonly regions: readonly Region[];
  /** Percent of the width of each region, in order, when they sit side by side; empty otherwise. */
  readonly widths: readonly number[];
  /** Above the regions, for layouts whose heading spans the top; undefined for 'default' and when there is none. */
  readonly heading: SlideHeading | undefined;
  /** An image split's image: cropped to fill its side, or shown whole; undefined for other layouts. */
  readonly fit: ImageFit | undefined;
  readonly notes: Notes;
  /** `<!-- .slide: data-only="report" -->` (or "slides") puts the whole slide in one document. */
  readonly only: Target | undefined;
  /** Attributes for the slide's <section>, from `<!-- .slide: ... -->` comments. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly source: SlideSource;
  /** Local files the slide loads, on the slides or in the report. */
  readonly assets: readonly AssetRef[];
  /** Every id on the slide as the deck shows it, its own section's included. */
  readonly ids: readonly string[];
  readonly images: readonly SlideImage[];
  /** In-deck links as written (href="#..."), e.g. "#/2/1" or "#some-id". */
  readonly links: readonly string[];
  /** Every URL the slide, its report rendering or its notes name: which slide asked for a request. */
  readonly urls: readonly string[];
  /** What on the slide only reveal.js's script lays out or loads (r-fit-text, r-stretch, data-src). */
  readonly revealOnly: readonly string[];
  /** The fragment steps reveal.js takes on the slide, code steps included (its notes' fragments too, as reveal.js counts them). */
  readonly fragmentSteps: number;
  /** Code blocks on the slide shown with line numbers (```` ```js [1|3-5] ````, data-line-numbers). */
  readonly numberedCode: number;
  /** The slide or its notes hold a typeset formula: what shows it needs KaTeX's stylesheet and fonts. */
  readonly math: boolean;
}

/** Horizontal slides, each a stack of one or more vertical slides. */
export type SlideStack = readonly Slide[];

export interface ParsedSlides {
  readonly stacks: readonly SlideStack[];
  /** Charts and diagrams to draw, each once, in order of appearance. */
  readonly figures: readonly FigureBlock[];
  readonly warnings: readonly Diagnostic[];
}
