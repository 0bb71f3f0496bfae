import type { SlideStack } from '../markdown/model.js';
import { stacksFor } from '../markdown/only.js';
import type { BriefConfig } from './resolve.js';

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
  if (!first || !comparable(first.text).includes(comparable(title))) return config;
  return { ...config, meta: { ...config.meta, titleSlide: false } };
}

/** Letters and digits only, in one case: "Small Peak into Big Data" is shown as "Small peak into / big data". */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
