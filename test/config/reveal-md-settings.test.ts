import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_STYLES } from '../../src/config/deck-assets.js';
import { readBriefing } from '../../src/pipeline/read-briefing.js';
import { renderDeck } from '../../src/render/deck.js';
import { deckFiles } from '../../src/render/theme-files.js';
import { briefErrorOf } from '../helpers/errors.js';

// A reveal-md deck: slides.md beside its reveal-md.json and reveal.json, as its author keeps it.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rfc-brief-reveal-md-'));
});
function folder(files: Record<string, string>) {
  for (const [name, text] of Object.entries({ 'slides.md': '## One\n\n---\n\n## Two\n', ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return readBriefing(join(dir, 'slides.md'), dir);
}
const messages = (briefing: ReturnType<typeof folder>) => briefing.warnings.map((w) => w.message);

describe('reveal-md.json and reveal.json', () => {
  it('reads reveal-md.json as JSON5, as reveal-md does (trailing comma, comments)', () => {
    const briefing = folder({ 'reveal-md.json': '{\n  // separators\n  "separator": "^===$",\n  "controls": true,\n}\n' });
    expect(briefing.config.separators.horizontal).toBe('^===$');
  });

  it('says where a reveal-md.json that cannot be read is wrong', () => {
    const error = briefErrorOf(() => folder({ 'reveal-md.json': '{\n  "theme": \n}' }));
    expect(error.where).toEqual({ file: 'reveal-md.json', line: 3 });
  });

  it('takes reveal.json as reveal.js options, under those of reveal-md.json and the front matter', () => {
    const briefing = folder({
      'slides.md': '---\nrevealOptions:\n  transition: zoom\n---\n## One',
      'reveal-md.json': '{ "revealOptions": { "transition": "none", "controls": false } }',
      'reveal.json': '{ "transition": "fade", "controls": true, "progress": false, "slideNumber": "c" }',
    });
    expect(briefing.config.revealOptions).toMatchObject({ transition: 'zoom', controls: false, progress: false, slideNumber: 'c' });
  });
});

describe('css, scripts and highlightTheme', () => {
  it('copies and links the deck stylesheets after the theme, from a list or a comma-separated line', () => {
    const briefing = folder({
      'reveal-md.json': '{ "css": "css/base.css,css/code.css" }',
      'css/base.css': 'h2 { color: red }',
      'css/code.css': '',
    });
    const files = deckFiles(briefing.config.theme, briefing.config.deck);
    expect(files.files).toEqual(expect.arrayContaining([{ from: expect.stringMatching(/css\/base\.css$/), to: 'css/base.css' }]));
    expect(files.stylesheets.slice(-2)).toEqual(['css/base.css', 'css/code.css']);
    const html = renderDeck({ config: briefing.config, stacks: briefing.stacks, stylesheets: files.stylesheets });
    expect(html).toMatch(
      /lib\/theme\/slides\.css">\s*<link rel="stylesheet" href="lib\/theme\/layouts\.css">\s*<link rel="stylesheet" href="css\/base\.css">/,
    );
  });

  it('loads the deck scripts in the deck, after reveal.js and before it starts, and copies them', () => {
    const briefing = folder({ 'reveal-md.json': '{ "scripts": ["js/plugin.js"] }', 'js/plugin.js': 'window.x = 1;' });
    const { files, stylesheets } = deckFiles(briefing.config.theme, briefing.config.deck);
    expect(files).toEqual(expect.arrayContaining([{ from: expect.stringMatching(/js\/plugin\.js$/), to: 'js/plugin.js' }]));
    const html = renderDeck({ config: briefing.config, stacks: briefing.stacks, stylesheets });
    expect(html).toMatch(/reveal\/reveal\.js"><\/script>[\s\S]*<script src="js\/plugin\.js"><\/script>[\s\S]*Reveal\.initialize/);
  });

  it('runs them while printing only under --allow-scripts', () => {
    const files = { 'reveal-md.json': '{ "scripts": "js/plugin.js" }', 'js/plugin.js': '' };
    const blocked = folder(files);
    const print = (briefing: typeof blocked) =>
      renderDeck({ config: briefing.config, stacks: briefing.stacks, stylesheets: [], printNonce: 'n0nce' });
    expect(print(blocked)).not.toContain('js/plugin.js');
    const allowed = readBriefing(join(dir, 'slides.md'), dir, { allowScripts: true });
    expect(print(allowed)).toContain('<script src="js/plugin.js"></script>');
  });

  it('warns once for a missing or remote one, and builds without it', () => {
    const briefing = folder({ 'reveal-md.json': '{ "css": ["gone.css", "https://cdn.example/x.css"] }' });
    expect(briefing.config.deck.css).toEqual([]);
    expect(messages(briefing)).toEqual(
      expect.arrayContaining([expect.stringMatching(/gone\.css was not found/), expect.stringMatching(/x\.css is on the network/)]),
    );
  });

  it('colours code with the highlight.js style named, found in base16/ where highlight.js 11 moved it', () => {
    const dracula = folder({ 'reveal-md.json': '{ "highlightTheme": "monokai-sublime" }' });
    expect(dracula.config.deck.highlight).toBe(join(HIGHLIGHT_STYLES, 'monokai-sublime.css'));
    const highlight = deckFiles(dracula.config.theme, dracula.config.deck).files.find((f) => f.to === 'lib/theme/highlight.css');
    expect(highlight?.from).toBe(join(HIGHLIGHT_STYLES, 'monokai-sublime.css'));
    expect(folder({ 'reveal-md.json': '{ "highlightTheme": "railscasts" }' }).config.deck.highlight).toBe(
      join(HIGHLIGHT_STYLES, 'base16/railscasts.css'),
    );
  });
});

describe('what rfc-brief does not do', () => {
  it('warns once for template and preprocessor, naming the key and what to do', () => {
    const briefing = folder({ 'reveal-md.json': '{ "template": "t.html", "preprocessor": "p.js", "staticDirs": "img" }' });
    const unsupported = messages(briefing).filter((m) => /is not supported/.test(m));
    expect(unsupported).toEqual([expect.stringMatching(/^"template" is not supported.*css/), expect.stringMatching(/^"preprocessor"/)]);
  });

  it("says nothing of a reveal-md deck's own front matter keys, which its template reads", () => {
    const briefing = folder({ 'slides.md': '---\nfooter: Firenze\nsource-code: x\n---\n## One', 'reveal-md.json': '{}' });
    expect(briefing.warnings.filter((w) => w.code === 'unknown-key')).toEqual([]);
  });

  it('still names an unknown key of a briefing written for rfc-brief', () => {
    const briefing = folder({ 'slides.md': '---\ntitel: x\n---\n## One' });
    expect(messages(briefing)).toEqual([expect.stringMatching(/unknown key "titel".*"title"/)]);
  });
});

describe('reveal.js themes', () => {
  it("lay a deck out at reveal.js's size, centred, when it gives none of its own", () => {
    const { revealOptions } = folder({ 'slides.md': '---\ntheme: night\n---\n## One' }).config;
    expect(revealOptions).toMatchObject({ width: 960, height: 700, margin: 0.04, center: true, pdfMaxPagesPerSlide: 1 });
  });

  it('keep the size and centring a deck gives', () => {
    const { revealOptions } = folder({
      'slides.md': '## One',
      'reveal-md.json': '{ "theme": "night" }',
      'reveal.json': '{ "width": 1280, "height": 720, "center": false }',
    }).config;
    expect(revealOptions).toMatchObject({ width: 1280, height: 720, center: false });
  });

  it("leave rfc-brief's own themes at 1280×720, top-aligned", () => {
    expect(folder({}).config.revealOptions).toMatchObject({ width: 1280, height: 720, center: false });
  });

  it('refuse a theme that is no theme and no stylesheet, saying how to point at one', () => {
    const error = briefErrorOf(() => folder({ 'slides.md': '---\ntheme: polkadot\n---\n## One' }));
    expect(error.code).toBe('UNKNOWN_THEME');
    expect(error.hint).toMatch(/give its path, ending in \.css, relative to the deck's folder \(e\.g\. "theme: css\/polkadot\.css"\)/);
    const beside = briefErrorOf(() => folder({ 'slides.md': '---\ntheme: polkadot\n---\n## One', 'theme/polkadot.css': '' }));
    expect(beside.hint).toMatch(/The folder has theme\/polkadot\.css: write "theme: theme\/polkadot\.css"/);
  });
});
