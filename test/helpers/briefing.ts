import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { settleTitleSlide } from '../../src/config/title-slide.js';
import { parseSlides, type ParseOptions } from '../../src/markdown/parse.js';

const SEPARATORS = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };

/** A briefing from one file of Markdown and its front matter, as `readBriefing` would give it (no disk). */
export function briefingOf(markdown: string, frontMatter: Record<string, unknown> = {}, options: ParseOptions = {}) {
  const { config } = resolveConfig({ root: '/' }, [{ data: frontMatter, file: 'deck.md', keyLines: {}, warnUnknown: true }]);
  const { stacks } = parseSlides([{ path: 'deck.md', text: markdown, firstLine: 1 }], SEPARATORS, options);
  return { config: settleTitleSlide(config, stacks), stacks };
}

/** The deck of issue 12: a hidden slide before the one that overflows. */
export const HIDDEN_BEFORE_OVERFLOW = [
  '## First\n\nNote: said.',
  '<!-- .slide: data-visibility="hidden" -->\n## Hidden one\n\nNote: not presented.',
  '## Second',
  `## Overflowing\n\n${Array.from({ length: 17 }, (_, i) => `- bullet ${i + 1}`).join('\n')}\n\nNote: too long.`,
].join('\n\n---\n\n');
