import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBriefing } from '../src/pipeline/read-briefing.js';
import { parseSlides } from '../src/markdown/parse.js';
import type { ParsedSlides, Separators } from '../src/markdown/model.js';
import { CORPUS } from './helpers/paths.js';

// Decks written by others, with the slide counts reveal.js itself gives them (each SOURCE.txt).
const stackSizes = (parsed: { stacks: ParsedSlides['stacks'] }) => parsed.stacks.map((s) => s.length);
const total = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);
const notes = (parsed: { stacks: ParsedSlides['stacks'] }) => parsed.stacks.flat().filter((s) => s.notes.html !== '').length;

describe('decks built by reveal-md give reveal.js slide counts', () => {
  const cases: [file: string, horizontal: number, total: number, notes: number][] = [
    ['reveal-md-demo/a.md', 3, 4, 1],
    ['reveal-md-demo/b.md', 3, 3, 0],
    ['reveal-md-demo/c.md', 3, 3, 3],
    ['reveal-md-demo/c-old-custom-separators.md', 3, 4, 1],
    ['reveal-md-demo/e.md', 1, 1, 0],
    ['reveal-md-demo/sub/c.md', 3, 4, 1],
    ['reveal-md-demo/sub/deep/d.md', 4, 5, 0],
    ['reveal-md-demo/demo-mermaid/mermaid.md', 2, 2, 0],
    ['reveal-md-demo/test-fixtures/a.md', 3, 4, 1],
    ['pba-templates/0-how-to-use-reveal-slides.md', 5, 7, 1],
    ['pba-templates/1-copy-paste-reveal-template-slides.md', 13, 13, 2],
  ];
  it.each(cases)('%s: %i horizontal, %i slides, %i notes', (file, horizontal, slides, withNotes) => {
    const briefing = readBriefing(join(CORPUS, file), CORPUS);
    expect(briefing.stacks).toHaveLength(horizontal);
    expect(total(stackSizes(briefing))).toBe(slides);
    expect(notes(briefing)).toBe(withNotes);
  });

  it('reads the separators of pba-templates from its reveal-md.json', () => {
    const briefing = readBriefing(join(CORPUS, 'pba-templates/0-how-to-use-reveal-slides.md'), CORPUS);
    expect(stackSizes(briefing)).toEqual([1, 1, 3, 1, 1]);
  });

  it('builds a deck whose front matter is indented with tabs, and says where', () => {
    const briefing = readBriefing(join(CORPUS, 'pba-templates/1-copy-paste-reveal-template-slides.md'), CORPUS);
    const warning = briefing.warnings.find((w) => /tabs/.test(w.message));
    expect(warning?.where).toEqual({ file: 'pba-templates/1-copy-paste-reveal-template-slides.md', line: expect.any(Number) });
  });
});

describe('Markdown from reveal.js pages gives the counts of reveal.js Markdown plugin', () => {
  const read = (path: string) => readFileSync(join(CORPUS, path), 'utf8');
  const notesDefault = '^\\s*notes?:';
  // A section with no data-separator attribute is one slide: reveal.js does not split it at all.
  const NEVER = '(?!)';
  const sep = (horizontal: string, vertical: string | null = null, notesPattern = notesDefault): Separators => ({
    horizontal,
    vertical,
    notes: notesPattern,
  });
  const parse = (path: string, separators: Separators) => parseSlides([{ path, text: read(path), firstLine: 1 }], separators);

  const cases: [file: string, separators: Separators, sizes: number[]][] = [
    ['revealjs-examples/markdown.md', sep('^\n\n\n', '^\n\n'), [1, 2, 1, 4]],
    ['revealjs-examples/inline/markdown-html.section1.md', sep('---'), [1, 1, 1]],
    ['revealjs-examples/inline/markdown-html.section2.md', sep('^\n---\n$', '^\n--\n$'), [2, 1]],
    ['revealjs-examples/inline/markdown-html.section3.md', sep(NEVER), [1]],
    ['revealjs-examples/inline/markdown-html.section4.md', sep(NEVER), [1]],
    ['revealjs-examples/inline/markdown-html.section5.md', sep(NEVER), [1]],
    ['revealjs-examples/inline/markdown-html.section6.md', sep(NEVER), [1]],
    ['revealjs-examples/inline/markdown-html.section7.md', sep(NEVER), [1]],
    ['revealjs-tests/inline/test-markdown.section1.md', sep('^\n---\n$', '^\n--\n$'), [2, 1]],
    ['revealjs-tests/inline/test-markdown-element-attributes.section1.md', sep('^\n---\n$'), [1, 1]],
    ['revealjs-tests/inline/test-markdown-slide-attributes.section1.md', sep('^\n\n\n', '^\n\n', '^Note:'), [1, 3, 1, 1]],
    ['revealjs-tests/inline/test-markdown-slide-attributes.section2.md', sep('^\n\n\n', '^\n\n', '^Note:'), [1, 3, 1, 1]],
    ['revealjs-tests/inline/test-markdown-slide-attributes.section3.md', sep(NEVER), [1]],
    ['revealjs-tests/inline/test-markdown-attributes.section1.md', sep('^\n\n\n'), [1, 1, 1, 1]],
    ['revealjs-tests/inline/test-markdown-options.section1.md', sep(NEVER), [1]],
    ['revealjs-tests/simple.md', sep('^\n\n\n', '^\n\n'), [1]],
  ];
  it.each(cases)('%s', (file, separators, sizes) => {
    expect(stackSizes(parse(file, separators))).toEqual(sizes);
  });

  it('keeps the one note of markdown.md on slide External 1.1', () => {
    const parsed = parse('revealjs-examples/markdown.md', sep('^\n\n\n', '^\n\n'));
    const withNotes = parsed.stacks.flat().filter((s) => s.notes.html !== '');
    expect(withNotes.map((s) => s.title)).toEqual(['External 1.1']);
  });
});
