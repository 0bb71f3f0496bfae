import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBriefing } from '../../src/pipeline/read-briefing.js';
import { stacksFor } from '../../src/markdown/only.js';
import { Browser } from '../../src/browser/browser.js';
import { renderReport } from '../../src/render/report.js';
import { run, type CliRun } from '../helpers/cli.js';
import { CONTENT } from '../helpers/paths.js';
import { greyLevels, readPdf, type ReadPdf } from '../helpers/pdf.js';

const briefing = readBriefing(CONTENT, CONTENT);
const { headings } = renderReport({
  config: briefing.config,
  stacks: briefing.stacks,
  stylesheets: [],
  sourcesHtml: briefing.config.sources,
});
const deckSlides = stacksFor(briefing.stacks, 'slides').flat().length + (briefing.config.meta.titleSlide ? 1 : 0);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('one build of the default briefing: deck, slides PDF, handout and report', () => {
  let dir: string;
  let result: CliRun;
  let launches: number;
  let report: ReadPdf;
  let handout: ReadPdf;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-report-'));
    const before = Browser.launches;
    result = await run(['build', CONTENT, '--out', join(dir, 'dist')], dir);
    launches = Browser.launches - before;
    report = await readPdf(join(dir, 'dist/report.pdf'));
    handout = await readPdf(join(dir, 'dist/handout.pdf'));
  });

  it('writes every output with one browser launch', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' ')[0]),
    ).toEqual([
      'dist/slides/index.html',
      'dist/slides.pdf',
      'dist/handout.pdf',
      'dist/slides.pptx',
      'dist/report/index.html',
      'dist/report.pdf',
      'dist/slides.html',
      'dist/slides-images',
    ]);
    expect(launches).toBe(1);
  });

  it('gives the report an outline entry for each section and sub-section', () => {
    const titles = report.outlinePages.map((o) => o.title.replace(/\s+/g, ' ').trim());
    for (const heading of headings) expect(titles).toContain(`${heading.number} ${heading.title}`);
  });

  it('prints in the contents the page each heading is printed on', () => {
    const tocPage = report.pages.findIndex((text) => text.startsWith('Contents') || text.includes(' Contents '));
    expect(tocPage).toBeGreaterThanOrEqual(0);
    const toc = report.pages[tocPage] ?? '';
    for (const heading of headings) {
      const number = escape(heading.number);
      const title = escape(heading.title);
      // Reading order first; a layout that places the number after the title reads "Title1 3".
      const listed = new RegExp(`(?:${number} ${title}|${title} ?${number}) (\\d+)`).exec(toc);
      expect(listed, `${heading.number} ${heading.title} in the contents`).not.toBeNull();
      const printedOn = report.pages.findIndex((text, i) => i > tocPage && text.includes(`${heading.number} ${heading.title}`)) + 1;
      expect(Number(listed?.[1]), `${heading.number} ${heading.title}`).toBe(printedOn);
    }
  });

  it('makes each contents entry a link to the page of its heading', () => {
    const tocLinks = report.links.filter((link) => link.target !== null);
    expect(tocLinks.length).toBeGreaterThanOrEqual(headings.length);
    for (const heading of headings) {
      const printedOn = report.outlinePages.find((o) => o.title.includes(heading.title))?.page;
      expect(tocLinks.some((link) => link.target === printedOn)).toBe(true);
    }
  });

  it('puts the title and "Page X of Y" on the report pages after the cover', () => {
    const total = report.pages.length;
    for (let page = 2; page <= total; page++) {
      expect(report.pages[page - 1]).toContain(`Page ${page} of ${total}`);
      expect(report.pages[page - 1]).toContain(briefing.config.meta.title ?? '');
    }
  });

  it('sets the report metadata: title, author, subject, keywords, language', () => {
    expect(report.info).toMatchObject({
      Title: briefing.config.meta.title,
      Author: briefing.config.meta.author,
      Subject: briefing.config.meta.subtitle,
      Language: briefing.config.meta.lang,
    });
    if (briefing.config.meta.keywords.length > 0) expect(report.info['Keywords']).toBe(briefing.config.meta.keywords.join(', '));
  });

  it('puts three slides with their notes on each handout page, vector text included', () => {
    expect(handout.pages).toHaveLength(Math.ceil(deckSlides / 3));
    const slides = stacksFor(briefing.stacks, 'slides').flat();
    // Page 2 starts with the fourth slide of the deck (the title slide counts).
    const firstOnPage2 = slides[3 - (briefing.config.meta.titleSlide ? 1 : 0)];
    expect(handout.pages[1]).toContain(firstOnPage2?.title ?? 'missing');
    for (let page = 1; page <= handout.pages.length; page++) {
      expect(handout.pages[page - 1]).toContain(`Page ${page} of ${handout.pages.length}`);
      expect(greyLevels(join(dir, 'dist/handout.pdf'), page)).toBeGreaterThan(8);
    }
  });
});

describe('handout layouts and paper', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-handout-'));
  it.each([
    ['1', 1],
    ['3', 3],
    ['6', 6],
  ] as const)('layout %s has one page per %i slides', async (layout, perPage) => {
    const out = join(dir, `h${layout}`);
    const result = await run(['build', CONTENT, '--out', out, '--only', 'handout', '--handout', layout], dir);
    expect(result.code).toBe(0);
    const pdf = await readPdf(join(out, 'handout.pdf'));
    expect(pdf.pages).toHaveLength(Math.ceil(deckSlides / perPage));
    for (const size of pdf.sizes) expect([Math.round(size.width), Math.round(size.height)]).toEqual([595, 842]);
  });

  it('prints on Letter paper when asked', async () => {
    const out = join(dir, 'letter');
    const result = await run(['build', CONTENT, '--out', out, '--only', 'handout,report', '--paper', 'letter'], dir);
    expect(result.code).toBe(0);
    for (const name of ['handout.pdf', 'report.pdf']) {
      for (const size of (await readPdf(join(out, name))).sizes)
        expect([Math.round(size.width), Math.round(size.height)]).toEqual([612, 792]);
    }
  });
});
