import type { BriefConfig } from '../config/resolve.js';
import type { SlideStack } from '../markdown/model.js';
import { printedOnly, printedSlides } from './printed-slides.js';

/**
 * The pages of the slides PDF. One per printed slide, its fragments shown; with reveal.js's
 * pdfSeparateFragments, as reveal.js's print layout makes them (js/controllers/printview.js): a
 * slide's page with none of its fragments shown, then one page per fragment step, code steps
 * included, each showing the steps so far.
 */
export interface PrintedPage {
  /** The slide's place among the printed slides (printedOnly), 0-based. */
  readonly slide: number;
  /** 0: the slide's own page; k: after its k-th fragment step (pdfSeparateFragments only). */
  readonly step: number;
  /** The page's label as reveal.js's print numbers it: "3", then "3.1", "3.2" for its steps. */
  readonly label: string;
}

/** reveal.js's option; rfc-brief's default is one page per slide (config/defaults.ts). */
export function separatesFragments(config: BriefConfig): boolean {
  return config.revealOptions['pdfSeparateFragments'] === true;
}

export function printedPages(config: BriefConfig, stacks: readonly SlideStack[]): PrintedPage[] {
  const separate = separatesFragments(config);
  return printedOnly(printedSlides(config, stacks)).flatMap(({ slide, number }, index) => {
    const steps = separate ? (slide?.fragmentSteps ?? 0) : 0;
    return Array.from({ length: steps + 1 }, (_, step) => ({ slide: index, step, label: pageLabel(number, step) }));
  });
}

/** reveal.js's slide-number-pdf text: the slide's number, and ".k" on the page of its k-th step. */
export function pageLabel(number: number, step: number): string {
  return step === 0 ? String(number) : `${number}.${step}`;
}

/** For each printed slide, the page of the slides PDF that shows it whole: its last step. */
export function wholeSlidePages(pages: readonly PrintedPage[]): number[] {
  const last: number[] = [];
  pages.forEach((page, index) => (last[page.slide] = index));
  return last;
}
