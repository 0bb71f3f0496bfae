import { describe, expect, it } from 'vitest';
import type { HandoutLayout } from '../../src/config/defaults.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { parseSlides } from '../../src/markdown/parse.js';
import { renderHandout } from '../../src/render/handout.js';
import { PAPER } from '../../src/render/paper.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };
// Seven slides plus the title slide: eight slots.
const markdown = Array.from({ length: 7 }, (_, i) => `## Slide ${i + 1}${i % 2 === 0 ? `\n\nNote: notes of ${i + 1}` : ''}`).join(
  '\n\n---\n\n',
);

function handout(layout: HandoutLayout, paper = 'a4') {
  const { config } = resolveConfig({ root: '/', paper }, [
    { data: { title: 'Brief', author: 'Ann' }, file: 'a.md', keyLines: {}, warnUnknown: true },
  ]);
  const { stacks } = parseSlides([{ path: 'a.md', text: markdown, firstLine: 1 }], seps);
  return renderHandout({ config, stacks, layout, stylesheets: [] });
}

describe('renderHandout', () => {
  it.each([
    ['1', 8],
    ['3', 3],
    ['6', 2],
  ] as const)('layout %s puts 8 slides on %i pages', (layout, pages) => {
    const result = handout(layout);
    expect(result.pages).toBe(pages);
    expect(result.slots.map((s) => s.slide)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Math.max(...result.slots.map((s) => s.page))).toBe(pages - 1);
  });

  it('leaves out hidden slides, as the slides PDF whose pages fill the frames does', () => {
    const { config } = resolveConfig({ root: '/' }, [
      { data: { title: 'Brief', titleSlide: true }, file: 'a.md', keyLines: {}, warnUnknown: true },
    ]);
    const text = '## One\n\n---\n\n<!-- .slide: data-visibility="hidden" -->\n## Hidden\n\n---\n\n## Three';
    const { stacks } = parseSlides([{ path: 'a.md', text, firstLine: 1 }], seps);
    const result = renderHandout({ config, stacks, layout: '3', stylesheets: [] });
    expect(result.slots.map((s) => s.slide)).toEqual([0, 1, 2]);
    expect(result.html).toContain('2. One');
    expect(result.html).toContain('3. Three');
    expect(result.html).not.toContain('Hidden');
  });

  it.each(['1', '3', '6'] as const)('layout %s keeps every slide frame on the paper, at the slide shape', (layout) => {
    for (const paper of ['a4', 'letter'] as const) {
      for (const { box } of handout(layout, paper).slots) {
        expect(box.x).toBeGreaterThan(0);
        expect(box.y).toBeGreaterThan(0);
        expect(box.x + box.width).toBeLessThan(PAPER[paper].width);
        expect(box.y + box.height).toBeLessThan(PAPER[paper].height);
        expect(box.height / box.width).toBeCloseTo(720 / 1280, 5);
      }
    }
  });

  it('prints the title and "Page X of Y" on every page', () => {
    const { html } = handout('3');
    // The page notes continue on is a template, put in only when notes need it.
    const pages = html.replace(/<template id="notes-continued">[\s\S]*<\/template>/, '');
    expect(pages.match(/<span class="running-title">Brief<\/span>/g)).toHaveLength(3);
    expect(html).toContain('Page 3 of 3');
  });

  it('puts notes beside slides with notes, and ruled lines beside slides without', () => {
    const { html } = handout('3');
    expect(html).toContain('<p>notes of 1</p>');
    expect(html).toMatch(/<div class="notes empty"[^>]*><p class="notes-label">3\. Slide 2<\/p><div class="lines"/);
  });

  it('shows no notes with six per page, only captions', () => {
    const { html } = handout('6');
    expect(html).not.toContain('class="notes');
    expect(html).toContain('<p class="caption"');
  });
});
