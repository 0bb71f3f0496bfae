import { describe, expect, it } from 'vitest';
import { coversText } from '../../src/render/inline-css.js';
import { resolveUrl } from '../../src/render/inline-urls.js';
import { documentText, inlineDocument, safeScriptText, safeStyleText } from '../../src/render/one-file.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A folder of files by path, as the staged deck would hold them. */
function folder(files: Record<string, string>): (path: string) => Uint8Array | undefined {
  return (path) => (path in files ? Buffer.from(files[path] ?? '') : undefined);
}

const FONTS_CSS = `@font-face {
  font-family: 'Inter';
  font-weight: 400;
  src: url(fonts/inter-latin-400.woff2) format('woff2');
  unicode-range: U+0000-00FF, U+2000-206F;
}
@font-face {
  font-family: 'Inter';
  font-weight: 400;
  src: url(fonts/inter-latin-ext-400.woff2) format('woff2');
  unicode-range: U+0100-02BA;
}
@font-face {
  font-family: 'Inter';
  font-weight: 700;
  src: url(fonts/inter-latin-700.woff2) format('woff2'), url(fonts/inter-latin-700.woff) format('woff');
  unicode-range: U+0000-00FF;
}`;

const DECK = folder({
  'lib/reveal/reveal.css': '.reveal{color:red}',
  'lib/reveal/reveal.js': 'var Reveal = { initialize() {} };',
  'lib/theme/fonts.css': FONTS_CSS,
  'lib/theme/fonts/inter-latin-400.woff2': 'L400',
  'lib/theme/fonts/inter-latin-ext-400.woff2': 'X400',
  'lib/theme/fonts/inter-latin-700.woff2': 'L700',
  'lib/theme/fonts/inter-latin-700.woff': 'L700W',
  'images/chart one.png': 'PNG',
  'images/bg.jpg': 'JPG',
});

const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('the deck as one file', () => {
  it('puts its stylesheets and scripts inside it, and leaves the page around them as it was', () => {
    const html = page(
      '<p>Hi</p><script src="lib/reveal/reveal.js"></script><script>Reveal.initialize({});</script>',
      '<link rel="stylesheet" href="lib/reveal/reveal.css">',
    );
    const one = inlineDocument(html, { load: DECK });
    expect(one.html).toBe(
      page(
        '<p>Hi</p><script>var Reveal = { initialize() {} };</script><script>Reveal.initialize({});</script>',
        '<style>.reveal{color:red}</style>',
      ),
    );
    expect(one.left).toEqual([]);
  });

  it('writes the files a stylesheet loads as data: URLs, relative to the stylesheet', () => {
    const one = inlineDocument(page('<p>Hi</p>', '<link rel="stylesheet" href="lib/theme/fonts.css">'), { load: DECK });
    expect(one.html).toContain(`url("data:font/woff2;base64,${b64('L400')}")`);
  });

  it('keeps only the font files the laid-out page loaded', () => {
    const fonts = new Set(['lib/theme/fonts/inter-latin-400.woff2']);
    const one = inlineDocument(page('<p>Hi</p>', '<link rel="stylesheet" href="lib/theme/fonts.css">'), { load: DECK, fonts });
    expect(one.html.match(/@font-face/g)).toHaveLength(1);
    expect(one.html).toContain(b64('L400'));
    expect(one.html).not.toContain(b64('X400'));
    expect(one.html).not.toContain(b64('L700'));
  });

  it('without the page loaded, keeps the faces the text needs, each by its first file', () => {
    const latin = inlineDocument(page('<p>Hello</p>', '<link rel="stylesheet" href="lib/theme/fonts.css">'), { load: DECK });
    expect(latin.html).toContain(b64('L400'));
    expect(latin.html).toContain(b64('L700'));
    expect(latin.html).not.toContain(b64('L700W'));
    expect(latin.html).not.toContain(b64('X400'));
    const polish = inlineDocument(page('<p>Zażółć</p>', '<link rel="stylesheet" href="lib/theme/fonts.css">'), { load: DECK });
    expect(polish.html).toContain(b64('X400'));
  });

  it('wraps a stylesheet with a media attribute, and an import with media, in @media', () => {
    const load = folder({ 'a.css': '@import url("b.css") print;\nh1{}', 'b.css': 'h2{}' });
    const one = inlineDocument(page('', '<link rel="stylesheet" href="a.css" media="screen">'), { load });
    expect(one.html).toContain('<style>@media screen{@media print{h2{}}\nh1{}}</style>');
  });

  it('writes images, videos and SVG images as data: URLs; fragments and links stay', () => {
    const html = page(
      '<img src="images/chart%20one.png" alt="x"><img srcset="images/bg.jpg 2x, images/chart%20one.png 1x">' +
        '<svg viewBox="0 0 1 1"><image xlink:href="images/bg.jpg"/><use href="#dot"/></svg>' +
        '<a href="images/bg.jpg">open</a><a href="#/3">slide 3</a>',
    );
    const one = inlineDocument(html, { load: DECK });
    expect(one.html).toContain(`<img src="data:image/png;base64,${b64('PNG')}" alt="x">`);
    expect(one.html).toContain(`srcset="data:image/jpeg;base64,${b64('JPG')} 2x, data:image/png;base64,${b64('PNG')} 1x"`);
    expect(one.html).toContain(`<image xlink:href="data:image/jpeg;base64,${b64('JPG')}" />`);
    expect(one.html).toContain('<svg viewBox="0 0 1 1">');
    expect(one.html).toContain('<use href="#dot"/>');
    expect(one.html).toContain('<a href="images/bg.jpg">open</a><a href="#/3">slide 3</a>');
  });

  it("reads reveal.js's data-background as an image only when it names a file; style attributes too", () => {
    const html = page(
      '<section data-background="images/bg.jpg"></section><section data-background="#123"></section>' +
        '<section data-background-image="images/bg.jpg"></section><div style="background:url(\'images/bg.jpg\')"></div>',
    );
    const one = inlineDocument(html, { load: DECK });
    const jpg = `data:image/jpeg;base64,${b64('JPG')}`;
    expect(one.html).toContain(`<section data-background="${jpg}">`);
    expect(one.html).toContain('<section data-background="#123">');
    expect(one.html).toContain(`<section data-background-image="${jpg}">`);
    expect(one.html).toContain(`style="background:url(&quot;${jpg}&quot;)"`);
    expect(one.left).toEqual([]);
  });

  it('says what it still loads from elsewhere; a missing file is for the missing-file check', () => {
    const html = page(
      '<img src="https://example.org/a.png"><img src="images/gone.png"><img src="../secret.png"><iframe src="demo.html"></iframe>',
      '<link rel="stylesheet" href="//cdn.example.org/x.css">',
    );
    const one = inlineDocument(html, { load: DECK });
    expect(one.left).toEqual(['//cdn.example.org/x.css', 'https://example.org/a.png', '../secret.png', 'demo.html']);
    expect(one.html).toContain('<img src="images/gone.png">');
  });

  it('puts a script that could end the element early, or a deferred one, in a data: URL', () => {
    const load = folder({ 'a.js': 'document.write("<!--<script>");', 'b.js': 'x = "</script>";' });
    const one = inlineDocument(page('<script src="a.js"></script><script src="b.js"></script><script defer src="b.js"></script>'), {
      load,
    });
    expect(one.html).toContain(`<script src="data:text/javascript;base64,${b64('document.write("<!--<script>");')}"></script>`);
    expect(one.html).toContain('<script>x = "<\\/script>";</script>');
    expect(one.html).toContain(`<script defer src="data:text/javascript;base64,${b64('x = "</script>";')}"></script>`);
  });
});

