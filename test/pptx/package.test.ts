import Pptx from 'pptxgenjs';

// Typed as CommonJS, loaded as the ES module whose default is the class (src/pptx/write-pptx.ts).
const PptxGenJS = Pptx as unknown as typeof Pptx.default;
import { beforeAll, describe, expect, it } from 'vitest';
import type { Colour, Line, MeasuredSlide, Paragraph, Run } from '../../src/pptx/model.js';
import { writePptx } from '../../src/pptx/write-pptx.js';
import { packageProblems, partText, readPptx, relationships, type ReadPptx } from '../helpers/pptx.js';

const ink: Colour = { hex: '1B2230', alpha: 1 };
const run = (text: string, extra: Partial<Run> = {}): Run => ({
  text,
  font: 'Inter',
  size: 32,
  bold: false,
  italic: false,
  colour: ink,
  underline: false,
  strike: false,
  spacing: 0,
  generic: 'sans',
  shift: undefined,
  link: undefined,
  ...extra,
});
const line = (baseline: number, ...runs: Run[]): Line => ({ runs, baseline, size: 32 });
const paragraph = (lines: Line[], extra: Partial<Paragraph> = {}): Paragraph => ({
  lines,
  align: 'l',
  left: 100,
  lineHeight: 44.8,
  level: 0,
  bullet: undefined,
  tabs: [],
  indent: 0,
  ...extra,
});
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const slides: MeasuredSlide[] = [
  {
    background: { hex: 'FFFFFF', alpha: 1 },
    items: [
      { kind: 'paint', box: { x: 80, y: 119, w: 1120, h: 2 }, fill: { hex: 'CFD7E2', alpha: 1 }, radius: 0 },
      { kind: 'paint', box: { x: 80, y: 400, w: 300, h: 100 }, fill: { hex: 'EEF2F7', alpha: 0.5 }, radius: 6 },
      {
        kind: 'text',
        role: 'title',
        name: 'Title',
        box: { x: 80, y: 48, w: 1120, h: 73 },
        fill: undefined,
        radius: 0,
        paragraphs: [paragraph([line(93, run('Why: emulation & <Xen>', { size: 48, bold: true }))], { left: 80, lineHeight: 55.2 })],
      },
      {
        kind: 'text',
        role: 'body',
        name: 'Text 4',
        box: { x: 114, y: 153, w: 1086, h: 200 },
        fill: undefined,
        radius: 0,
        paragraphs: [
          paragraph(
            [
              line(186, run('A '), run('bold', { bold: true }), run(' point, '), run('linked', { link: 'https://example.org/a?b=1&c=2' })),
              line(231, run('wrapped where the browser broke it')),
            ],
            { left: 117, bullet: { kind: 'char', char: '•', x: 90, colour: { hex: '1D4F91', alpha: 1 }, font: 'Inter', size: 32 } },
          ),
          paragraph([line(290, run('to the last slide', { link: '#/1' }))], {
            left: 117,
            bullet: { kind: 'number', scheme: 'arabicPeriod', start: 1, x: 90, colour: ink, font: 'Inter', size: 32 },
          }),
        ],
      },
      {
        kind: 'table',
        name: 'Table 5',
        box: { x: 80, y: 380, w: 400, h: 122 },
        columns: [200, 200],
        rows: [0, 1].map((r) => ({
          height: 61,
          cells: [0, 1].map((c) => ({
            colspan: 1,
            rowspan: 1,
            fill: r === 1 ? { hex: 'EEF2F7', alpha: 1 } : undefined,
            borders: [undefined, undefined, r === 0 ? { width: 4, colour: { hex: '1D4F91', alpha: 1 } } : undefined, undefined],
            padding: [10, 25, 10, 14] as const,
            x: 80 + c * 200,
            y: 380 + r * 61,
            paragraphs: [
              paragraph([line(380 + r * 61 + 40, run(`cell ${r}${c}`, { size: 28 }))], { left: 94 + c * 200, lineHeight: 37.8 }),
            ],
          })),
        })),
      },
      {
        kind: 'picture',
        name: 'Picture 6',
        alt: 'A chart',
        box: { x: 600, y: 380, w: 200, h: 100 },
        src: undefined,
        svg: '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="rgb(29, 79, 145)"/></svg>',
        capture: { x: 600, y: 1100, w: 200, h: 100 },
      },
      {
        kind: 'text',
        role: 'body',
        name: 'Callout 7',
        box: { x: 600, y: 520, w: 400, h: 80 },
        fill: { hex: 'E6ECF3', alpha: 1 },
        radius: 8,
        paragraphs: [paragraph([line(560, run('Run '), run('code', { font: 'JetBrains Mono', generic: 'mono' }))], { left: 620 })],
      },
      {
        kind: 'text',
        role: 'number',
        name: 'Slide Number',
        box: { x: 1188, y: 681, w: 12, h: 20 },
        fill: undefined,
        radius: 0,
        paragraphs: [paragraph([line(698, run('1', { size: 20 }))], { left: 1188, lineHeight: 20 })],
      },
    ],
  },
  { background: { hex: '10151D', alpha: 1 }, items: [] },
];

