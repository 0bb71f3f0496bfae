import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { parseSlides } from '../../src/markdown/parse.js';
import { renderDeck } from '../../src/render/deck.js';
import { renderReport } from '../../src/render/report.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };
const frontMatter = { title: 'Brief', subtitle: 'Sub', author: 'Ann', version: '1.0', paper: 'letter' };

function build(markdown: string, sourcesHtml: string[] = []) {
  const { config } = resolveConfig({ root: '/' }, [{ data: frontMatter, file: 'a.md', keyLines: {}, warnUnknown: true }]);
  const { stacks } = parseSlides([{ path: 'a.md', text: markdown, firstLine: 1 }], seps);
  return {
    report: renderReport({ config, stacks, stylesheets: [], sourcesHtml }),
    deck: renderDeck({ config, stacks, stylesheets: [] }),
  };
}

describe('renderReport', () => {
  it('numbers a section per slide and a sub-section per vertical slide', () => {
    const { report } = build('## Why\n\n---\n\n## How\n\n----\n\n## Part A\n\n----\n\n## Part B');
    expect(report.headings.map((h) => `${h.number} ${h.title}`)).toEqual(['1 Why', '2 How', '2.1 Part A', '2.2 Part B']);
    expect(report.html).toContain('<h2 id="section-2"><span class="number">2</span> How</h2>');
    expect(report.html).toContain('<h3 id="section-2-1"><span class="number">2.1</span> Part A</h3>');
  });

  it('replaces the slide heading rather than printing it twice', () => {
    const { report } = build('## Why\n\n- a point');
    expect(report.html.match(/Why/g)).toHaveLength(2); // the contents entry and the heading
    expect(report.html).not.toContain('<h2 id="why">Why</h2>');
  });

  it('puts the speaker notes beneath the slide content as prose', () => {
    const { report } = build('## Why\n\n- point\n\nNote: The long **story**.');
    expect(report.html).toMatch(
      /<div class="slide-content">[\s\S]*point[\s\S]*<\/div>\s*<div class="prose">\s*<p>The long <strong>story<\/strong>.<\/p>/,
    );
  });

  it('links every contents entry to its heading, with room for the page number', () => {
    const { report } = build('## Why\n\n---\n\n## How');
    expect(report.html).toContain(
      '<a href="#section-1"><span class="toc-number">1</span><span class="toc-title">Why</span><span class="toc-page" data-for="section-1"></span></a>',
    );
  });

  it('has a cover with title, subtitle, author and version, and the paper size', () => {
    const { report } = build('## Why');
    expect(report.html).toMatch(/<header class="cover">\s*<h1 class="cover-title">Brief<\/h1>\s*<p class="cover-subtitle">Sub<\/p>/);
    expect(report.html).toContain('<p class="cover-version">Version: 1.0</p>');
    expect(report.html).toContain('@page { size: letter;');
  });

  it('captions tables with the slide title, or with a following "Table:" paragraph', () => {
    const { report } = build(
      '## Results\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n## More\n\n| c |\n|---|\n| 3 |\n\nTable: Times per write',
    );
    expect(report.html).toContain('<figcaption><span class="label">Table 1.</span> Results</figcaption>');
    expect(report.html).toContain('<figcaption><span class="label">Table 2.</span> Times per write</figcaption>');
    expect(report.html).not.toContain('Table: Times');
  });

  it('puts an image that stands alone in a numbered figure captioned by its alt text', () => {
    const { report } = build('## Pic\n\n![The path of a write](img/path.png)');
    expect(report.html).toMatch(
      /<figure class="figure" id="figure-1"><img src="img\/path.png" alt="The path of a write"><figcaption><span class="label">Figure 1.<\/span> The path of a write<\/figcaption><\/figure>/,
    );
  });

  it('ends with a numbered sources section', () => {
    const { report } = build('## Why', ['The cover letter', 'XSA-123']);
    expect(report.headings.at(-1)).toMatchObject({ id: 'sources', number: '2', title: 'Sources' });
    expect(report.html).toContain('<li>XSA-123</li>');
  });
});

describe('slides-only and report-only content', () => {
  it('keeps a report-only slide out of the deck, and a slides-only slide out of the report', () => {
    const md =
      '## Shared\n\n---\n\n<!-- .slide: data-only="report" -->\n## Appendix\n\n---\n\n<!-- .slide: data-only="slides" -->\n## Thanks';
    const { report, deck } = build(md);
    expect(report.headings.map((h) => h.title)).toEqual(['Shared', 'Appendix']);
    expect(deck).toContain('Thanks');
    expect(deck).not.toContain('Appendix');
  });

  it('keeps lines between report markers out of the slides, and slides markers out of the report', () => {
    const md =
      '## Shared\n\n<!-- slides -->\n- Short form\n<!-- /slides -->\n<!-- report -->\nThe long form, for readers.\n<!-- /report -->';
    const { report, deck } = build(md);
    expect(deck).toContain('Short form');
    expect(deck).not.toContain('long form');
    expect(report.html).toContain('The long form, for readers.');
    expect(report.html).not.toContain('Short form');
  });

  it('drops an element marked for the other document', () => {
    const { report, deck } = build('## Shared\n\n- one-liner <!-- .element: data-only="slides" -->\n- kept');
    expect(deck).toContain('one-liner');
    expect(report.html).not.toContain('one-liner');
    expect(report.html).toContain('kept');
  });
});
