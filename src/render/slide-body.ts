import type { Slide } from '../markdown/model.js';
import type { Target } from '../markdown/only.js';

/**
 * A slide's body for one document. The default layout writes its regions one after another; it
 * has a single region ("body"), so this is that region's HTML as the markdown stage rendered it.
 * Layouts with several regions (#13) wrap each in an element of its own here.
 */
export function slideBody(slide: Slide, target: Target): string {
  return slide.regions.map((region) => (target === 'slides' ? region.html : region.reportHtml)).join('');
}
