import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { BriefError } from '../../src/errors.js';
import { parseSlides } from '../../src/markdown/parse.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };
const parse = (text: string) => parseSlides([{ path: 'a.md', text, firstLine: 1 }], seps);

/** A line of slide text that is neither a separator nor a notes marker. */
const line = fc
  .string({ maxLength: 40 })
  .map((s) => s.replace(/[\r\n]/g, ' '))
  .filter((s) => !/^\s*(-{3,}|notes?:)/i.test(s.trim()) && !/^\s*(`{3}|~{3})/.test(s));
const body = fc.array(line, { minLength: 1, maxLength: 5 }).map((lines) => `## Title\n\n${lines.join('\n')}`);

describe('the Markdown stage, for any input', () => {
  it('never throws on arbitrary text, except the one error it means to raise', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        try {
          parse(text);
        } catch (error) {
          expect(error).toBeInstanceOf(BriefError);
          expect((error as BriefError).code).toBe('INPUT_TOO_DEEP');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on Markdown-looking text built from its own syntax', () => {
    const token = fc.constantFrom(
      '# ',
      '## ',
      '- ',
      '1. ',
      '> ',
      '```',
      '---',
      '----',
      '|',
      '*',
      '_',
      '`',
      '<!-- .slide: x="1" -->',
      '<div>',
      '</div>',
      'Note:',
      '\n',
      '\n\n',
      'text ',
      '![a](b.png)',
      '[l](#/2)',
      '```chart\n',
      '```mermaid\n',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        parse(tokens.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('gives one slide more than there are separators', () => {
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), (slides, vertical) => {
        const markdown = slides.map((s, i) => (i === 0 ? s : `\n\n${vertical[i] ? '----' : '---'}\n\n${s}`)).join('');
        const parsed = parse(markdown);
        expect(parsed.stacks.flat()).toHaveLength(slides.length);
        const horizontal = slides.filter((_, i) => i > 0 && !vertical[i]).length;
        expect(parsed.stacks).toHaveLength(horizontal + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('never lets speaker notes into a slide body', () => {
    const secret = fc.stringMatching(/^[a-z]{6,12}$/).map((word) => `zq${word}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(body, secret), { minLength: 1, maxLength: 8 }), (slides) => {
        const markdown = slides.map(([text, note]) => `${text}\n\nNote: ${note}`).join('\n\n---\n\n');
        const parsed = parse(markdown).stacks.flat();
        parsed.forEach((slide, i) => {
          const note = slides[i]?.[1] ?? '';
          expect(slide.notes.html).toContain(note);
          for (const [, other] of slides) expect(slide.regions[0]?.html).not.toContain(other);
        });
      }),
      { numRuns: 200 },
    );
  });
});
