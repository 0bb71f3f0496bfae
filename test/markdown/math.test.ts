import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { BriefError } from '../../src/errors.js';
import { formulaAt } from '../../src/markdown/math.js';
import { parseSlides } from '../../src/markdown/parse.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };
const parse = (markdown: string, options: { safe?: boolean; firstLine?: number } = {}) =>
  parseSlides([{ path: 'deck.md', text: markdown, firstLine: options.firstLine ?? 1 }], seps, { safe: options.safe });
const slideOf = (markdown: string, safe = false) => {
  const slide = parse(markdown, { safe }).stacks.flat()[0];
  if (!slide) throw new Error('no slide');
  return slide;
};
const html = (markdown: string, safe = false) => slideOf(markdown, safe).regions[0]?.html ?? '';
/** The TeX of each formula, as KaTeX's MathML carries it (the contract: its annotation). */
const annotations = (text: string) =>
  [...text.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) => m[1]);
const inline = (text: string) => (text.match(/<span class="katex">/g) ?? []).length - (text.match(/katex-display/g) ?? []).length;
const display = (text: string) => (text.match(/<span class="katex-display">/g) ?? []).length;

describe('math delimiters (reveal.js math plugin syntax)', () => {
  it.each([
    ['$x^2$', 'x^2', 'inline'],
    ['$$x^2$$', 'x^2', 'display'],
    ['\\(x^2\\)', 'x^2', 'inline'],
    ['\\[x^2\\]', 'x^2', 'display'],
  ])('%s is typeset at build time with KaTeX', (written, tex, kind) => {
    const out = html(`## M\n\nSee ${written} here.`);
    expect(annotations(out)).toEqual([tex]);
    expect(kind === 'display' ? display(out) : inline(out)).toBe(1);
    expect(out).toContain('<span class="katex-html" aria-hidden="true">');
    expect(out).not.toContain(written);
  });

  it('reads \\\\( and \\\\[ as a reveal.js deck writes them in Markdown (reveal.js sees \\( once Markdown is done)', () => {
    const out = html('## M\n\nIn line \\\\(\\alpha\\beta\\\\) and \\\\[ \\gamma \\\\]');
    expect(annotations(out)).toEqual(['\\alpha\\beta', ' \\gamma ']);
    expect(display(out)).toBe(1);
  });

  it('typesets a $$ paragraph as display math, its lines kept from Markdown (no list, no rule)', () => {
    const out = html('## M\n\nBefore\n$$\n\\begin{aligned}\na &= b \\\\\n- c &= d \\\\\n+ e &= f\n\\end{aligned}\n$$\nafter');
    expect(annotations(out)).toEqual(['\n\\begin{aligned}\na &amp;= b \\\\\n- c &amp;= d \\\\\n+ e &amp;= f\n\\end{aligned}\n']);
    expect(out).not.toMatch(/<li>|<ul/);
    expect(out).toContain('<p><span class="katex-display">');
  });

  it('typesets math in lists, tables, headings and speaker notes', () => {
    const slide = slideOf('## Cost $O(n)$\n\n- item $a$\n\n| x |\n|---|\n| $b$ |\n\nNote: say $c$ and \\(d\\).');
    expect(annotations(slide.regions[0]?.html ?? '')).toEqual(['O(n)', 'a', 'b']);
    expect(annotations(slide.notes.html)).toEqual(['c', 'd']);
    // The title is plain text (report headings, outline): the formula's TeX.
    expect(slide.title).toBe('Cost O(n)');
    expect(slide.math).toBe(true);
  });

  it('marks the slides that hold math, and only those', () => {
    const [plain, notes] = parse('## A\n\nno formula, $5 and $10\n\n---\n\n## B\n\nNote: $x$').stacks.flat();
    expect(plain?.math).toBe(false);
    expect(notes?.math).toBe(true);
  });
});

