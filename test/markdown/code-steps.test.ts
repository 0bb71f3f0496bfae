import { parseDocument } from 'htmlparser2';
import { findAll, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import {
  highlightedRows,
  lineNumberProblems,
  parseCodeInfo,
  parseHighlightSteps,
  serializeHighlightStep,
} from '../../src/markdown/code-steps.js';
import { parseSlides } from '../../src/markdown/parse.js';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';

const SEPARATORS = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };
const parse = (text: string, safe = false) => parseSlides([{ path: 'deck.md', text, firstLine: 1 }], SEPARATORS, { safe });
const slideOf = (text: string, safe = false) => {
  const slide = parse(text, safe).stacks[0]?.[0];
  if (!slide) throw new Error('no slide');
  return slide;
};
const FIVE_LINES = '```js [1|3-5]\nconst a = 1;\n\nfunction f() {\n  return a;\n}\n```';

/** The code elements of a slide's HTML, each with its rows: number shown, text, highlighted. */
function codes(html: string) {
  const doc = parseDocument(html);
  return findAll((el) => el.name === 'code', doc.children).map((code) => ({
    classes: (code.attribs['class'] ?? '').split(' '),
    lines: code.attribs['data-line-numbers'],
    index: code.attribs['data-fragment-index'],
    rows: findAll((el) => el.name === 'tr', code.children).map((tr: Element) => ({
      number: findAll((el) => el.name === 'div', tr.children)[0]?.attribs['data-line-number'],
      text: textContent(tr),
      marked: tr.attribs['class'] === 'highlight-line',
    })),
  }));
}

describe('the info string of a code fence, as reveal.js reads it', () => {
  it.each([
    ['js [1|3-5]', { language: 'js', lineNumbers: '1|3-5', startFrom: undefined, unread: undefined }],
    ['text[|1-4|5|6]', { language: 'text', lineNumbers: '|1-4|5|6', startFrom: undefined, unread: undefined }],
    ['rust [25: 1,4-8]', { language: 'rust', lineNumbers: '1,4-8', startFrom: '25', unread: undefined }],
    ['python []', { language: 'python', lineNumbers: '', startFrom: undefined, unread: undefined }],
    ['js', { language: 'js', lineNumbers: undefined, startFrom: undefined, unread: undefined }],
    ['js [one]', { language: 'js', lineNumbers: undefined, startFrom: undefined, unread: '[one]' }],
  ])('%s', (info, expected) => expect(parseCodeInfo(info)).toEqual(expected));
});

describe('the steps of data-line-numbers, as reveal.js reads them', () => {
  it('splits steps at "|" and parts at ",", a line or a range each', () => {
    expect(parseHighlightSteps('1|3-5, 7')).toEqual([[{ start: 1 }], [{ start: 3, end: 5 }, { start: 7 }]]);
  });

  it('reads an empty step as one that highlights nothing ([|1]) and "3-" as line 3', () => {
    expect(parseHighlightSteps('|1')).toEqual([[{}], [{ start: 1 }]]);
    expect(parseHighlightSteps('3-')).toEqual([[{ start: 3 }]]);
  });

  it('writes a step back as the copy of the code carries it', () => {
    expect(parseHighlightSteps('1,3-5||7').map(serializeHighlightStep)).toEqual(['1,3-5', '', '7']);
  });

  it('highlights rows by their place, as reveal.js\'s nth-child selectors: "0" none, "0-2" the first two', () => {
    expect([...highlightedRows([{ start: 2 }, { start: 4, end: 9 }], 5)]).toEqual([2, 4, 5]);
    expect(highlightedRows([{ start: 0 }], 5).size).toBe(0);
    expect([...highlightedRows([{ start: 0, end: 2 }], 5)]).toEqual([1, 2]);
  });

  it('names what reveal.js would silently ignore: no line, a range backwards, a line past the end', () => {
    expect(lineNumberProblems('1|x|5-3|2,12|9-14', 10)).toEqual([
      '"x" (step 2 of [1|x|5-3|2,12|9-14]) is no line or range of lines (write 3, 3-5 or 3,7, and | between steps)',
      '"5-3" (step 3 of [1|x|5-3|2,12|9-14]) runs backwards and highlights nothing',
      '"12" (step 4 of [1|x|5-3|2,12|9-14]) is past the last line of the code (it has 10)',
      '"9-14" (step 5 of [1|x|5-3|2,12|9-14]) runs past the last line of the code (it has 10)',
    ]);
  });

  it('takes "0" and empty steps as reveal.js means them: no line highlighted', () => {
    expect(lineNumberProblems('0|1,6||2', 6)).toEqual([]);
  });
});

