import type { Overflow } from '../browser/overflow.js';
import type { BriefConfig } from '../config/resolve.js';
import type { SlideStack } from '../markdown/model.js';
import { numberSlides, type Finding } from './lint.js';

/** What the browser measured, as findings that name the slide by its number, title and line. */
export function overflowFindings(
  briefing: { readonly config: BriefConfig; readonly stacks: readonly SlideStack[] },
  overflows: readonly Overflow[],
): Finding[] {
  const slides = numberSlides(briefing);
  return overflows.map((overflow) => {
    const numbered = slides.find((s) => s.number === overflow.index + 1);
    const [file, line] = overflow.source?.split(/:(?=\d+$)/) ?? [];
    const how = [overflow.bottom > 2 ? `${overflow.bottom} px too tall` : '', overflow.right > 2 ? `${overflow.right} px too wide` : '']
      .filter(Boolean)
      .join(' and ');
    return {
      severity: 'error',
      code: 'overflow',
      message: `slide ${overflow.index + 1}${numbered?.slide.title ? ` "${numbered.slide.title}"` : ''} overflows the slide: its content is ${how}`,
      where: file ? { file, line: Number(line) } : undefined,
      slide: overflow.index + 1,
      title: numbered?.slide.title,
    };
  });
}
