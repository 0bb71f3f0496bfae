import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBriefing } from '../../src/pipeline/read-briefing.js';
import { printedOnly, printedSlides } from '../../src/render/printed-slides.js';
import { slideBody } from '../../src/render/slide-body.js';
import { titleSlideBody } from '../../src/render/deck.js';
import { HIDDEN_BEFORE_OVERFLOW } from '../helpers/briefing.js';
import { run, type CliRun } from '../helpers/cli.js';
import { pdfWords, pptxToPdf, themeFonts, type Word } from '../helpers/office.js';
import { CONTENT } from '../helpers/paths.js';
import { decode, packageProblems, partText, readPptx, relationships, type ReadPptx } from '../helpers/pptx.js';

/** What a slide shows as text, from its HTML: markup, drawings and notes left out, white space too. */
const shownText = (html: string) =>
  decode(
    html
      .replace(/<(figure|svg|aside|script|style)\b[^]*?<\/\1>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'"),
  ).replace(/\s+/g, '');
const notesBody = (xml: string) => /<p:sp>(?:(?!<\/p:sp>).)*type="body"(?:(?!<\/p:sp>).)*<\/p:sp>/s.exec(xml)?.[0] ?? '';

// The default briefing built with its slides PDF and its PPTX, by the real Chromium; the PPTX read
// back, and rendered by LibreOffice Impress to be laid beside the PDF.
describe('slides.pptx of the default briefing', () => {
  const briefing = readBriefing(CONTENT, CONTENT);
  const printed = printedOnly(printedSlides(briefing.config, briefing.stacks));
  let dir: string;
  let result: CliRun;
  let pptx: ReadPptx;
  let bytes: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-pptx-'));
    result = await run(['build', CONTENT, '--out', join(dir, 'dist'), '--only', 'slides,pptx'], dir);
    bytes = readFileSync(join(dir, 'dist/slides.pptx'));
    pptx = await readPptx(bytes);
  });

  it('is written beside slides.pdf, listed with its slides', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`slides\\.pptx \\(\\d+\\.\\d KiB, ${printed.length} pages\\)`));
    expect(result.rawStderr).toMatch(/write slides\.pptx \(\d+ pages/);
  });

  it('is a consistent package: every relationship target exists, content types cover every part, ids unique, XML well-formed', () => {
    expect(packageProblems(pptx)).toEqual([]);
    expect(pptx.slides).toHaveLength(printed.length);
  });

  it('shows on each slide the text the deck shows, in the deck’s order, the slide number last', () => {
    printed.forEach((entry, index) => {
      const html = entry.slide ? slideBody(entry.slide, 'slides') : titleSlideBody(briefing.config.meta);
      const expected = shownText(html) + (index > 0 ? String(entry.number) : '');
      const xml = pptx.parts.get(pptx.slides[index]!) ?? '';
      expect(partText(xml).join('').replace(/\s+/g, ''), `slide ${index + 1}`).toBe(expected);
    });
  });

  it('has each slide’s title in its title placeholder', () => {
    printed.forEach((entry, index) => {
      const xml = pptx.parts.get(pptx.slides[index]!) ?? '';
      const title = /<p:sp>(?:(?!<\/p:sp>).)*<p:ph[^>]*type="title"(?:(?!<\/p:sp>).)*<\/p:sp>/s.exec(xml)?.[0] ?? '';
      expect(partText(title).join(' '), `slide ${index + 1}`).toBe(entry.title);
    });
  });

  it('has each slide’s speaker notes on its notes page, a paragraph each', () => {
    printed.forEach((entry, index) => {
      const notesPart = relationships(pptx.parts, pptx.slides[index]!).find((r) => r.type === 'notesSlide')?.target ?? '';
      const shown = partText(notesBody(pptx.parts.get(notesPart) ?? ''));
      const expected = entry.slide ? shownText(entry.slide.notes.html) : '';
      expect(expected.length > 0 || index === 0, `slide ${index + 1} has notes`).toBe(true);
      expect(shown.join('').replace(/\s+/g, ''), `notes of slide ${index + 1}`).toBe(expected);
      if (entry.slide) expect(shown.length).toBe((entry.slide.notes.html.match(/<p>/g) ?? []).length);
    });
  });

  it('sets semibold text (the title slide’s author) bold in the family’s own name, so that a substitute is drawn bold too', () => {
    const all = pptx.slides.map((s) => pptx.parts.get(s) ?? '').join('');
    expect(all).not.toMatch(/typeface="Inter SemiBold"/);
    const author = new RegExp(`<a:rPr ([^>]*)>(?:(?!</a:rPr>).)*</a:rPr><a:t>${briefing.config.meta.author}</a:t>`, 's');
    expect(author.exec(pptx.parts.get(pptx.slides[0]!) ?? '')?.[1]).toContain('b="1"');
  });

  it('puts the title, author and subject in the document properties', () => {
    const core = decode(pptx.parts.get('docProps/core.xml') ?? '');
    expect(core).toContain(`<dc:title>${briefing.config.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${briefing.config.meta.author}</dc:creator>`);
    expect(core).toContain(`<dc:subject>${briefing.config.meta.subtitle}</dc:subject>`);
  });

  it('has a native table, and the charts and diagrams as pictures with their SVG', () => {
    const all = pptx.slides.map((s) => pptx.parts.get(s) ?? '').join('');
    expect(all.match(/<a:tbl>/g)).toHaveLength(1);
    expect(all.match(/<p:pic>/g)).toHaveLength(3);
    expect(all.match(/<asvg:svgBlip /g)).toHaveLength(3);
  });

  /*
   * LibreOffice, given the theme's fonts, puts every word within 2 pt of where Chromium put it in
   * slides.pdf (measured: 1.5 pt at most across, the glyph advances of the two renderers rounding
   * differently over a long line; 0.8 pt at most down, the two PDFs describing Inter's ascent as
   * 0.95 and 0.97 em, and pdftotext's top of a word is its baseline less that). 2 pt is 2.7 slide
   * pixels, less than a space. Both grow with the type: at a big number's 120 pt the unit after
   * the figure sits 4 pt further right (measured: the figure's tight letter-spacing rounds), so a
   * word is allowed 0.075 of its height across and 0.025 down where that is more than 2 pt. List markers are left out: Chromium draws its own (a disc is no
   * text), and a number is drawn from where the list's indent puts it, in the text's weight.
   */
  it('looks like the PDF in LibreOffice Impress: each page shows the slide’s text where slides.pdf shows it', () => {
    const env = themeFonts(join(dir, 'office'));
    const office = pdfWords(pptxToPdf(join(dir, 'dist/slides.pptx'), join(dir, 'office'), env));
    const chromium = pdfWords(join(dir, 'dist/slides.pdf'));
    expect(office).toHaveLength(chromium.length);
    const marker = (w: Word) => /^([•◦▪–]|\d+\.)$/.test(w.text);
    office.forEach((words, page) => {
      const pdf = chromium[page] ?? [];
      const slideWords = partText(pptx.parts.get(pptx.slides[page]!) ?? '')
        .join(' ')
        .split(/\s+/)
        .filter(Boolean);
      const shown = words.filter((w) => !marker(w));
      expect(shown.length, `page ${page + 1}: LibreOffice shows every word of the slide`).toBe(slideWords.length);
      // Each word against the nearest unused word of the same text: the two PDFs may list a page's
      // words in another order (a big number beside a chart's axis).
      const used = new Set<number>();
      for (const word of shown) {
        let at = -1;
        pdf.forEach((w, i) => {
          if (used.has(i) || w.text !== word.text) return;
          const best = pdf[at];
          if (!best || Math.hypot(w.x - word.x, w.y - word.y) < Math.hypot(best.x - word.x, best.y - word.y)) at = i;
        });
        expect(at, `page ${page + 1}: "${word.text}" is in slides.pdf`).toBeGreaterThanOrEqual(0);
        const match = pdf[at]!;
        expect(Math.abs(word.x - match.x), `page ${page + 1}: "${word.text}" across`).toBeLessThanOrEqual(
          Math.max(2, 0.075 * match.height),
        );
        expect(Math.abs(word.y - match.y), `page ${page + 1}: "${word.text}" down`).toBeLessThanOrEqual(Math.max(2, 0.025 * match.height));
        used.add(at);
      }
    });
  });

  /*
   * Where the theme's fonts are not installed (most readers' machines), LibreOffice sets the text in
   * a substitute, here DejaVu Sans: 6% wider than Inter, its bold 16% wider. The lines stay as the
   * browser broke them: no text shape wraps, and a title, which LibreOffice wraps whatever the shape
   * says, shrinks to keep its lines.
   */
  it('keeps each title’s lines in LibreOffice with a substitute for the theme’s font', () => {
    const office = pdfWords(
      pptxToPdf(join(dir, 'dist/slides.pptx'), join(dir, 'substitute'), { ...process.env } as Record<string, string>),
    );
    const chromium = pdfWords(join(dir, 'dist/slides.pdf'));
    const lines = (words: readonly Word[], title: string) => {
      let from = 0;
      const found = title.split(/\s+/).map((text) => {
        const at = words.findIndex((w, i) => i >= from && w.text === text);
        from = at + 1;
        return words[at];
      });
      expect(found.every(Boolean), `"${title}" is on the page`).toBe(true);
      // A line ends where the next word sits lower by more than a few points.
      const ys = found.map((w) => w!.y);
      return 1 + ys.filter((y, i) => i > 0 && y - ys[i - 1]! > 4).length;
    };
    printed.forEach((entry, page) => {
      expect(lines(office[page] ?? [], entry.title), `page ${page + 1}: "${entry.title}"`).toBe(lines(chromium[page] ?? [], entry.title));
    });
  });

  it('is reused from the cache when nothing changed', async () => {
    const again = await run(['build', CONTENT, '--out', join(dir, 'dist'), '--only', 'pptx'], dir);
    expect(again.code).toBe(0);
    expect(again.rawStderr).toMatch(/write slides\.pptx \(\d+ pages, unchanged, reused/);
    expect(readFileSync(join(dir, 'dist/slides.pptx')).equals(bytes)).toBe(true);
  });
});

