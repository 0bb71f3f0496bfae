import { describe, expect, it } from 'vitest';
import { processSlideHtml } from '../../src/markdown/attributes.js';

describe('processSlideHtml', () => {
  it('sets .element attributes on the list item the comment sits in', () => {
    const out = processSlideHtml('<ul><li>One <!-- .element: class="fragment" data-fragment-index="2" --></li></ul>');
    expect(out.html).toContain('<li class="fragment" data-fragment-index="2">');
  });

  it('sets .element attributes on the paragraph before the comment', () => {
    const out = processSlideHtml('<p>Text</p>\n<!-- .element: style="color: red" -->');
    expect(out.html).toContain('<p style="color: red">Text</p>');
  });

  it('adds classes to those an element already has', () => {
    const out = processSlideHtml('<pre><code class="hljs language-js">x</code><!-- .element: class="fragment" --></pre>');
    expect(out.html).toContain('class="hljs language-js fragment"');
  });

  it('moves .slide attributes to the slide', () => {
    const out = processSlideHtml('<!-- .slide: data-background="#ff0000" data-auto-animate -->\n<h2>Red</h2>');
    expect(out.slideAttributes).toEqual({ 'data-background': '#ff0000', 'data-auto-animate': '' });
    expect(out.title).toBe('Red');
  });

  it('gives the text of the first heading as the title, entities decoded', () => {
    expect(processSlideHtml('<p>x</p><h2>Q&amp;A <em>now</em></h2><h1>later</h1>').title).toBe('Q&A now');
  });

  it('collects images, media and background images, not background colours', () => {
    const out = processSlideHtml(
      '<!-- .slide: data-background-image="img/bg.png" --><p><img src="a.png"><video src="v.mp4" poster="p.jpg"></video></p>',
    );
    expect(out.facts.loads).toEqual(['a.png', 'v.mp4', 'p.jpg', 'img/bg.png']);
    expect(processSlideHtml('<!-- .slide: data-background="#000" -->').facts.loads).toEqual([]);
  });
});
