import { describe, expect, it } from 'vitest';
import type { Paragraph, Run } from '../../src/pptx/model.js';
import { notesParagraphs } from '../../src/pptx/notes-text.js';
import { EMU, textBody, textFrame } from '../../src/pptx/text-body.js';

const run = (text: string, extra: Partial<Run> = {}): Run => ({
  text,
  font: 'Inter',
  size: 32,
  bold: false,
  italic: false,
  colour: { hex: '000000', alpha: 1 },
  underline: false,
  strike: false,
  spacing: 0,
  generic: 'sans',
  shift: undefined,
  link: undefined,
  ...extra,
});
const para = (baselines: number[], extra: Partial<Paragraph> = {}): Paragraph => ({
  lines: baselines.map((baseline, i) => ({ runs: [run(`line ${i}`)], baseline, size: 32 })),
  align: 'l',
  left: 100,
  lineHeight: 44.8,
  level: 0,
  bullet: undefined,
  tabs: [],
  indent: 0,
  ...extra,
});
const context = { lang: 'en', link: () => undefined };
const points = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<a:${tag}><a:spcPts val="(\\d+)"/>`, 'g'))].map((m) => Number(m[1]));

describe('a text body', () => {
  it('puts each baseline where the browser drew it: exact line height, PowerPoint’s baseline a fifth of the size above the line’s foot', () => {
    // Baseline 140 in a 44.8 px line of 32 px text: PowerPoint's line box starts at 140 + 6.4 - 44.8.
    const frame = textFrame({ x: 100, y: 90, w: 500, h: 200 }, [para([140, 184.8]), para([250])]);
    expect(frame.top).toBeCloseTo(140 + 6.4 - 44.8 - 90, 5);
    const xml = textBody('p', frame, [para([140, 184.8]), para([250])], context);
    expect(xml).toContain(`tIns="${Math.round(frame.top * EMU)}"`);
    expect(points(xml, 'lnSpc')).toEqual([3360, 3360]);
    // The second paragraph's line box starts 250 + 6.4 - 44.8; the first ends two lines after its start.
    expect(points(xml, 'spcBef')).toEqual([0, Math.round((250 + 6.4 - 44.8 - (140 + 6.4 - 44.8 + 2 * 44.8)) * 75)]);
    expect(xml).toContain('<a:t>line 0</a:t></a:r><a:br/><a:r>');
  });

  it('grows its frame up to a first line that reaches above the block, and left to its bullets', () => {
    const bullet = { kind: 'char', char: '•', x: 70, colour: { hex: '1D4F91', alpha: 1 }, font: 'Inter', size: 32 } as const;
    const frame = textFrame({ x: 96, y: 100, w: 500, h: 60 }, [para([130], { bullet })]);
    expect(frame.top).toBe(0);
    expect(frame.box.y).toBeCloseTo(130 + 6.4 - 44.8, 5);
    expect(frame.box.x).toBe(70);
    expect(frame.box.w).toBe(526);
    const xml = textBody('p', frame, [para([130], { bullet })], context);
    expect(xml).toContain(`marL="${Math.round(30 * EMU)}" indent="${Math.round(-30 * EMU)}"`);
    expect(xml).toMatch(
      /<a:buClr><a:srgbClr val="1D4F91"><\/a:srgbClr><\/a:buClr><a:buSzPct val="100000"\/><a:buFont typeface="Inter"\/><a:buChar char="•"\/>/,
    );
  });

  it('writes one paragraph’s properties once, first, whatever its runs', () => {
    const mixed = {
      ...para([140]),
      lines: [{ runs: [run('a '), run('b', { bold: true, italic: true }), run(' c')], baseline: 140, size: 32 }],
    };
    const xml = textBody('p', textFrame({ x: 100, y: 90, w: 500, h: 60 }, [mixed]), [mixed], context);
    expect(xml.match(/<a:pPr /g)).toHaveLength(1);
    expect(xml).toMatch(/<a:p><a:pPr [^>]*>.*<\/a:pPr><a:r>/);
    expect(xml).toMatch(/b="1" i="1"[^>]*>.*<a:t>b<\/a:t>/);
  });

  it('leaves out what XML cannot hold and escapes markup', () => {
    const odd = { ...para([140]), lines: [{ runs: [run('a\u0001<b>&\uD800')], baseline: 140, size: 32 }] };
    expect(textBody('p', textFrame({ x: 100, y: 90, w: 500, h: 60 }, [odd]), [odd], context)).toContain('<a:t>a&lt;b&gt;&amp;</a:t>');
  });
});

describe('speaker notes as plain text', () => {
  it('has a paragraph per block, white space collapsed, entities decoded, list items marked', () => {
    const html =
      '<p>First line\nof one paragraph &amp; more.</p>\n<ul><li>one</li><li>two <code>x</code></li></ul><ol><li>first</li></ol><pre><code>a  b\n  c</code></pre>';
    expect(notesParagraphs(html)).toEqual(['First line of one paragraph & more.', '• one', '• two x', '1. first', 'a  b', '  c']);
  });
});
