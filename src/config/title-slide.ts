import type { SlideStack } from '../markdown/model.js';
import { stacksFor } from '../markdown/only.js';
import type { BriefConfig } from './resolve.js';

/**
 * The title slide rule (README, "Title slide"). In reveal-md, `title` only names the page; a
 * briefing written for rfc-brief gets the slide made from its front matter when it says
 * `titleSlide: true` or carries what that slide shows beyond the title (subtitle, author,
 * version) or another key only a briefing has (requiredSections, sources). `own` reads the front
 * matter only: reveal-md.json never asks for one.
 */
export function asksForTitleSlide(own: (key: string) => unknown): boolean {
  const title = own('title');
  if (title === undefined || (typeof title === 'string' && title.trim() === '')) return false;
  const asked = own('titleSlide');
  if (asked !== undefined) return asked === true;
  return TITLE_SLIDE_KEYS.some((key) => own(key) !== undefined);
}

/** Keys that make a deck an rfc-brief briefing, which opens with its title slide. */
const TITLE_SLIDE_KEYS = ['subtitle', 'author', 'version', 'requiredSections', 'sources'] as const;

/**
 * The last part of the title slide rule (README, "Title slide"): no slide made from the front
 * matter when the deck's first slide already shows the title, as a reveal-md deck's own title
 * slide does (bugli-collaborazione, valorcz-bigdata): a second one would push every `#/N` link
 * one slide off.
 */
export function settleTitleSlide(config: BriefConfig, stacks: readonly SlideStack[]): BriefConfig {
  const { title, titleSlide } = config.meta;
  if (!titleSlide || title === undefined) return config;
  const first = stacksFor(stacks, 'slides')[0]?.[0];
  if (!first || !comparable(first.leadText).includes(comparable(title))) return config;
  return { ...config, meta: { ...config.meta, titleSlide: false } };
}

/** Letters and digits only, in one case: "Small Peak into Big Data" is shown as "Small peak into / big data". */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