describe('script and style text inside the page', () => {
  it('writes "</script" as "<\\/script", and refuses text that leaves the parser inside a comment', () => {
    expect(safeScriptText('a = "</SCRIPT>"')).toBe('a = "<\\/SCRIPT>"');
    expect(safeScriptText('w(`<!-- note --> <script>x()<\\/script>`)')).toBeDefined();
    expect(safeScriptText('w("<!--")')).toBeUndefined();
    expect(safeScriptText('w("<!-- <script>")')).toBeUndefined();
    expect(safeScriptText('w("<!-- <script> -->")')).toBeDefined();
    expect(safeScriptText('w("<!-->")')).toBeDefined();
    expect(safeStyleText('a{content:"</style>"}')).toBe('a{content:"<\\/style>"}');
  });
});

describe('what the one file is made from', () => {
  it('resolves URLs inside the folder, decoded, their fragment kept', () => {
    expect(resolveUrl('lib/theme', 'fonts/a%20b.woff2?v=2#x')).toEqual({ kind: 'file', path: 'lib/theme/fonts/a b.woff2', fragment: '#x' });
    expect(resolveUrl('lib/theme', '../../images/a.png')).toEqual({ kind: 'file', path: 'images/a.png', fragment: '' });
    for (const outside of ['../a.png', '/etc/passwd', 'https://x.org/a.png', '//x.org/a.png', 'file:///etc/passwd'])
      expect(resolveUrl('', outside).kind, outside).toBe('outside');
    for (const kept of ['#/2', 'data:image/png;base64,AA', 'mailto:a@b.c', '']) expect(resolveUrl('', kept).kind, kept).toBe('keep');
  });

  it('reads a unicode-range against the text', () => {
    const text = documentText('<p>Caf&eacute;</p><script>ż</script>');
    expect([...text].map((c) => String.fromCodePoint(c)).join('')).toBe('Café');
    expect(coversText('U+0000-00FF', text)).toBe(true);
    expect(coversText('U+0100-02BA, U+1E00-1E9F', text)).toBe(false);
    expect(coversText('U+00E?', text)).toBe(true);
    expect(coversText(undefined, text)).toBe(true);
  });
});
