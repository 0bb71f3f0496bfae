import { describe, expect, it } from 'vitest';
import { briefingOf } from '../helpers/briefing.js';

const slideOf = (markdown: string, safe = false) => {
  const slide = briefingOf(markdown, {}, { safe }).stacks[0]?.[0];
  if (!slide) throw new Error('no slide');
  return slide;
};

describe('the structured slide', () => {
  it('has the default layout, one region named body, notes and where it starts', () => {
    const slide = slideOf('## A\n\n<!-- report -->\nLong form.\n<!-- /report -->\n\nNote: said.');
    expect(slide.layout).toBe('default');
    expect(slide.regions).toEqual([{ name: 'body', html: '<h2 id="a">A</h2>\n', reportHtml: '<h2 id="a">A</h2>\n<p>Long form.</p>\n' }]);
    expect(slide.notes).toEqual({ html: '<p>said.</p>\n', reportHtml: '<p>said.</p>\n' });
    expect(slide.source).toEqual({ file: 'deck.md', line: 1, name: 'deck.md' });
  });

  it('records the ids of the slide, of Markdown and of raw HTML', () => {
    const slide = slideOf('<!-- .slide: id="intro" -->\n## A\n\n<div id="raw" data-id="not-an-id">x</div>\n\n`id="in-code"`');
    expect([...slide.ids].sort()).toEqual(['a', 'intro', 'raw']);
  });

  it('records images with their alt text, from Markdown and raw HTML', () => {
    const slide = slideOf('## A\n\n![A chart](a.png) ![](b.png)\n\n<img src="c&amp;d.png" alt="">');
    expect(slide.images).toEqual([
      { src: 'a.png', alt: 'A chart' },
      { src: 'b.png', alt: '' },
      { src: 'c&d.png', alt: '' },
    ]);
  });

  it('records links within the deck, not links elsewhere', () => {
    const slide = slideOf('## A\n\n[next](#/2) [id](#goal) [away](https://example.org/) <a href="#/3/1">raw</a>');
    expect(slide.links).toEqual(['#/2', '#goal', '#/3/1']);
  });

  it('records every URL the slide, its report part and its notes name, for naming a refused request', () => {
    const slide = slideOf(
      [
        '<!-- .slide: data-background-image="https://example.org/bg.png" -->',
        '## A',
        '',
        '<div style="background: url(https://example.org/css.png)"></div>',
        '<script>fetch("https://example.org/api")</script>',
        '',
        '<!-- report -->\n![r](https://example.org/report.png)\n<!-- /report -->',
        '',
        'Note: <img src="https://example.org/notes.png" alt="n">',
      ].join('\n'),
    );
    expect([...slide.urls].sort()).toEqual([
      'https://example.org/api',
      'https://example.org/bg.png',
      'https://example.org/css.png',
      'https://example.org/notes.png',
      'https://example.org/report.png',
    ]);
  });

  it('records what only reveal.js lays out or loads, and not words that merely name it', () => {
    expect(slideOf('## A\n\n![a](a.png) <!-- .element: class="r-stretch" -->').revealOnly).toEqual(['r-stretch']);
    expect(slideOf('## A\n\n<h2 class="r-fit-text">Big</h2><video data-src="v.mp4"></video>').revealOnly).toEqual([
      'r-fit-text',
      'data-src',
    ]);
    expect(slideOf('## A\n\nUse `r-stretch` or data-src = "x".').revealOnly).toEqual([]);
  });

  it('records what is left after --safe, the slide attributes included', () => {
    const slide = slideOf(
      '<!-- .slide: id="s" data-background-image="bg.png" -->\n## A\n\n<img src="x.png" onerror="alert(1)"><script>fetch("https://example.org/api")</script>',
      true,
    );
    expect(slide.ids).toEqual(['a', 's']);
    expect(slide.images).toEqual([{ src: 'x.png', alt: '' }]);
    expect(slide.urls).not.toContain('https://example.org/api');
    expect(slide.assets.map((asset) => asset.url)).toEqual(['x.png', 'bg.png']);
  });
});
