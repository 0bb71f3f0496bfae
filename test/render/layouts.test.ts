import { parseDocument } from 'htmlparser2';
import { Element, isTag, type ChildNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { LAYOUT_NAMES, LAYOUTS } from '../../src/markdown/layouts.js';
import { parseSlides } from '../../src/markdown/parse.js';
import { renderDeck } from '../../src/render/deck.js';
import { renderPrintDeck } from '../../src/render/print-deck.js';
import { renderReport } from '../../src/render/report.js';
import { deckFiles, reportFiles } from '../../src/render/theme-files.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };

/** One slide of each layout, in the registry's order. */
const EVERY_LAYOUT = [
  '<!-- layout: title -->\n# Cover\n\nSub\n\n::byline::\nAnn',
  '<!-- layout: section -->\n## Part two\n\nWhat follows',
  '<!-- layout: two-cols 60/40 -->\n## Two\n\n- left point\n\n::right::\n\nRight text',
  '<!-- layout: three-cols -->\n## Three\n\nA\n::middle::\nB\n::right::\nC',
  '<!-- layout: image-left 30% -->\n## Left image\n\n![The diagram](d.svg)\n\nText beside',
  '![bg right:40%](p.png)\n\n## Right image\n\nText beside it',
  '<!-- layout: statement -->\nOne sentence, large.',
  '<!-- layout: big-number -->\n## Cost\n\n3.2 ms\n\nper call\n\nSource: the RFC',
  '<!-- layout: quote -->\n> Smaller is safer.\n\n— A reviewer',
].join('\n\n---\n\n');

function briefing(markdown: string) {
  const { config } = resolveConfig({ root: '/' }, [
    { data: { title: 'T', titleSlide: false }, file: 'a.md', keyLines: {}, warnUnknown: true },
  ]);
  const { stacks } = parseSlides([{ path: 'a.md', text: markdown, firstLine: 1 }], seps);
  return { config, stacks };
}

/** The slide sections of a slide document, in order. */
function sections(html: string): Element[] {
  const found: Element[] = [];
  const visit = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      if (node.name === 'section' && node.attribs['data-source']) found.push(node);
      else visit(node.children);
    }
  };
  visit(parseDocument(html).children);
  return found;
}

const tags = (element: Element) => element.children.filter(isTag);

describe('a named layout in the slide documents', () => {
  const { config, stacks } = briefing(EVERY_LAYOUT);
  const documents = {
    deck: renderDeck({ config, stacks, stylesheets: deckFiles(config.theme).stylesheets }),
    print: renderPrintDeck({ config, stacks, stylesheets: [], revealCss: '' }),
  };

  it.each(Object.entries(documents))(
    '%s: section[data-layout], the heading its child, then one element per region in order',
    (_name, html) => {
      const found = sections(html);
      expect(found.map((section) => section.attribs['data-layout'])).toEqual([...LAYOUT_NAMES]);
      for (const section of found) {
        const layout = LAYOUTS[section.attribs['data-layout'] as (typeof LAYOUT_NAMES)[number]];
        const children = tags(section);
        const wrapper = children.find((child) => child.attribs['class'] === 'layout-regions');
        expect(wrapper, layout.name).toBeDefined();
        expect(tags(wrapper as Element).map((region) => region.attribs['data-region'])).toEqual(layout.regions);
        const headings = children.filter((child) => /^h[12]$/.test(child.name));
        expect(headings.length, layout.name).toBe(
          layout.heading === 'top' && layout.name !== 'statement' && layout.name !== 'quote' ? 1 : 0,
        );
      }
    },
  );

  it('gives side-by-side regions their widths as the grid columns, the image side its fit, and leaves an empty region empty', () => {
    const html = documents.deck;
    expect(html).toContain('<div class="layout-regions" style="grid-template-columns: minmax(0, 60fr) minmax(0, 40fr)">');
    expect(html).toContain('<div class="layout-regions" style="grid-template-columns: minmax(0, 30fr) minmax(0, 70fr)">');
    expect(html).toContain(
      '<div class="layout-regions" style="grid-template-columns: minmax(0, 60fr) minmax(0, 40fr)">\n<div data-region="text">',
    );
    expect(html).toContain('<div data-region="image" data-fit="cover">\n<p><img src="d.svg" alt="The diagram"></p>');
    expect(html).toContain('<div data-region="byline">\n<p>Ann</p>');
    const empty = briefing('<!-- layout: two-cols -->\nA');
    expect(renderDeck({ ...empty, stylesheets: [] })).toContain('<div data-region="right"></div>');
  });

  it('leaves a slide without a layout exactly as before: no data-layout, no wrapper', () => {
    const plain = briefing('## A\n\n- b');
    const deck = renderDeck({ ...plain, stylesheets: [] });
    expect(deck).toContain('<section data-source="a.md:1">\n<h2 id="a">A</h2>\n<ul>\n<li>b</li>\n</ul>\n</section>');
    expect(deck).not.toContain('data-layout');
  });

  it('links the layouts stylesheet for every kind of theme', () => {
    for (const theme of ['light', 'dark', 'black'] as const) {
      const { config: themed } = resolveConfig({ root: '/' }, [{ data: { theme }, file: 'a.md', keyLines: {}, warnUnknown: true }]);
      expect(deckFiles(themed.theme).stylesheets).toContain('lib/theme/layouts.css');
    }
    expect(reportFiles(config.theme).stylesheets).toContain('lib/theme/report-layouts.css');
  });
});