const palette = {
  dark: false,
  text: '#1b2230',
  muted: '#4a5568',
  grid: '#d5dce6',
  background: '#ffffff',
  panel: '#eef2f7',
  series: ['#1d4f91', '#c2611a', '#2f7d4f'],
  font: 'Inter, DejaVu Sans, sans-serif',
};

describe('slides.pptx as written', () => {
  let pptx: ReadPptx;
  beforeAll(async () => {
    const bytes = await writePptx({
      deck: { width: 1280, height: 720, slides },
      notes: [['First paragraph of the notes.', 'Second, with & and <markup>.'], []],
      pictures: [new Map([['Picture 6', { type: 'png', bytes: PNG }]]), new Map()],
      meta: { title: 'A briefing', author: 'Ann Author', subject: 'On a subject', keywords: ['xen', 'rfc'], lang: 'en' },
      palette,
      link: (href) => (href.startsWith('#/') ? { slide: 1 } : { url: href }),
    });
    pptx = await readPptx(bytes);
  });

  it('is a consistent package: targets exist, content types cover every part, ids unique, XML well-formed', () => {
    expect(packageProblems(pptx)).toEqual([]);
    expect(pptx.slides).toEqual(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml']);
  });

  it('has the deck’s size, and its title, author, subject and keywords in the document properties', () => {
    expect(pptx.parts.get('ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"');
    const core = pptx.parts.get('docProps/core.xml') ?? '';
    for (const value of [
      '<dc:title>A briefing</dc:title>',
      '<dc:creator>Ann Author</dc:creator>',
      '<dc:subject>On a subject</dc:subject>',
      '<cp:keywords>xen, rfc</cp:keywords>',
    ])
      expect(core).toContain(value);
  });

  it('puts the title in the title placeholder, each block in one shape, lines broken where the browser broke them', () => {
    const xml = pptx.parts.get('ppt/slides/slide1.xml') ?? '';
    const title = /<p:sp>(?:(?!<\/p:sp>).)*type="title"(?:(?!<\/p:sp>).)*<\/p:sp>/s.exec(xml)?.[0] ?? '';
    expect(partText(title)).toEqual(['Why: emulation & <Xen>']);
    expect(partText(xml)).toEqual(
      expect.arrayContaining([
        'Why: emulation & <Xen>',
        'A bold point, linked\nwrapped where the browser broke it',
        'to the last slide',
        'cell 00',
        'cell 11',
      ]),
    );
    expect(xml).toContain('wrap="none"');
    expect(xml).toMatch(/<a:buChar char="•"\/>/);
    expect(xml).toMatch(/<a:buAutoNum type="arabicPeriod" startAt="1"\/>/);
    expect(xml).toMatch(/<a:rPr [^>]*b="1"[^>]*>(?:(?!<\/a:rPr>).)*<\/a:rPr><a:t>bold<\/a:t>/s);
    expect(xml).toContain('type="slidenum"');
    expect(xml).toContain('<a:tbl>');
  });

  const shape = (xml: string, name: string) =>
    new RegExp(`<p:sp><p:nvSpPr><p:cNvPr id="\\d+" name="${name}".*?</p:sp>`, 's').exec(xml)?.[0] ?? '';

  it('keeps every text shape from wrapping its lines again; the title placeholder shrinks on overflow, nothing else does', () => {
    const xml = pptx.parts.get('ppt/slides/slide1.xml') ?? '';
    const bodies = [...xml.matchAll(/<p:sp>(?:(?!<\/p:sp>).)*<a:t>(?:(?!<\/p:sp>).)*<\/p:sp>/gs)].map(
      ([sp]) => /<a:bodyPr[^>]*>(?:<a:\w+\/>)?/.exec(sp)?.[0],
    );
    expect(bodies).toHaveLength(4);
    for (const body of bodies) expect(body).toMatch(/^<a:bodyPr wrap="none" /);
    expect(shape(xml, 'Title')).toMatch(/<a:bodyPr wrap="none" [^>]*><a:normAutofit\/><\/a:bodyPr>/);
    expect(bodies.filter((b) => b?.endsWith('<a:noAutofit/>'))).toHaveLength(3);
  });

  it('gives a filled block (a callout) its fill and the corners the browser rounded', () => {
    const callout = shape(pptx.parts.get('ppt/slides/slide1.xml') ?? '', 'Callout 7');
    expect(callout).toContain('<a:solidFill><a:srgbClr val="E6ECF3"/></a:solidFill>');
    // 8 px on an 80 px high shape: the adjustment is the radius over the shorter side, in 100000ths.
    expect(callout).toContain('<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val 10000"/>');
  });

  it('rounds a painted box by the browser’s radius', () => {
    // 6 px on a 300 × 100 box.
    expect(pptx.parts.get('ppt/slides/slide1.xml')).toContain('<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val 6000"/>');
  });

  it('names each run’s font with its kind, the hint a reader without the font substitutes by', () => {
    const xml = pptx.parts.get('ppt/slides/slide1.xml') ?? '';
    expect(xml).toContain('<a:latin typeface="Inter" pitchFamily="34" charset="0"/>');
    expect(xml).toContain('<a:latin typeface="JetBrains Mono" pitchFamily="49" charset="0"/>');
    expect(xml).not.toMatch(/<a:latin typeface="[^"]*"\/>/);
  });

  it('links to the web and to other slides', () => {
    const rels = relationships(pptx.parts, 'ppt/slides/slide1.xml');
    expect(rels.find((r) => r.type === 'hyperlink' && r.external)).toBeDefined();
    expect(pptx.parts.get('ppt/slides/_rels/slide1.xml.rels')).toContain('Target="https://example.org/a?b=1&amp;c=2"');
    expect(rels.find((r) => r.type === 'slide')?.target).toBe('ppt/slides/slide2.xml');
    expect(pptx.parts.get('ppt/slides/slide1.xml')).toContain('action="ppaction://hlinksldjump"');
  });

  it('keeps an SVG beside the picture’s PNG', () => {
    const xml = pptx.parts.get('ppt/slides/slide1.xml') ?? '';
    const svg = /<asvg:svgBlip [^>]*r:embed="(rId\d+)"/.exec(xml)?.[1];
    const target = relationships(pptx.parts, 'ppt/slides/slide1.xml').find((r) => r.id === svg)?.target ?? '';
    expect(target).toMatch(/\.svg$/);
    expect(pptx.zip.file(target)).not.toBeNull();
    expect(xml).toContain('descr="A chart"');
  });

  it('puts the speaker notes in the notes page, a paragraph each', () => {
    const notes = pptx.parts.get('ppt/notesSlides/notesSlide1.xml') ?? '';
    const body = /<p:sp>(?:(?!<\/p:sp>).)*type="body"(?:(?!<\/p:sp>).)*<\/p:sp>/s.exec(notes)?.[0] ?? '';
    expect(partText(body)).toEqual(['First paragraph of the notes.', 'Second, with & and <markup>.']);
  });

  it('paints the slide master with the theme’s background and names the theme’s colours and fonts', () => {
    expect(pptx.parts.get('ppt/slideMasters/slideMaster1.xml')).toContain('<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/>');
    const theme = pptx.parts.get('ppt/theme/theme1.xml') ?? '';
    expect(theme).toContain('<a:dk1><a:srgbClr val="1B2230"/></a:dk1>');
    expect(theme).toContain('<a:accent1><a:srgbClr val="1D4F91"/></a:accent1>');
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Inter" pitchFamily="34" charset="0"\/>/);
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Inter" pitchFamily="34" charset="0"\/>/);
    expect(pptx.parts.get('ppt/slides/slide2.xml')).toContain('<a:srgbClr val="10151D"/>');
  });
});

describe('the package test', () => {
  it('finds what makes PowerPoint repair pptxgenjs 4.0.1’s own package (PptxGenJS #1457, #1458)', async () => {
    const pptx = new PptxGenJS();
    pptx.defineSlideMaster({ title: 'M', background: { color: 'FFFFFF' } });
    for (const n of [1, 2]) {
      const slide = pptx.addSlide({ masterName: 'M' });
      slide.addText([{ text: 'a ', options: { bold: true } }, { text: 'b' }], { x: 1, y: 1, w: 3, h: 1 });
      slide.addShape('rect', { x: 1, y: 3, w: 1, h: 1, fill: { color: 'FF0000' } });
      slide.addTable([[{ text: 'cell' }]], { x: 1, y: 5, w: 3 });
      slide.addNotes(`notes ${n}`);
    }
    const problems = packageProblems(await readPptx((await pptx.write({ outputType: 'uint8array' })) as Uint8Array));
    const found = (pattern: RegExp) => problems.some((p) => pattern.test(p));
    expect(found(/names ppt\/slideMasters\/slideMaster2\.xml, which is not there/)).toBe(true);
    expect(found(/background without <a:effectLst/)).toBe(true);
    expect(found(/a shape without a text body/)).toBe(true);
    expect(found(/repeats a shape id/)).toBe(true);
    expect(found(/paragraph whose properties are not its first child/)).toBe(true);
    expect(found(/placeholder \d+ is not in the notes master/)).toBe(true);
    expect(found(/image\/jpg/)).toBe(true);
  });
});
