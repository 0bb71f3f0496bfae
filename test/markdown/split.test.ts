import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { lineAt, splitNotes, splitSlides } from '../../src/markdown/split.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };
const texts = (md: string) => splitSlides(md, seps).map((stack) => stack.map((s) => s.text.trim()));

describe('splitSlides', () => {
  it('starts a horizontal slide at each --- line', () => {
    expect(texts('# A\n\n---\n\n# B\n\n---\n\n# C')).toEqual([['# A'], ['# B'], ['# C']]);
  });

  it('stacks slides after ---- under the slide before them', () => {
    expect(texts('# A\n\n---\n\n# B\n\n----\n\n# B.1\n\n----\n\n# B.2\n\n---\n\n# C')).toEqual([
      ['# A'],
      ['# B', '# B.1', '# B.2'],
      ['# C'],
    ]);
  });

  it('takes custom separators as regular expressions', () => {
    const custom = { ...seps, horizontal: '<!--s-->', vertical: '<!--v-->' };
    const stacks = splitSlides('# A\n<!--s-->\n# B\n<!--v-->\n# C', custom);
    expect(stacks.map((s) => s.length)).toEqual([1, 2]);
  });

  it('does not split on a --- inside a line', () => {
    expect(texts('a---b\n\n# still one')).toHaveLength(1);
  });

  it('keeps the offset of every piece for line numbers', () => {
    const md = '# A\n\n---\n\n# B';
    const [, second] = splitSlides(md, seps);
    expect(md.slice(second?.[0]?.offset)).toBe('\n# B');
  });

  it('gives an empty slide for two separators with only a blank line between', () => {
    expect(texts('# A\n\n---\n\n---\n\n# B')).toEqual([['# A'], [''], ['# B']]);
  });

  it('needs a line break before a separator, as reveal.js does', () => {
    expect(texts('# A\n---\n---\n# B')).toEqual([['# A'], ['---\n# B']]);
  });
});

describe('splitNotes', () => {
  it('splits at a line starting Note:', () => {
    const { body, notes } = splitNotes('# A\n\nNote: say this', DEFAULT_NOTES_SEPARATOR);
    expect([body.trim(), notes]).toEqual(['# A', 'say this']);
  });

  it('accepts Notes:, any case, on a line of its own', () => {
    expect(splitNotes('# A\nNOTES:\nfirst\nsecond', DEFAULT_NOTES_SEPARATOR).notes).toBe('first\nsecond');
  });

  it('takes no notes from a slide with two markers, as reveal.js does', () => {
    expect(splitNotes('# A\nNote: one\n\nNote: two', DEFAULT_NOTES_SEPARATOR)).toEqual({
      body: '# A\nNote: one\n\nNote: two',
      notes: '',
      markers: 2,
    });
  });

  it('leaves a slide without notes whole', () => {
    expect(splitNotes('# A\nA note: not at the start', DEFAULT_NOTES_SEPARATOR)).toEqual({
      body: '# A\nA note: not at the start',
      notes: '',
      markers: 0,
    });
  });
});

describe('lineAt', () => {
  it('counts lines from the given first line', () => {
    expect(lineAt('a\nb\nc', 4, 10)).toBe(12);
  });
});