describe("dollars that are not math (pandoc's rule)", () => {
  it.each([
    'The board costs $5 and the cable $10.',
    'From $20,000 to $30,000 a year.',
    'A space after the opening: $ x$ is no formula.',
    'A space before the closing: $x $ is no formula.',
    'A digit after the closing: $x$5 is no formula.',
    'Escaped: \\$x\\$ stays as written.',
    'One alone: US$ 5.',
    'A blank line ends it: $x\n\ny$',
  ])('%s', (prose) => {
    const out = html(`## P\n\n${prose}`);
    expect(out).not.toContain('katex');
    expect(slideOf(`## P\n\n${prose}`).math).toBe(false);
  });

  it('leaves a table of prices as it was', () => {
    expect(html('## P\n\n| a | b |\n|---|---:|\n| one | $1600 |\n| two | $12 |')).toContain('<td align="right">$1600</td>');
  });

  it('finds the formula beside prices', () => {
    expect(formulaAt('$5 and $x$')).toBeUndefined();
    expect(formulaAt('$x$ costs $5')?.tex).toBe('x');
  });
});

describe('code is never math', () => {
  it('leaves code spans and fenced blocks as written', () => {
    const out = html('## C\n\nRun `$x$` and `\\(y\\)` and `$$z$$`.\n\n```sh\necho $HOME $PATH\necho "$$ \\( \\)"\n```');
    expect(out).not.toContain('katex');
    expect(out).toContain('<code>$x$</code>');
    expect(out).toContain('<code>\\(y\\)</code>');
    expect(out).toContain('$HOME');
  });
});

describe('TeX escapes survive Markdown', () => {
  it.each([
    ['$a\\,b$', 'a\\,b'],
    ['$\\{x\\}$', '\\{x\\}'],
    ['$a \\\\ b$', 'a \\\\ b'],
    ['$a\\_1$', 'a\\_1'],
    ['$a_1 + b_1$', 'a_1 + b_1'],
    ['$a*b*c$', 'a*b*c'],
    ['$\\#\\$\\%\\&$', '\\#\\$\\%\\&amp;'],
    ['$<x>$', '&lt;x&gt;'],
  ])('%s reaches KaTeX as written', (written, tex) => {
    expect(annotations(html(`## E\n\n${written}`))).toEqual([tex]);
  });
});

