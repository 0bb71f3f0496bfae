import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { BriefError } from '../../src/errors.js';
import { LAYOUT_NAMES, LAYOUTS } from '../../src/markdown/layouts.js';
import { parseSlides } from '../../src/markdown/parse.js';
import type { Slide } from '../../src/markdown/model.js';

const SEPARATORS = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };

function parse(markdown: string, safe = false) {
  return parseSlides([{ path: 'deck.md', text: markdown, firstLine: 1 }], SEPARATORS, { safe });
}

function slideOf(markdown: string, safe = false): Slide {
  const slide = parse(markdown, safe).stacks[0]?.[0];
  if (!slide) throw new Error('no slide');
  return slide;
}

const regions = (slide: Slide) => Object.fromEntries(slide.regions.map((region) => [region.name, region.html]));

function errorOf(markdown: string): BriefError {
  try {
    parse(markdown);
  } catch (error) {
    if (error instanceof BriefError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('the layout registry', () => {
  it('has the layouts of issue 17, each with its regions, its main region among them, and widths for side-by-side regions', () => {
    expect(LAYOUT_NAMES).toEqual([
      'title',
      'section',
      'two-cols',
      'three-cols',
      'image-left',
      'image-right',
      'statement',
      'big-number',
      'quote',
    ]);
    for (const layout of Object.values(LAYOUTS)) {
      expect(layout.regions).toContain(layout.main);
      if (layout.widths.length > 0) {
        expect(layout.widths).toHaveLength(layout.regions.length);
        expect(layout.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100);
      }
    }
  });
});

describe('a slide with a layout', () => {
  it('keeps a slide without one as it was: the default layout, one region named body, no widths or heading', () => {
    const slide = slideOf('## A\n\ntext');
    expect(slide).toMatchObject({ layout: 'default', widths: [], heading: undefined, fit: undefined });
    expect(slide.regions).toEqual([
      { name: 'body', html: '<h2 id="a">A</h2>\n<p>text</p>\n', reportHtml: '<h2 id="a">A</h2>\n<p>text</p>\n' },
    ]);
  });

  it('two-cols 60/40: the heading above, the text before the first marker on the left, the rest on the right', () => {
    const slide = slideOf('<!-- layout: two-cols 60/40 -->\n## Cost\n\nLeft\n\n::right::\n\nRight\n\nNote: said.');
    expect(slide.layout).toBe('two-cols');
    expect(slide.widths).toEqual([60, 40]);
    expect(slide.heading).toEqual({ html: '<h2 id="cost">Cost</h2>\n', reportHtml: '<h2 id="cost">Cost</h2>\n' });
    expect(regions(slide)).toEqual({ left: '<p>Left</p>\n', right: '<p>Right</p>\n' });
    expect(slide.regions.map((region) => region.line)).toEqual([1, 6]);
    expect(slide.title).toBe('Cost');
    expect(slide.notes.html).toBe('<p>said.</p>\n');
  });

  it('reads the hidden marker <!-- ::name:: --> as the bare one, and widths given as proportions or one percentage', () => {
    const hidden = slideOf('<!-- layout: three-cols 1/2/1 -->\n<!-- ::left:: -->\nA\n<!-- ::middle:: -->\nB\n<!-- ::right:: -->\nC');
    expect(regions(hidden)).toEqual({ left: '<p>A</p>\n', middle: '<p>B</p>\n', right: '<p>C</p>\n' });
    expect(hidden.widths).toEqual([25, 50, 25]);
    expect(slideOf('<!-- layout: two-cols 70% -->\nA\n::right::\nB').widths).toEqual([70, 30]);
    expect(slideOf('<!-- layout: two-cols -->\nA\n::right::\nB').widths).toEqual([50, 50]);
  });

  it('ends a list or paragraph at a marker written right under it', () => {
    const slide = slideOf('<!-- layout: two-cols -->\n- a\n- b\n::right::\ntext\n<!-- ::left:: -->\nmore');
    expect(regions(slide)).toEqual({ left: '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>more</p>\n', right: '<p>text</p>\n' });
  });

  it('ignores markers and layout comments inside code', () => {
    const slide = slideOf('<!-- layout: two-cols -->\nA\n::right::\n```md\n::left::\n<!-- layout: quote -->\n```');
    expect(slide.layout).toBe('two-cols');
    expect(slide.regions[1]?.html).toContain('::left::');
  });

  it('image-right 40%: the image standing alone goes to the image side, the heading stays with the text', () => {
    const slide = slideOf('<!-- layout: image-right 40% -->\n## Memory\n\nText\n\n![The layout](m.png)');
    expect(slide).toMatchObject({ layout: 'image-right', widths: [60, 40], fit: 'cover', heading: undefined });
    expect(regions(slide)).toEqual({
      text: '<h2 id="memory">Memory</h2>\n<p>Text</p>\n',
      image: '<p><img src="m.png" alt="The layout"></p>\n',
    });
    expect(slide.assets.map((asset) => asset.file + ':' + asset.line)).toEqual(['deck.md:6']);
  });

  it("reads Marp's ![bg left:35%] and ![bg right fit] as image splits with that image, its other words the alt text", () => {
    const left = slideOf('## Marp\n\n![bg left:35% The diagram](d.svg)\n\nText');
    expect(left).toMatchObject({ layout: 'image-left', widths: [35, 65], fit: 'cover' });
    expect(regions(left)).toEqual({
      image: '<p><img src="d.svg" alt="The diagram"></p>\n',
      text: '<h2 id="marp">Marp</h2>\n<p>Text</p>\n',
    });
    expect(left.regions[0]?.line).toBe(3);
    const right = slideOf('![bg right fit](d.svg)\n# Fit');
    expect(right).toMatchObject({ layout: 'image-right', widths: [50, 50], fit: 'contain' });
    expect(right.images).toEqual([{ src: 'd.svg', alt: '' }]);
    // A background without a side is left as the image it is.
    expect(slideOf('![bg](d.svg)').layout).toBe('default');
  });

  it('big-number: the first block is the figure and its unit, then the label, a closing "Source:" line the source', () => {
    const slide = slideOf('<!-- layout: big-number -->\n## Result\n\n3.2 ms\n\nper call, median\n\nSource: the RFC');
    expect(slide.heading?.html).toBe('<h2 id="result">Result</h2>\n');
    expect(regions(slide)).toEqual({
      number: '<p class="big-figure"><span class="big-value">3.2</span> <span class="big-unit">ms</span></p>\n',
      label: '<p>per call, median</p>\n',
      source: '<p>Source: the RFC</p>\n',
      chart: '',
    });
    // A chart (or an image) standing alone is the chart beside the number, wherever it is written.
    const charted = slideOf('<!-- layout: big-number -->\n![A bar chart](c.svg)\n\n40 %\n\nof the time');
    expect(regions(charted)).toMatchObject({ chart: '<p><img src="c.svg" alt="A bar chart"></p>\n', label: '<p>of the time</p>\n' });
    expect(regions(charted)['number']).toContain('big-value');
    const figure = (text: string) => regions(slideOf(`<!-- layout: big-number -->\n${text}`))['number'];
    expect(figure('**$1.2M**')).toContain('<span class="big-value">$1.2</span> <span class="big-unit">M</span>');
    expect(figure('40 %')).toContain('<span class="big-value">40</span> <span class="big-unit">%</span>');
    expect(figure('1,024')).toBe('<p class="big-figure"><span class="big-value">1,024</span></p>\n');
    expect(figure('many')).toBe('<p>many</p>\n');
  });

  it('quote: the quotation, and what follows it as the attribution; statement and section: one region', () => {
    expect(regions(slideOf('<!-- layout: quote -->\n> Smaller is safer.\n\n— A reviewer'))).toEqual({
      quote: '<blockquote>\n<p>Smaller is safer.</p>\n</blockquote>\n',
      attribution: '<p>— A reviewer</p>\n',
    });
    const statement = slideOf('<!-- layout: statement -->\nOne sentence.');
    expect(statement).toMatchObject({ layout: 'statement', widths: [], heading: undefined });
    expect(regions(statement)).toEqual({ body: '<p>One sentence.</p>\n' });
    expect(regions(slideOf('<!-- layout: section -->\n## Part 2\n\nWhat follows'))).toEqual({ body: '<p>What follows</p>\n' });
  });

  it('title: the heading on the band, a subtitle, and a byline after its marker', () => {
    const slide = slideOf('<!-- layout: title -->\n# Cover\n\nSub\n\n<!-- ::byline:: -->\nAnn');
    expect(slide.heading?.html).toBe('<h1 id="cover">Cover</h1>\n');
    expect(regions(slide)).toEqual({ subtitle: '<p>Sub</p>\n', byline: '<p>Ann</p>\n' });
  });

  it('gives every region of the layout, empty ones too, in the order of the registry', () => {
    expect(slideOf('<!-- layout: three-cols -->\n::right::\nC').regions.map((region) => [region.name, region.html])).toEqual([
      ['left', ''],
      ['middle', ''],
      ['right', '<p>C</p>\n'],
    ]);
  });

  it('keeps report-only parts of a region in its report rendering', () => {
    const slide = slideOf('<!-- layout: two-cols -->\nA\n::right::\nB\n<!-- report -->\nLonger.\n<!-- /report -->');
    expect(slide.regions[1]).toMatchObject({ html: '<p>B</p>\n', reportHtml: '<p>B</p>\n<p>Longer.</p>\n' });
  });

  it('keeps regions under --safe, and raw HTML cannot start one that the Markdown did not', () => {
    const safe = slideOf('<!-- layout: two-cols -->\nA\n::right::\nB', true);
    expect(regions(safe)).toEqual({ left: '<p>A</p>\n', right: '<p>B</p>\n' });
    const forged = slideOf('<!-- layout: two-cols -->\nA\n\n<rfc-region name="nope">\n</rfc-region>\n\nB\n::right::\nC');
    expect(regions(forged)).toEqual({ left: '<p>A</p>\n<p>B</p>\n', right: '<p>C</p>\n' });
  });

  it('warns about columns without a marker and an image split without an image', () => {
    const { warnings } = parse('<!-- layout: two-cols -->\n## A\n\ntext\n\n---\n\n<!-- layout: image-left -->\n## B\n\ntext');
    expect(warnings.map((w) => `${w.where?.line}: ${w.message}`)).toEqual([
      '1: this two-cols slide has no region markers, so everything is in its left column; start the next with ::right::',
      '8: this image-left slide has no image: put one in a paragraph of its own, or after ::image::',
    ]);
  });
});

describe('a mistake in a layout', () => {
  // Two slides before, so that a line is no accident.
  const at = (markdown: string) => errorOf(`## One\n\n---\n\n## Two\n\n---\n\n${markdown}`);

  it('names an unknown layout at its line, with the closest names', () => {
    const error = at('<!-- layout: two-col 60/40 -->\n## X');
    expect(error.code).toBe('LAYOUT');
    expect(error.where).toEqual({ file: 'deck.md', line: 9 });
    expect(error.message).toMatch(/^there is no layout "two-col"; did you mean "two-cols"/);
    expect(error.hint).toContain('title, section, two-cols, three-cols, image-left, image-right, statement, big-number, quote');
    expect(at('<!-- layout: fact -->').message).toContain('did you mean "big-number"');
    expect(at('<!-- layout: columns -->').message).toContain('"two-cols" or "three-cols"');
  });

  it('names an unknown region at its marker, with the layout’s own names', () => {
    const error = at('<!-- layout: two-cols -->\nA\n\n<!-- ::rigth:: -->\nB');
    expect(error.where).toEqual({ file: 'deck.md', line: 12 });
    expect(error.message).toBe('the two-cols layout has no region "rigth"; did you mean "right"?');
    expect(error.hint).toBe("The two-cols layout's regions are: left, right.");
    expect(at('<!-- layout: big-number -->\n::image::').message).toBe('the big-number layout has no region "image"');
  });

  it('refuses a marker without a layout, a region started twice, widths that do not fit, and a split that contradicts the comment', () => {
    expect(at('A\n::right::\nB')).toMatchObject({
      where: { line: 10 },
      message: 'the region marker ::right:: is on a slide without a layout',
    });
    expect(at('<!-- layout: two-cols -->\n::right::\nB\n::right::\nC')).toMatchObject({ where: { line: 12 } });
    expect(at('<!-- layout: two-cols 60/30/10 -->').message).toContain('it needs 2 widths, one for each of left, right');
    expect(at('<!-- layout: image-right 120% -->').message).toContain('a width between 1% and 99%');
    expect(at('<!-- layout: statement 60/40 -->').message).toBe('"60/40" is not something the statement layout takes');
    expect(at('<!-- layout: two-cols -->\n![bg right](a.png)')).toMatchObject({ where: { line: 10 } });
    expect(at('<!-- layout: quote -->\n<!-- layout: quote -->').message).toBe('this slide names its layout twice');
  });
});

describe('callouts', () => {
  const html = (markdown: string) => slideOf(markdown).regions[0]?.html;

  it('makes GitHub alerts callouts of four kinds, TIP and IMPORTANT key points, CAUTION a warning', () => {
    expect(html('> [!NOTE]\n> Read this.')).toBe(
      '<div class="callout callout-note" data-callout="note">\n<p class="callout-title">Note</p>\n<p>Read this.</p>\n</div>\n',
    );
    const kinds = ['WARNING', 'DECISION', 'KEY', 'TIP', 'IMPORTANT', 'CAUTION'].map((marker) => {
      const out = html(`> [!${marker}]\n> x`) ?? '';
      return [/data-callout="(\w+)"/.exec(out)?.[1], /callout-title">([^<]*)/.exec(out)?.[1]];
    });
    expect(kinds).toEqual([
      ['warning', 'Warning'],
      ['decision', 'Decision'],
      ['key', 'Key point'],
      ['key', 'Tip'],
      ['key', 'Important'],
      ['warning', 'Caution'],
    ]);
  });

  it('takes a title after the marker, any case, and blocks after it; works under --safe, inside a layout and in notes', () => {
    expect(html('> [!decision] Approve the **pilot**?\n> The board decides.\n>\n> - yes\n> - no')).toBe(
      '<div class="callout callout-decision" data-callout="decision">\n<p class="callout-title">Approve the <strong>pilot</strong>?</p>\n<p>The board decides.</p>\n<ul>\n<li>yes</li>\n<li>no</li>\n</ul>\n</div>\n',
    );
    expect(slideOf('> [!KEY]\n> B', true).regions[0]?.html).toBe(
      '<div class="callout callout-key" data-callout="key">\n<p class="callout-title">Key point</p>\n<p>B</p>\n</div>\n',
    );
    const slide = slideOf('<!-- layout: two-cols -->\nA\n::right::\n> [!KEY]\n> B\n\nNote: > [!WARNING]\n> careful');
    expect(slide.regions[1]?.html).toContain('data-callout="key"');
    expect(slide.notes.html).toContain('data-callout="warning"');
  });

  it('leaves other quotations alone, and \\[!NOTE] quotes the marker as text', () => {
    expect(html('> plain\n> [!NOTE] not first')).toBe('<blockquote>\n<p>plain\n[!NOTE] not first</p>\n</blockquote>\n');
    expect(html('> \\[!NOTE] as text')).toBe('<blockquote>\n<p>[!NOTE] as text</p>\n</blockquote>\n');
  });

  it('names an unknown marker at its line with the closest kinds, in the slide and in its notes', () => {
    const error = errorOf('## A\n\n> [!WARN]\n> x');
    expect(error).toMatchObject({ code: 'LAYOUT', where: { file: 'deck.md', line: 3 } });
    expect(error.message).toBe('there is no callout "[!WARN]"; did you mean "[!WARNING]"?');
    expect(error.hint).toContain('[!NOTE], [!WARNING], [!CAUTION], [!DECISION], [!KEY], [!TIP], [!IMPORTANT]');
    expect(errorOf('## A\n\nNote: fine\n\n> [!NOTES]\n> x')).toMatchObject({ where: { line: 5 } });
    expect(() => parse('```md\n> [!FOO]\n```')).not.toThrow();
  });
});
