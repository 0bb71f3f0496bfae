import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { isLocalUrl, parseSlides } from '../../src/markdown/parse.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };

describe('parseSlides', () => {
  it('starts each file on a new horizontal slide', () => {
    const parsed = parseSlides(
      [
        { path: 'a.md', text: '## One\n\n---\n\n## Two', firstLine: 1 },
        { path: 'b.md', text: '## Three', firstLine: 1 },
      ],
      seps,
    );
    expect(parsed.stacks.map((s) => s.map((slide) => slide.title))).toEqual([['One'], ['Two'], ['Three']]);
  });

  it('names the file and line where each slide starts', () => {
    const parsed = parseSlides([{ path: 'a.md', text: '## One\n\n---\n\n## Two\n', firstLine: 4 }], seps);
    expect(parsed.stacks.flat().map((s) => `${s.source.file}:${s.source.line}`)).toEqual(['a.md:4', 'a.md:8']);
  });

  it('renders notes apart from the slide body', () => {
    const [slide] = parseSlides([{ path: 'a.md', text: '## One\n\n- point\n\nNote: say **this**', firstLine: 1 }], seps).stacks.flat();
    expect(slide?.regions[0]?.html).not.toContain('say');
    expect(slide?.notes.html).toBe('<p>say <strong>this</strong></p>\n');
  });

  it('highlights code at build time and keeps reveal.js line steps (laid out on the slides, as written in the report)', () => {
    const [slide] = parseSlides([{ path: 'a.md', text: '```js [1|2]\nconst a = 1;\n```', firstLine: 1 }], seps).stacks.flat();
    expect(slide?.regions[0]?.html).toContain('<code class="hljs language-js has-highlights" data-line-numbers="1">');
    expect(slide?.regions[0]?.html).toContain('<code class="hljs language-js fragment" data-line-numbers="2">');
    expect(slide?.regions[0]?.html).toContain('<span class="hljs-keyword">const</span>');
    expect(slide?.regions[0]?.reportHtml).toContain('<code class="hljs language-js" data-line-numbers="1|2">');
  });

  it('lists local assets with the line that names them, not remote ones', () => {
    const text = '## Pics\n\n![a](img/a.png)\n\n![b](https://example.org/b.png)';
    const [slide] = parseSlides([{ path: 'a.md', text, firstLine: 1 }], seps).stacks.flat();
    expect(slide?.assets).toEqual([{ url: 'img/a.png', file: 'a.md', line: 3 }]);
  });

  it('warns about a code fence that is never closed, with its slide', () => {
    const parsed = parseSlides([{ path: 'a.md', text: '## One\n\n```js\nlet a;\n\n---\n\n## Two', firstLine: 1 }], seps);
    expect(parsed.warnings).toEqual([
      { severity: 'warning', code: 'slide', message: expect.stringMatching(/never closed/), where: { file: 'a.md', line: 1 } },
    ]);
  });
});

describe('isLocalUrl', () => {
  it.each([
    ['img/a.png', true],
    ['./a.png', true],
    ['https://x.org/a.png', false],
    ['data:image/png;base64,AAAA', false],
    ['#/2', false],
    ['//cdn.example/a.js', false],
  ])('%s → %s', (url, local) => expect(isLocalUrl(url)).toBe(local));
});

describe('parseSlides with a slide cache (serve)', () => {
  it('reuses unchanged slides and parses the edited one again', () => {
    const cache = new Map();
    const text = '## One\n\n---\n\n## Two\n\n```mermaid\ngraph LR; a-->b\n```';
    const first = parseSlides([{ path: 'a.md', text, firstLine: 1 }], seps, { cache });
    const again = parseSlides([{ path: 'a.md', text, firstLine: 1 }], seps, { cache });
    expect(again.stacks[0]?.[0]).toBe(first.stacks[0]?.[0]);
    expect(again.figures).toEqual(first.figures);
    const edited = parseSlides([{ path: 'a.md', text: text.replace('## One', '## Uno'), firstLine: 1 }], seps, { cache });
    expect(edited.stacks[0]?.[0]?.title).toBe('Uno');
    expect(edited.stacks[1]?.[0]).toBe(first.stacks[1]?.[0]);
  });
});
