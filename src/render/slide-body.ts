import type { Slide } from '../markdown/model.js';
import type { Target } from '../markdown/only.js';
import { layoutBody } from './layout-html.js';

/**
 * A slide's body for one document. The default layout writes its regions one after another; it
 * has a single region ("body"), so this is that region's HTML as the markdown stage rendered it.
 * A named layout wraps each region in an element of its own (layout-html.ts).
 */
export function slideBody(slide: Slide, target: Target): string {
  if (slide.layout !== 'default') return layoutBody(slide, target);
  return slide.regions.map((region) => (target === 'slides' ? region.html : region.reportHtml)).join('');
}