describe('TeX errors', () => {
  it("is an error at the file and line of the formula, with KaTeX's message", () => {
    const parsed = parse('## One\n\nFine $x$.\n\n---\n\n## Two\n\nBroken $\\frac{1}{$ here.', { firstLine: 3 });
    const [error] = parsed.warnings.filter((d) => d.severity === 'error');
    expect(error).toMatchObject({ severity: 'error', code: 'math', where: { file: 'deck.md', line: 11 } });
    expect(error?.message).toContain('$\\frac{1}{$');
    expect(error?.message).toContain('KaTeX says "Unexpected end of input in a macro argument, expected \'}\'"');
  });

  it('names the line inside a display formula where KaTeX stopped', () => {
    const parsed = parse('## M\n\n$$\na + b\n\\sqrt{x\n$$\n');
    expect(parsed.warnings.find((d) => d.severity === 'error')?.where).toEqual({ file: 'deck.md', line: 6 });
    const undefinedMacro = parse('## M\n\n$$\na + b\n\\nosuchmacro{x}\n$$\n');
    expect(undefinedMacro.warnings.find((d) => d.severity === 'error')?.where).toEqual({ file: 'deck.md', line: 5 });
  });

  it('reports an error in speaker notes at its line', () => {
    const parsed = parse('## M\n\ntext\n\nNote: see\n$x^$');
    expect(parsed.warnings.find((d) => d.severity === 'error')).toMatchObject({ code: 'math', where: { line: 6 } });
  });

  it('refuses \\href, \\url and \\includegraphics: a formula loads and links nothing', () => {
    const parsed = parse(
      '## M\n\n$\\href{https://evil.example}{x}$ $\\includegraphics{https://evil.example/a.png}$ $\\url{https://evil.example}$',
    );
    const errors = parsed.warnings.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(errors).toHaveLength(3);
    for (const command of ['\\href', '\\includegraphics', '\\url']) expect(errors.some((m) => m.includes(`uses ${command},`))).toBe(true);
    const out = parsed.stacks.flat()[0]?.regions[0]?.html ?? '';
    expect(out).not.toMatch(/<a |<img |href=/);
  });

  it('reports what KaTeX finds un-LaTeX-like as a warning, and does not print it', () => {
    const parsed = parse('## M\n\n$é$');
    expect(parsed.warnings).toEqual([expect.objectContaining({ severity: 'warning', code: 'math', where: { file: 'deck.md', line: 3 } })]);
  });

  it('typesets TeX that only reads once Markdown has taken its escapes out (as reveal.js does), with a warning', () => {
    const parsed = parse('## M\n\nsumming them up $\\(E =\\frac{1}{m}\\)$ means');
    expect(parsed.warnings).toEqual([expect.objectContaining({ severity: 'warning', code: 'math', where: { file: 'deck.md', line: 3 } })]);
    expect(annotations(parsed.stacks.flat()[0]?.regions[0]?.html ?? '')).toEqual(['(E =\\frac{1}{m})']);
  });

  it('refuses a formula longer than the limit, naming it', () => {
    expect(() => parse(`## M\n\n$${'x+'.repeat(6000)}x$`)).toThrow(BriefError);
    expect(() => parse(`## M\n\n$${'x+'.repeat(6000)}x$`)).toThrow(/formulaChars/);
  });

  it('refuses more formulas on one slide than the limit, naming it', () => {
    expect(() => parse(`## M\n\n${Array.from({ length: 1001 }, (_, i) => `$x_{${i}}$`).join(' ')}`)).toThrow(/limit "formulas"/);
    // One formula written over and over is typeset once, but each copy goes into the HTML.
    expect(() => parse(`## M\n\n${'$$x$$ '.repeat(1001)}`)).toThrow(
      expect.objectContaining({ code: 'LIMIT', where: { file: 'deck.md', line: 1 } }),
    );
    expect(parse(`## M\n\n${'$$x$$ '.repeat(1000)}`).stacks.flat()).toHaveLength(1);
  });

  it("turns braces nested past KaTeX's stack into an error about the slide", () => {
    const deep = `## M\n\n$${'{'.repeat(4000)}x${'}'.repeat(4000)}$`;
    expect(() => parse(deep)).toThrow(expect.objectContaining({ code: 'INPUT_TOO_DEEP', where: { file: 'deck.md', line: 1 } }));
  });

  it('never throws on any TeX, only reports (no bug trace for a formula)', () => {
    const atoms = [
      '\\frac',
      '{',
      '}',
      '^',
      '_',
      '\\left(',
      '\\right)',
      '\\\\',
      '&',
      '\\begin{aligned}',
      '\\end{aligned}',
      'x',
      ' ',
      '\\sqrt',
      '[',
      ']',
      '\\def\\a',
      '#1',
      '\\text{',
      '\\$',
      '\\over',
      '\\color{red}',
      '\\rule{1em}{2em}',
      '%',
      '~',
      '\\tag{1}',
      '\\htmlClass{a}{b}',
      '\\verb|x|',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...atoms), { minLength: 1, maxLength: 16 }), (parts) => {
        const parsed = parse(`## M\n\n$$\n${parts.join('')}\n$$\n`);
        expect(parsed.stacks.flat()).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a long paragraph in linear time, however many delimiters never close', () => {
    // Before: every piece of text searched the rest of the paragraph for a `$` (0.5 MB: minutes).
    const paragraph = 'a *b* c \\[1] costs $5 and '.repeat(20_000);
    const started = performance.now();
    const slide = parse(`## Long\n\n${paragraph}`).stacks.flat()[0];
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(slide?.math).toBe(false);
  }, 60_000);

  it('stops a macro that expands for ever', () => {
    const parsed = parse('## M\n\n$\\def\\a{\\a\\a}\\a$');
    expect(parsed.warnings.find((d) => d.severity === 'error')?.message).toContain('Too many expansions');
  });
});

describe('math and the rest of the slide', () => {
  it('survives --safe: the formula is typeset after the content is sanitised', () => {
    const markdown = '## M\n\n$\\frac{a}{b}$ and <span style="color:red" class="katex">forged</span>';
    const safe = html(markdown, true);
    expect(safe).toBe(html(markdown, false).replace(' style="color:red"', ''));
    expect(safe).toContain('style="height:');
    expect(safe).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
  });

  it('puts a .element comment after a formula on what holds it, as reveal.js does', () => {
    expect(html('## M\n\n- one $x$ <!-- .element: class="fragment" -->')).toContain('<li class="fragment">');
  });

  it('drops a placeholder the content forged', () => {
    expect(html('## M\n\n<rfc-math data-math="7">x</rfc-math> text')).not.toContain('rfc-math');
  });
});