const BLOCKS = `## Blocks

<div class="callout callout-note" data-callout="note"><p class="callout-title">Note</p><p>A callout is <strong>one</strong> shape.</p></div>

<div style="display: flex; gap: 40px"><div data-region="left"><p>Left column</p></div><div data-region="right"><p>Right column</p></div></div>

Go to [the last slide](#/1) or [the web](https://example.org/).

\`\`\`js
const line = 'a very long line that the code block cuts off at its right edge, well past the slide, far past it, and beyond';
\`\`\`

Note: Said.

---

## Last

Note: Said too.
`;

// Blocks as the layouts contract writes them (BRIEF-CONTRACT.md), in raw HTML until the layouts are in.
describe('slides.pptx of a slide with a callout, regions, links and a long code line', () => {
  let dir: string;
  let slide: string;
  let rels: ReturnType<typeof relationships>;
  const shapes = (xml: string) => [...xml.matchAll(/<p:sp>.*?<\/p:sp>/gs)].map(([sp]) => sp);
  const left = (sp: string) => Number(/<a:off x="(\d+)"/.exec(sp)?.[1]);
  const right = (sp: string) => left(sp) + Number(/<a:ext cx="(\d+)"/.exec(sp)?.[1]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-pptx-blocks-'));
    writeFileSync(join(dir, 'deck.md'), BLOCKS);
    const result = await run(['build', 'deck.md', '--out', 'out', '--only', 'pptx'], dir);
    expect(result.code).toBe(0);
    const pptx = await readPptx(readFileSync(join(dir, 'out/slides.pptx')));
    expect(packageProblems(pptx)).toEqual([]);
    slide = pptx.parts.get(pptx.slides[0]!) ?? '';
    rels = relationships(pptx.parts, pptx.slides[0]!);
  });

  it('makes a callout one shape: its title and its text', () => {
    const callout = shapes(slide).filter((sp) => partText(sp).join('\n').includes('A callout is one shape.'));
    expect(callout).toHaveLength(1);
    expect(partText(callout[0]!)).toEqual(['Note', 'A callout is one shape.']);
  });

  it('gives a callout its fill: the color-mix() the theme paints it with, as sRGB', () => {
    const callout = shapes(slide).find((sp) => partText(sp).includes('A callout is one shape.')) ?? '';
    // The light theme's note colour #1d4f91 at 11% over its white background.
    expect(/<p:spPr>.*?<\/p:spPr>/s.exec(callout)?.[0]).toContain('<a:solidFill><a:srgbClr val="E6ECF3"/></a:solidFill>');
  });

  it('keeps regions apart, side by side', () => {
    const [l, r] = ['Left column', 'Right column'].map((text) => shapes(slide).find((sp) => partText(sp).includes(text)) ?? '');
    expect(l).not.toBe(r);
    expect(left(r!)).toBeGreaterThan(right(l!));
  });

  it('links to the web and to the slide a #/h/v link names', () => {
    expect(rels.find((r) => r.type === 'slide')?.target).toBe('ppt/slides/slide2.xml');
    expect(slide).toMatch(/<a:hlinkClick r:id="rId\d+" action="ppaction:\/\/hlinksldjump">/);
    expect(rels.some((r) => r.type === 'hyperlink' && r.external)).toBe(true);
  });

  it('has its code set in a monospace substitute by LibreOffice where the theme’s code font is missing', () => {
    const pdf = pptxToPdf(join(dir, 'out/slides.pptx'), join(dir, 'substitute'), { ...process.env } as Record<string, string>);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).not.toMatch(/JetBrains/);
    // A monospace face of the machine's (DejaVu Sans Mono on Debian), not the proportional default.
    expect(fonts).toMatch(/\+\S*Mono\S*\s/);
  });

  it('cuts a code line where the code block cuts it, inside the slide', () => {
    const code = shapes(slide).find((sp) => partText(sp).join('').includes('const line')) ?? '';
    expect(partText(code).join('')).not.toContain('and beyond');
    expect(right(code)).toBeLessThanOrEqual(12192000);
  });
});

describe('a slide that overflows', () => {
  it('fails slides.pptx as it fails slides.pdf, with the same finding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-pptx-overflow-'));
    writeFileSync(join(dir, 'deck.md'), HIDDEN_BEFORE_OVERFLOW);
    const pptx = await run(['build', 'deck.md', '--out', 'out', '--only', 'pptx'], dir);
    const pdf = await run(['build', 'deck.md', '--out', 'out', '--only', 'slides'], dir);
    expect(pptx.code).toBe(1);
    const finding = /deck\.md:\d+: error: slide 3 "Overflowing" overflows the slide: its content is \d+ px too tall \[overflow\]/;
    expect(pptx.stderr).toMatch(finding);
    expect(pptx.stderr.match(finding)?.[0]).toBe(pdf.stderr.match(finding)?.[0]);
  });
});
