/** reveal-md's separators, the de-facto standard for reveal.js Markdown decks. */
export const DEFAULT_SEPARATOR = '\\r?\\n---\\r?\\n';
export const DEFAULT_VERTICAL_SEPARATOR = '\\r?\\n----\\r?\\n';
/** reveal.js's own: a line starting "Note:" or "Notes:", any case. */
export const DEFAULT_NOTES_SEPARATOR = '^\\s*notes?:';

export const DEFAULT_THEME = 'light';

/** Handout layouts: slides per page (1 and 3 with notes, 6 without). */
export const HANDOUT_LAYOUTS = ['1', '3', '6'] as const;
export type HandoutLayout = (typeof HANDOUT_LAYOUTS)[number];
export const DEFAULT_HANDOUT_LAYOUT: HandoutLayout = '3';

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const DEFAULT_PAPER: PaperSize = 'a4';
export const DEFAULT_LANG = 'en';

/** Slide images (slides-images/): the file format, and the scale over the slide's own pixels. */
export const IMAGE_FORMATS = ['png', 'jpeg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
export const DEFAULT_IMAGE_FORMAT: ImageFormat = 'png';
export const DEFAULT_IMAGE_SCALE = 1;
/** 4: a 1280×720 slide becomes 5120×2880, past any screen it is shown on. */
export const IMAGE_SCALE_LIMITS = { min: 0.25, max: 4 } as const;
export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Printed slides the plain default timeout is for. Chromium's print time grows with the square
 * of a document's pages (this machine, static print page: 1,000 slides 27-48 s, 2,000 198 s; a
 * plain page of 500 pages 1.9 s, of 2,000 62 s), so past this count the default grows with the
 * square of the slides: 5,000 slides wait up to 100 minutes (issue 15).
 */
export const TIMEOUT_SLIDES = 500;

/** Slide size: 16:9, the shape of every meeting-room screen and video call. */
export const DEFAULT_REVEAL_OPTIONS: Readonly<Record<string, unknown>> = {
  width: 1280,
  height: 720,
  // The themes pad the slide themselves, so a PDF page is exactly one 16:9 slide.
  margin: 0,
  center: false,
  hash: true,
  slideNumber: 'c/t',
  transition: 'fade',
  pdfSeparateFragments: false,
  pdfMaxPagesPerSlide: 1,
};

/** reveal.js's own layout (https://revealjs.com/config/), for decks in a reveal.js theme that give no size. */
export const REVEAL_JS_LAYOUT: Readonly<Record<string, unknown>> = { width: 960, height: 700, margin: 0.04, center: true };

/** reveal-md keys that shape its output and that rfc-brief does not honour, with what to do instead. */
export const UNSUPPORTED_KEYS: Readonly<Record<string, string>> = {
  template: 'rfc-brief writes its own page around the slides; put what the template added in the slides, or style it with "css"',
  preprocessor: 'rfc-brief runs no code on the Markdown; run the preprocessor yourself and build its output',
};

/** Front matter keys rfc-brief reads, and reveal-md's keys that it accepts without a warning. */
export const FRONT_MATTER_KEYS = [
  'title',
  'subtitle',
  'author',
  'date',
  'version',
  'description',
  'keywords',
  'theme',
  'lang',
  'titleSlide',
  'allowScripts',
  'requiredSections',
  'handout',
  'paper',
  'imageFormat',
  'imageScale',
  'sources',
  'separator',
  'verticalSeparator',
  'notesSeparator',
  'revealOptions',
  'highlightTheme',
  'css',
  'scripts',
] as const;
export type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];
