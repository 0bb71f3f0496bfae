import type { BriefConfig } from '../config/resolve.js';
import type { Slide, SlideStack, SourceLine } from '../markdown/model.js';
import { stacksFor, type Target } from '../markdown/only.js';

interface SlideEntry {
  /** undefined for the title slide made from the front matter. */
  readonly slide: Slide | undefined;
  readonly title: string;
  readonly source: SourceLine | undefined;
}

/** A slide the document prints, with its place in the deck. */
export interface NumberedSlide extends SlideEntry {
  readonly printed: true;
  /** 1-based, as the deck's slide number shows it (the title slide is 1). */
  readonly number: number;
  /** 0-based horizontal and vertical index, as in a `#/h/v` link. */
  readonly h: number;
  readonly v: number;
}

/** A hidden slide: in the deck's HTML, but neither shown nor printed. */
export interface HiddenSlide extends SlideEntry {
  readonly printed: false;
  readonly slide: Slide;
}

/** One slide of a document, in order: the deck's, the slides PDF's and the handout's. */
export type PrintedSlide = NumberedSlide | HiddenSlide;

/**
 * The one answer to which slides a document shows, in what order, with what number. In the
 * slides, a hidden slide (`data-visibility="hidden"`) is in the deck's HTML, but reveal.js removes
 * it when the deck starts (unless `showHiddenSlides`), so it is not printed and has no number: the
 * slides after it take the numbers and #/h/v places reveal.js gives them, which is what the
 * audience sees, and what check, lint and the handout all say. The report has no hidden slides
 * (data-visibility is a presentation setting) and no title slide (it has a cover).
 */
export function printedSlides(config: BriefConfig, stacks: readonly SlideStack[], target: Target = 'slides'): PrintedSlide[] {
  const slides: PrintedSlide[] = [];
  let number = 0;
  let h = 0;
  if (target === 'slides' && config.meta.titleSlide) {
    slides.push({ slide: undefined, title: config.meta.title ?? '', source: undefined, printed: true, number: ++number, h: h++, v: 0 });
  }
  const showHidden = target === 'report' || config.revealOptions['showHiddenSlides'] === true;
  for (const stack of stacksFor(stacks, target)) {
    let v = 0;
    for (const slide of stack) {
      const common = { slide, title: slide.title, source: slide.source };
      if (showHidden || slide.attributes['data-visibility'] !== 'hidden')
        slides.push({ ...common, printed: true, number: ++number, h, v: v++ });
      else slides.push({ ...common, printed: false });
    }
    // A stack whose slides are all hidden is removed whole and takes no place.
    if (v > 0) h++;
  }
  return slides;
}

/** The printed slides only: one page each in the slides PDF, in this order. */
export function printedOnly(slides: readonly PrintedSlide[]): NumberedSlide[] {
  return slides.filter((slide) => slide.printed);
}

/** The title a document takes when the front matter gives none: its first slide heading. */
export function firstTitle(slides: readonly PrintedSlide[]): string | undefined {
  return slides.find((slide) => slide.printed && slide.title !== '')?.title;
}

/** The printed slides grouped as the stacks they came from (the report's sections). */
export function printedStacks(slides: readonly PrintedSlide[]): Slide[][] {
  const stacks: Slide[][] = [];
  for (const entry of printedOnly(slides)) {
    if (!entry.slide) continue;
    if (entry.v === 0) stacks.push([]);
    stacks[stacks.length - 1]?.push(entry.slide);
  }
  return stacks;
}
