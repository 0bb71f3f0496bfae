import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { parseSlides } from '../../src/markdown/parse.js';
import { sanitize, sanitizeSlideAttributes } from '../../src/markdown/sanitize.js';
import { run } from '../helpers/cli.js';

const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };
const safeSlide = (markdown: string) =>
  parseSlides([{ path: 'a.md', text: markdown, firstLine: 1 }], seps, { safe: true }).stacks.flat()[0];

// Issue 15: a blocklist in one case let `data-Background-Iframe` and its like through.
describe('--safe keeps data- attributes by an allowlist, in any case', () => {
  it.each([
    'data-Background-Iframe',
    'DATA-BACKGROUND-IFRAME',
    'data-preview-Link',
    'data-SRC',
    'data-markdown',
    'data-external',
    'data-plugin-thing',
  ])('drops %s from a slide comment and from raw HTML', (name) => {
    const slide = safeSlide(
      `<!-- .slide: ${name}="https://evil.example/page" -->\n## A\n\n<div ${name}="https://evil.example/page">x</div>`,
    );
    expect(Object.keys(slide?.attributes ?? {}).map((key) => key.toLowerCase())).not.toContain(name.toLowerCase());
    expect(slide?.regions[0]?.html.toLowerCase()).not.toContain(name.toLowerCase());
    expect(slide?.regions[0]?.html).not.toContain('evil.example');
  });

  it('drops a background URL of any scheme but http(s), however written', () => {
    for (const value of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'file:///etc/passwd', 'data:text/html,x'])
      expect(sanitizeSlideAttributes({ 'data-Background-Image': value })).toEqual({});
    expect(sanitize('<div data-background-image="vbscript:x">y</div>')).toBe('<div>y</div>');
  });

  it('keeps what only changes how a slide looks and moves, names in lower case', () => {
    expect(
      sanitizeSlideAttributes({
        'data-Background-Color': '#000',
        'data-background-image': 'img/a.png',
        'data-auto-animate': '',
        'data-transition': 'zoom',
        Class: 'dark',
        onclick: 'x()',
        style: 'color: red',
      }),
    ).toEqual({
      'data-background-color': '#000',
      'data-background-image': 'img/a.png',
      'data-auto-animate': '',
      'data-transition': 'zoom',
      class: 'dark',
    });
    expect(sanitize('<p class="fragment" data-fragment-index="2" DATA-ID="t">a</p>')).toBe(
      '<p class="fragment" data-fragment-index="2" data-id="t">a</p>',
    );
    expect(sanitize('<rfc-figure data-key="k1"></rfc-figure>')).toBe('<rfc-figure data-key="k1"></rfc-figure>');
  });
});

describe('--safe keeps revealOptions by an allowlist', () => {
  const hostile = {
    transition: 'zoom',
    controls: false,
    width: 1024,
    dependencies: [{ src: 'https://evil.example/plugin.js' }],
    plugins: ['RevealEvil'],
    previewLinks: true,
    postMessage: true,
    postMessageEvents: true,
    parallaxBackgroundImage: 'https://evil.example/track.png',
    keyboard: { 13: 'next' },
    markdown: { smartypants: true },
    highlight: { beforeHighlight: 'x' },
    katex: { local: 'https://evil.example/katex' },
    multiplex: { url: 'https://evil.example/socket' },
    mathjax3: { mathjax: 'https://evil.example/mathjax.js' },
  };
  const resolved = (safe: boolean) =>
    resolveConfig({ root: '/', safe }, [
      { data: { revealOptions: hostile }, file: 'a.md', keyLines: { revealOptions: 3 }, warnUnknown: true },
    ]);

  it('drops every option that loads code or a page, names a function or talks to another window, and says so', () => {
    const { config, warnings } = resolved(true);
    for (const key of [
      'dependencies',
      'plugins',
      'previewLinks',
      'postMessage',
      'postMessageEvents',
      'parallaxBackgroundImage',
      'keyboard',
      'markdown',
      'highlight',
      'katex',
      'multiplex',
      'mathjax3',
    ])
      expect(config.revealOptions).not.toHaveProperty(key);
    expect(config.revealOptions).toMatchObject({ transition: 'zoom', controls: false, width: 1024, pdfMaxPagesPerSlide: 1 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'front-matter', where: { file: 'a.md', line: 3 } });
    expect(warnings[0]?.message).toMatch(/revealOptions "dependencies", "plugins", .* ignored under --safe/);
  });

  it('keeps them as written without --safe (the deck is the author’s own)', () => {
    expect(resolved(false).config.revealOptions).toMatchObject({ dependencies: hostile.dependencies, previewLinks: true });
  });

  it('writes no such option into a --safe deck', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-safe-options-'));
    mkdirSync(join(dir, 'deck'));
    writeFileSync(
      join(dir, 'deck/a.md'),
      [
        '---',
        'revealOptions:',
        '  dependencies:',
        '    - src: https://evil.example/plugin.js',
        '  previewLinks: true',
        '---',
        '<!-- .slide: data-Background-Iframe="https://evil.example/page" -->',
        '## A',
        '',
        '<a href="https://example.com" data-Preview-Link>link</a>',
      ].join('\n'),
    );
    const result = await run(['build', 'deck', '--safe', '--no-pdf'], dir);
    expect(result.code).toBe(0);
    const html = readFileSync(join(dir, 'dist/slides/index.html'), 'utf8');
    expect(html).not.toContain('evil.example');
    expect(html.toLowerCase()).not.toContain('preview-link');
    expect(html).not.toContain('previewLinks');
  });
});

describe('a briefing cannot allow its own scripts', () => {
  const layer = (data: Record<string, unknown>) => [{ data, file: 'a.md', keyLines: { allowScripts: 2 }, warnUnknown: true }];

  it('ignores allowScripts: true in the content, and says to pass --allow-scripts', () => {
    for (const safe of [false, true]) {
      const { config, warnings } = resolveConfig({ root: '/', safe }, layer({ allowScripts: true }));
      expect(config.allowScripts).toBe(false);
      expect(warnings).toEqual([
        expect.objectContaining({
          code: 'front-matter',
          where: { file: 'a.md', line: 2 },
          message: expect.stringMatching(/ignored.*--allow-scripts/),
        }),
      ]);
    }
  });

  it('runs them only when the person running the build says so, under --safe too', () => {
    expect(resolveConfig({ root: '/', allowScripts: true }, layer({})).config.allowScripts).toBe(true);
    const { config, warnings } = resolveConfig({ root: '/', allowScripts: true }, layer({ allowScripts: true }));
    expect(config.allowScripts).toBe(true);
    expect(warnings).toEqual([]);
    expect(resolveConfig({ root: '/' }, layer({ allowScripts: false })).warnings).toEqual([]);
  });
});
