import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { parseSlides } from '../../src/markdown/parse.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };
const slide = (markdown: string, safe: boolean) =>
  parseSlides([{ path: 'a.md', text: markdown, firstLine: 1 }], seps, { safe }).stacks.flat()[0];

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src="x.png" onerror="alert(2)">',
  '<a href="javascript:alert(3)">click</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<object data="evil.swf"></object>',
  '<p style="background:url(https://evil.example/track.png)">styled</p>',
  '<svg><script>alert(4)</script></svg>',
  '<form action="https://evil.example/"><input name="x"></form>',
].join('\n\n');

describe('--safe', () => {
  it('removes scripts, handlers, javascript: URLs, iframes, objects and styles', () => {
    const html = slide(`## Hostile\n\n${HOSTILE}`, true)?.regions[0]?.html ?? '';
    for (const bad of ['<script', 'onerror', 'javascript:', '<iframe', '<object', 'style=', 'evil.example', '<form', '<input'])
      expect(html).not.toContain(bad);
    expect(html).toContain('<img src="x.png">');
    expect(html).toContain('styled');
  });

  it('keeps raw HTML as written without --safe (authors rely on it)', () => {
    expect(slide(`## Raw\n\n${HOSTILE}`, false)?.regions[0]?.html).toContain('<script>alert(1)</script>');
  });

  it('sanitises speaker notes too', () => {
    expect(slide('## A\n\nNote: <img src=x onerror="alert(1)">', true)?.notes.html).not.toContain('onerror');
  });

  it('keeps fragments and slide attributes that are not dangerous', () => {
    const result = slide(
      '<!-- .slide: data-background-color="#000" data-background-iframe="https://evil.example" -->\n## A\n\n- one <!-- .element: class="fragment" -->',
      true,
    );
    expect(result?.regions[0]?.html).toContain('<li class="fragment">');
    expect(result?.attributes).toEqual({ 'data-background-color': '#000' });
  });

  it('keeps highlighted code and tables', () => {
    const html = slide('## A\n\n```js\nlet a = 1;\n```\n\n| a |\n|---|\n| 1 |', true)?.regions[0]?.html ?? '';
    expect(html).toContain('<span class="hljs-keyword">let</span>');
    expect(html).toContain('<table>');
  });
});
