import type { Briefing } from '../pipeline/read-briefing.js';
import type { SourceLocation, Warning } from '../errors.js';
import type { Slide } from '../markdown/model.js';
import { stacksFor } from '../markdown/only.js';

export const SEVERITIES = ['error', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly where?: SourceLocation | undefined;
  /** 1-based number of the slide as the deck shows it (the title slide is 1). */
  readonly slide?: number | undefined;
  readonly title?: string | undefined;
}

/** A slide with the number the deck shows for it. */
export interface NumberedSlide {
  readonly number: number;
  readonly h: number;
  readonly v: number;
  readonly slide: Slide;
}

export function numberSlides(briefing: Pick<Briefing, 'config' | 'stacks'>): NumberedSlide[] {
  const offset = briefing.config.meta.titleSlide ? 1 : 0;
  const numbered: NumberedSlide[] = [];
  stacksFor(briefing.stacks, 'slides').forEach((stack, h) =>
    stack.forEach((slide, v) => numbered.push({ number: numbered.length + 1 + offset, h: h + offset, v, slide })),
  );
  return numbered;
}

/**
 * The checks that need no browser: slides without notes, images without alt text, links to slides
 * that do not exist, required sections missing.
 */
export function lintBriefing(briefing: Pick<Briefing, 'config' | 'stacks'>): Finding[] {
  const slides = numberSlides(briefing);
  const findings: Finding[] = [];
  const ids = new Set(
    slides.flatMap(({ slide }) => [slide.attributes['id'], ...[...slide.html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1])]),
  );
  const positions = new Set(slides.map(({ h, v }) => `${h}/${v}`));
  if (briefing.config.meta.titleSlide) positions.add('0/0');
  for (const { number, slide } of slides) {
    const at = { where: { file: slide.file, line: slide.line }, slide: number, title: slide.title };
    const named = `slide ${number}${slide.title ? ` "${slide.title}"` : ''}`;
    if (!slide.notesHtml && slide.html.trim() !== '')
      findings.push({ severity: 'warning', code: 'no-notes', message: `${named} has no speaker notes`, ...at });
    for (const image of slide.html.match(/<img\b[^>]*>/g) ?? []) {
      if (!/\balt="[^"]+"/.test(image))
        findings.push({
          severity: 'warning',
          code: 'no-alt',
          message: `${named} has an image without alt text: ${/src="([^"]*)"/.exec(image)?.[1] ?? ''}`,
          ...at,
        });
    }
    for (const [, target] of slide.html.matchAll(/<a\b[^>]*\bhref="#([^"]*)"/g)) {
      if (target === undefined || target === '' || linkResolves(target, positions, ids)) continue;
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
    const present = slides.some(
      ({ slide }) => slide.attributes['data-section']?.toLowerCase() === wanted || slide.title.toLowerCase().includes(wanted),
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
function linkResolves(target: string, positions: ReadonlySet<string>, ids: ReadonlySet<string | undefined>): boolean {
  const index = /^\/(\d+)(?:\/(\d+))?\/?$/.exec(target);
  if (index) return positions.has(`${index[1]}/${index[2] ?? 0}`);
  const id = target.replace(/^\//, '');
  return ids.has(id);
}

/** The build's own warnings as findings: a missing file is an error for `check`. */
export function warningsAsFindings(warnings: readonly Warning[]): Finding[] {
  return warnings.map((w) => {
    const missing = w.missingFile === true;
    return {
      severity: missing ? 'error' : 'warning',
      code: missing ? 'missing-file' : w.refused ? 'refused-request' : 'build-warning',
      message: w.message,
      where: w.where,
    };
  });
}
