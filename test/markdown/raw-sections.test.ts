import { describe, expect, it } from 'vitest';
import { briefingOf } from '../helpers/briefing.js';

describe('raw <section>s in a slide', () => {
  it('make the slide a vertical stack of them, as reveal.js does', () => {
    const { stacks } = briefingOf(
      '## Before\n\n---\n\n<section data-auto-animate>\n<h2>Thumbs up</h2>\n</section>\n\n<section data-auto-animate>\n<h2>Thumbs up</h2>\n<h3>!</h3>\n</section>',
    );
    expect(stacks.map((stack) => stack.length)).toEqual([1, 2]);
    expect(stacks[1]?.map((slide) => slide.attributes)).toEqual([{ 'data-auto-animate': '' }, { 'data-auto-animate': '' }]);
    expect(stacks[1]?.[1]?.regions[0]?.html).toContain('<h3>!</h3>');
  });

  it('put what lies beside them on the first, so that no page is left with only it', () => {
    const { stacks } = briefingOf('## Charts\n\n<section id="charts">\n<canvas data-chart="line"></canvas>\n</section>');
    expect(stacks).toHaveLength(1);
    expect(stacks[0]).toHaveLength(1);
    expect(stacks[0]?.[0]).toMatchObject({ title: 'Charts', attributes: { id: 'charts' } });
    expect(stacks[0]?.[0]?.regions[0]?.html).toMatch(/<h2 id="charts">Charts<\/h2>[\s\S]*<canvas/);
  });

  it('leave escaped markup alone: &lt;section&gt; in code is text', () => {
    const { stacks } = briefingOf('## Code\n\n<pre><code>&lt;section data-background="a.png"&gt;&lt;/section&gt;</code></pre>');
    expect(stacks.flat()).toHaveLength(1);
  });
});

describe('notes markers', () => {
  it('give no notes when a slide has two, as in reveal.js, and say so', () => {
    const { stacks } = briefingOf('## A\n\nNote: one\n\nNote: two');
    expect(stacks[0]?.[0]?.notes.html).toBe('');
    expect(stacks[0]?.[0]?.regions[0]?.html).toContain('Note: two');
  });
});
