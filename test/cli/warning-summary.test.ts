import { describe, expect, it } from 'vitest';
import { summariseWarnings } from '../../src/cli/warning-summary.js';
import { type Diagnostic, warning } from '../../src/errors.js';

const noNotes = (n: number): Diagnostic[] =>
  Array.from({ length: n }, (_, i) => warning('no-notes', `slide ${i + 1} has no speaker notes`, { file: 'deck.md', line: i * 4 + 1 }));
const refused = (url: string): Diagnostic =>
  warning('refused-request', `refused to load ${url} while printing`, undefined, { refused: url });

describe('the warnings a build prints', () => {
  it('are one line per kind for a deck that has dozens of one kind', () => {
    const lines = summariseWarnings([...noNotes(37), warning('slide', 'this slide is empty', { file: 'deck.md', line: 3 })]);
    expect(lines).toEqual([
      'warning: 37 slides have no speaker notes; `rfc-brief check` lists them',
      'warning: deck.md:3: this slide is empty',
    ]);
  });

  it('stay one line each when there are only a few', () => {
    expect(summariseWarnings(noNotes(2))).toHaveLength(2);
  });

  it('name the first missing files and how many more', () => {
    const missing = ['a.png', 'b.png', 'c.png', 'd.png'].map((f, i) =>
      warning('missing-file', `${f} was not found; the slide will show it as missing`, { file: 'deck.md', line: i }),
    );
    expect(summariseWarnings(missing)).toEqual([
      'warning: 4 files the deck names were not found (a.png, b.png and 2 more); `rfc-brief check` lists them',
    ]);
  });

  it("say the theme's Google Fonts imports once, however few", () => {
    const lines = summariseWarnings([
      refused('https://fonts.googleapis.com/css?family=Open+Sans'),
      refused('https://fonts.googleapis.com/css?family=Montserrat:700'),
      refused('https://www.youtube.com/embed/x'),
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^warning: the theme's web fonts \(fonts\.googleapis\.com\) are not loaded while printing/);
    expect(lines[1]).toMatch(/youtube/);
  });

  it('name each other refused request, with the slide that asked', () => {
    const asked = ['a', 'b', 'c', 'd'].map((h) => ({ ...refused(`https://${h}.example/x.png`), where: { file: 'deck.md', line: 2 } }));
    expect(summariseWarnings(asked)).toHaveLength(4);
  });
});
