import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { openForPrint } from '../../src/browser/print.js';
import { guessContentsPages } from '../../src/outputs/guess-contents.js';
import { readBriefing } from '../../src/pipeline/read-briefing.js';
import { reportPageAreas } from '../../src/render/paper.js';
import { renderReport, type ReportHeading } from '../../src/render/report.js';
import { CONTENT, CORPUS, fixture } from '../helpers/paths.js';
import { contentsEntries, printReportCounted } from '../helpers/report-contents.js';

function headingsOf(input: string, paper?: string): readonly ReportHeading[] {
  const briefing = readBriefing(input, statSync(input).isDirectory() ? input : dirname(input), { paper });
  return renderReport({ config: briefing.config, stacks: briefing.stacks, stylesheets: [], sourcesHtml: briefing.config.sources }).headings;
}

// A cold build (nothing remembered, nothing cached) prints the report once: its contents are
// filled in with the pages the report falls on when laid out before printing, and the PDF's own
// destinations agree. Each case printed twice before (a draft to learn the pages, then the report).
const reports: [name: string, input: string, paper: string][] = [
  ['the default briefing', CONTENT, 'a4'],
  ['the default briefing on Letter', CONTENT, 'letter'],
  // Chromium prints every page smaller to fit a box wider than the page.
  ['a report with a box wider than the page', fixture('report-wider-than-page'), 'a4'],
  // reveal.js's demo deck: a box placed at the page's right edge (position: absolute).
  ['a deck with a box placed in the page', join(CORPUS, 'reveal-md-decks/happyplanet-keynote/index.md'), 'a4'],
];

describe("the report's contents guessed before its first print", () => {
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
  afterAll(() => browser.dispose());

  it.each(reports)('prints %s once, each entry giving the page of its heading', async (_, input, paper) => {
    // Others' decks come with slides that overflow: written anyway, as corpus-decks.test.ts does.
    const { prints, file } = await printReportCounted(browser, input, { paper, force: true });
    expect(prints).toBe(1);
    const entries = await contentsEntries(file, headingsOf(input, paper));
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      expect(entry.listed, entry.heading).toBe(entry.printedOn);
      expect(entry.linkedTo, entry.heading).toBe(entry.listed);
    }
  });

  it('leaves the loaded report as it found it, in the print media it is printed in: its elements, styles and layout', async () => {
    const { file } = await printReportCounted(browser, CONTENT);
    const dir = join(dirname(file), 'report');
    const ids = headingsOf(CONTENT).map((h) => h.id);
    await browser.withPage(async (page) => {
      await openForPrint(page, { htmlPath: join(dir, 'index.html'), allowedDir: dir, timeoutMs: 60_000 }, []);
      const state = () =>
        page.evaluate(() => ({
          html: document.documentElement.outerHTML,
          sheets: document.adoptedStyleSheets.length,
          print: matchMedia('print').matches,
          width: document.documentElement.scrollWidth,
          height: document.documentElement.scrollHeight,
          headings: [...document.querySelectorAll('h2, h3')].map((h) => h.getBoundingClientRect().top),
        }));
      await page.emulateMediaType('print');
      const before = await state();
      await page.emulateMediaType(undefined);
      const guess = await guessContentsPages(page, ids, reportPageAreas('a4'));
      expect(Object.values(guess).every((n) => typeof n === 'number' && n > 2)).toBe(true);
      expect(await state()).toEqual(before);
    });
  });
});
