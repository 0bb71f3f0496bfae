import { describe, expect, it } from 'vitest';
import { briefingOf } from '../helpers/briefing.js';
import { keepCommentsInListItems } from '../../src/markdown/marked4.js';

const body = (markdown: string) => briefingOf(markdown).stacks[0]?.[0]?.regions[0]?.html ?? '';

describe('reveal-md decks read as marked 4 read them', () => {
  it('keeps a list whole when an .element comment follows an item, and styles that item', () => {
    const html = body('- one\n<!-- .element: class="fragment" -->\n- two\n<!-- .element: class="fragment" -->\n    - nested\n');
    expect(html.match(/<ul>/g)).toHaveLength(2);
    expect(html).toMatch(/<li class="fragment">one/);
    expect(html).toMatch(/<li class="fragment">two[\s\S]*<ul>\s*<li>nested<\/li>/);
    expect(html).not.toContain('<pre>');
  });

  it('keeps a numbered list whole too, also for the comment written without a colon', () => {
    const html = body('1. first\n<!-- .element class="fragment" -->\n1. second\n');
    expect(html.match(/<ol>/g)).toHaveLength(1);
    expect(html).toMatch(/<li class="fragment">first/);
  });

  it('leaves a comment after a blank line, and code fences, alone', () => {
    expect(keepCommentsInListItems('- a\n\n<!-- x -->')).toBe('- a\n\n<!-- x -->');
    expect(keepCommentsInListItems('```\n- a\n<!-- x -->\n```')).toBe('```\n- a\n<!-- x -->\n```');
  });

  it('gives headings the ids marked 4 gave them, so in-deck links reach them', () => {
    const briefing = briefingOf(
      "## Agenda\n\n[Part 2](#part-2)\n\n---\n\n## Part 2\n\n---\n\n## What's *new*, & why?\n\n## Twice\n## Twice",
    );
    const slides = briefing.stacks.flat();
    expect(slides[1]?.regions[0]?.html).toContain('<h2 id="part-2">Part 2</h2>');
    expect(slides[1]?.ids).toContain('part-2');
    expect(slides[2]?.ids).toEqual(['whats-new--why', 'twice', 'twice-1']);
  });
});