describe('a named layout in the report', () => {
  const { config, stacks } = briefing(EVERY_LAYOUT);
  const { html } = renderReport({ config, stacks, stylesheets: [], sourcesHtml: [] });
  const section = (title: string) => {
    const at = html.indexOf(`</span> ${title}</h2>`);
    return html.slice(at, html.indexOf('</section>', at));
  };

  it('prints columns as consecutive blocks, the slide heading only as the section heading', () => {
    expect(section('Two')).toMatch(/<div class="slide-content">\s*<ul>\s*<li>left point<\/li>\s*<\/ul>\s*<p>Right text<\/p>\s*<\/div>/);
    expect(section('Three')).toMatch(/<p>A<\/p>\s*<p>B<\/p>\s*<p>C<\/p>/);
    expect(html).not.toContain('<h2 id="two">');
  });

  it('prints an image split as a numbered figure beside its text', () => {
    expect(section('Left image')).toContain(
      '<div class="report-layout figure-beside" data-layout="image-left" data-side="left" style="--figure-width: 30%">\n<figure class="figure" id="figure-1"><img src="d.svg" alt="The diagram"><figcaption><span class="label">Figure 1.</span> The diagram</figcaption></figure>',
    );
    expect(section('Left image')).toMatch(/<\/figure>\s*<div class="figure-beside-text">\s*<p>Text beside<\/p>\s*<\/div>/);
    expect(section('Left image')).not.toContain('<h2 id="left-image">');
    expect(section('Right image')).toContain('data-side="right" style="--figure-width: 40%"');
    expect(section('Right image')).toContain('<span class="label">Figure 2.</span>');
  });

  it('prints a big number as a key figure with its source, a statement as a pull quote, a quotation with who said it', () => {
    expect(section('Cost')).toMatch(
      /<div class="key-figure">\s*<p class="big-figure"><span class="big-value">3.2<\/span> <span class="big-unit">ms<\/span><\/p>\s*<div class="key-figure-label">\s*<p>per call<\/p>\s*<\/div>\s*<div class="key-figure-source">\s*<p>Source: the RFC<\/p>/,
    );
    expect(html).toMatch(/<blockquote class="pull-quote">\s*<p>One sentence, large.<\/p>\s*<\/blockquote>/);
    expect(html).toMatch(
      /<figure class="quotation">\s*<blockquote>\s*<p>Smaller is safer.<\/p>\s*<\/blockquote>\s*<figcaption>\s*<p>— A reviewer<\/p>\s*<\/figcaption>/,
    );
  });

  it('leaves out the heading the section is titled by, also when it is in a column', () => {
    const columns = briefing('<!-- layout: two-cols -->\n### Cost\n\nA\n\n::right::\n### Benefit\n\nB');
    const { html: report } = renderReport({ ...columns, stylesheets: [], sourcesHtml: [] });
    expect(report).toContain('</span> Cost</h2>');
    expect(report).not.toContain('<h3 id="cost">');
    expect(report).toContain('<h3 id="benefit">Benefit</h3>');
  });

  it('prints a callout as the slides show it', () => {
    const callout = briefing('## A\n\n> [!DECISION] Go?\n> Yes.');
    expect(renderReport({ ...callout, stylesheets: [], sourcesHtml: [] }).html).toContain(
      '<div class="callout callout-decision" data-callout="decision">\n<p class="callout-title">Go?</p>\n<p>Yes.</p>\n</div>',
    );
  });
});
