import type { Briefing } from '../pipeline/read-briefing.js';
import type { Diagnostic } from '../errors.js';
import { printedOnly, printedSlides } from '../render/printed-slides.js';

/**
 * The checks that need no browser: slides without notes, images without alt text, links to slides
 * that do not exist, required sections missing.
 */
export function lintBriefing(briefing: Pick<Briefing, 'config' | 'stacks'>): Diagnostic[] {
  const all = printedSlides(briefing.config, briefing.stacks);
  const findings: Diagnostic[] = [];
  // What reveal.js keeps in the deck: a link to a hidden slide, or to an id on one, goes nowhere.
  const printed = printedOnly(all);
  const ids = new Set(printed.flatMap(({ slide }) => slide?.ids ?? []));
  const positions = new Set(printed.map(({ h, v }) => `${h}/${v}`));
  for (const entry of all) {
    const { slide } = entry;
    if (!slide) continue;
    const number = entry.printed ? entry.number : undefined;
    const at = { where: slide.source, slide: number, title: slide.title };
    const named = `${number === undefined ? 'hidden slide' : `slide ${number}`}${slide.title ? ` "${slide.title}"` : ''}`;
    if (!slide.notes.html && (slide.heading?.html || slide.regions.some((region) => region.html.trim() !== '')))
      findings.push({ severity: 'warning', code: 'no-notes', message: `${named} has no speaker notes`, ...at });
    for (const image of slide.images) {
      if (image.alt === '')
        findings.push({ severity: 'warning', code: 'no-alt', message: `${named} has an image without alt text: ${image.src}`, ...at });
    }
    for (const link of slide.links) {
      const target = link.slice(1);
      if (target === '' || linkResolves(target, positions, ids)) continue;
      findings.push({
        severity: 'error',
        code: 'broken-link',
        message: `${named} links to #${target}, which is no slide or element of the deck`,
        ...at,
      });
    }
  }
  for (const section of briefing.config.requiredSections) {
    const wanted = section.toLowerCase();
    const present = all.some(
      ({ slide }) => slide?.attributes['data-section']?.toLowerCase() === wanted || slide?.title.toLowerCase().includes(wanted),
    );
    if (!present)
      findings.push({
        severity: 'error',
        code: 'missing-section',
        message: `the briefing has no "${section}" section (required in the front matter)`,
      });
  }
  return findings;
}

/** reveal.js links: #/2, #/2/1 (0-based horizontal/vertical), #/some-id, or a plain #id. */
function linkResolves(target: string, positions: ReadonlySet<string>, ids: ReadonlySet<string>): boolean {
  const index = /^\/(\d+)(?:\/(\d+))?\/?$/.exec(target);
  if (index) return positions.has(`${index[1]}/${index[2] ?? 0}`);
  const id = target.replace(/^\//, '');
  return ids.has(id);
}