describe("code with steps on a slide, as reveal.js's highlight plugin lays it out", () => {
  it('is a line-number table, the first step marked, and a fragment copy per further step', () => {
    const slide = slideOf(`## Code\n\n${FIVE_LINES}`);
    const html = slide.regions[0]?.html ?? '';
    expect(html).toContain(
      '<pre class="code-wrapper"><code class="hljs language-js has-highlights" data-line-numbers="1"><table class="hljs-ln"><tbody><tr class="highlight-line"><td class="hljs-ln-line hljs-ln-numbers" data-line-number="1"><div class="hljs-ln-n" data-line-number="1"></div></td><td class="hljs-ln-line hljs-ln-code" data-line-number="1">',
    );
    const [first, second] = codes(html);
    expect(codes(html)).toHaveLength(2);
    expect(first?.rows.map((row) => row.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(first?.rows.map((row) => row.marked)).toEqual([true, false, false, false, false]);
    expect(second).toMatchObject({ classes: ['hljs', 'language-js', 'fragment', 'has-highlights'], lines: '3-5', index: undefined });
    expect(second?.rows.map((row) => row.marked)).toEqual([false, false, true, true, true]);
    expect(second?.rows.map((row) => row.text)).toEqual(['const a = 1;', ' ', 'function f() {', '  return a;', '}']);
    expect(slide.fragmentSteps).toBe(1);
    expect(slide.numberedCode).toBe(1);
  });

  it('shows line numbers alone for [], no line dimmed and no step', () => {
    const slide = slideOf('```python []\nx = 1\n```');
    const [only, ...more] = codes(slide.regions[0]?.html ?? '');
    expect(more).toEqual([]);
    expect(only?.classes).not.toContain('has-highlights');
    expect(only?.rows.map((row) => row.number)).toEqual(['1']);
    expect(slide.fragmentSteps).toBe(0);
    expect(slide.numberedCode).toBe(1);
  });

  it('numbers from the offset of [25: 1,3], highlighting rows by their place', () => {
    const [code] = codes(slideOf('```rust [25: 1,3]\nfn main() {\n    let x = 1;\n    x\n}\n```').regions[0]?.html ?? '');
    expect(code?.rows.map((row) => row.number)).toEqual(['25', '26', '27', '28']);
    expect(code?.rows.map((row) => row.marked)).toEqual([true, false, true, false]);
  });

  it('closes a highlighted comment at the end of each line and opens it again on the next; an empty line keeps a space', () => {
    const html = slideOf('```js [1|2]\n/* one\n\nthree */\n```').regions[0]?.html ?? '';
    expect(html).toContain('data-line-number="1"><span class="hljs-comment">/* one</span></td>');
    expect(html).toContain('data-line-number="2"><span class="hljs-comment"> </span></td>');
    expect(html).toContain('data-line-number="3"><span class="hljs-comment">three */</span></td>');
  });

  it('steps through raw HTML code too: data-trim as the plugin trims, its copies numbered from its data-fragment-index', () => {
    const slide = slideOf('<pre><code data-trim data-line-numbers="|2|1" data-fragment-index="3">\n    one\n    two\n</code></pre>');
    const [first, second, third] = codes(slide.regions[0]?.html ?? '');
    expect(first?.rows.map((row) => row.text)).toEqual(['one', 'two']);
    expect(first).toMatchObject({ lines: '', index: undefined });
    expect(first?.classes).toContain('hljs');
    expect(second).toMatchObject({ lines: '2', index: '3' });
    expect(third).toMatchObject({ lines: '1', index: '4' });
    expect(slide.fragmentSteps).toBe(2);
  });

  it("counts its steps with the slide's other fragments, as reveal.js orders them", () => {
    const slide = slideOf(
      [
        '- a <!-- .element: class="fragment" data-fragment-index="1" -->',
        '- b <!-- .element: class="fragment" data-fragment-index="1" -->',
        '- c <!-- .element: class="fragment" -->',
        '',
        '```js [1|1|1]\nx\n```',
        '',
        'Note: <span class="fragment">in the notes</span>',
      ].join('\n'),
    );
    // Index 1 (a and b together), then c, the two copies and the notes' fragment one by one.
    expect(slide.fragmentSteps).toBe(5);
  });

  it('is laid out on the slides only: the report shows the code once, plain', () => {
    const slide = slideOf(`## Code\n\n${FIVE_LINES}`);
    const report = slide.regions[0]?.reportHtml ?? '';
    expect(report).not.toMatch(/hljs-ln|fragment/);
    expect(report.match(/<code/g)).toHaveLength(1);
    expect(report).toContain('<pre><code class="hljs language-js" data-line-numbers="1|3-5"><span class="hljs-keyword">const</span>');
  });

  it('keeps its line numbers under --safe', () => {
    const html = slideOf(FIVE_LINES, true).regions[0]?.html ?? '';
    expect(codes(html).map((code) => code.rows.map((row) => row.number).join(''))).toEqual(['12345', '12345']);
    expect(html.match(/<table/g)).toHaveLength(2);
  });
});

describe('line numbers reveal.js would not read as written', () => {
  it('are a warning at the line of the code, said once', () => {
    const { warnings } = parse('## A\n\n---\n\n## B\n\n- x\n\n```js [1|7]\na\nb\n```\n\n```js [one]\nc\n```');
    expect(warnings.map((w) => [w.where?.line, w.code, w.message])).toEqual([
      [14, 'slide', expect.stringContaining('"[one]" after the code\'s language is not read as line numbers')],
      [9, 'slide', 'code line numbers: "7" (step 2 of [1|7]) is past the last line of the code (it has 2)'],
    ]);
  });

  it('names the line of raw HTML code that has them', () => {
    const { warnings } = parse('## A\n\n<pre><code data-line-numbers="1|2-1">a\nb</code></pre>');
    expect(warnings).toEqual([
      expect.objectContaining({
        where: { file: 'deck.md', line: 3 },
        message: expect.stringContaining('"2-1" (step 2 of [1|2-1]) runs backwards'),
      }),
    ]);
  });
});
