import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import type { ContentsMemory } from '../../src/outputs/print-report.js';
import { readBriefing } from '../../src/pipeline/read-briefing.js';
import { renderReport } from '../../src/render/report.js';
import { CONTENT } from '../helpers/paths.js';
import { contentsEntries, printReportCounted } from '../helpers/report-contents.js';

const briefing = readBriefing(CONTENT, CONTENT);
// A heading of the default briefing: renamed in a copy of it.
const renamed = 'Result of the measurement';
const { headings } = renderReport({
  config: briefing.config,
  stacks: briefing.stacks,
  stylesheets: [],
  sourcesHtml: briefing.config.sources,
});

/** serve's way: the report alone, the browser lent, nothing from the PDF cache; how many prints it took. */
const printReport = (browser: Browser, memory: ContentsMemory, input = CONTENT) => printReportCounted(browser, input, { memory });
const contents = (file: string, of = headings) => contentsEntries(file, of);

describe("the report's contents remembered from its last print (serve)", () => {
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
  afterAll(() => browser.dispose());
  const memory: ContentsMemory = {};

  it('prints once with nothing remembered (the pages guessed before printing), and remembers where each heading landed', async () => {
    const { prints, file } = await printReport(browser, memory);
    expect(prints).toBe(1);
    expect(memory.pages).toHaveLength(headings.length);
    expect(memory.pages?.every((page) => typeof page === 'number')).toBe(true);
    for (const entry of await contents(file)) expect(entry.listed).toBe(entry.printedOn);
  });

  it('prints once when the remembered pages still hold', async () => {
    const { prints, file } = await printReport(browser, memory);
    expect(prints).toBe(1);
    for (const entry of await contents(file)) expect(entry.listed).toBe(entry.printedOn);
  });

  it('prints again with the right pages when the remembered ones are wrong', async () => {
    const wrong: ContentsMemory = { pages: memory.pages?.map((page) => (page ?? 0) + 1) };
    const { prints, file } = await printReport(browser, wrong);
    expect(prints).toBe(2);
    for (const entry of await contents(file)) expect(entry.listed).toBe(entry.printedOn);
    expect(wrong.pages).toEqual(memory.pages);
  });

  it('prints once for a heading renamed', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'rfc-brief-contents-')), 'content');
    cpSync(CONTENT, copy, { recursive: true });
    const file = readdirSync(copy).find((name) => name.endsWith('.md') && readFileSync(join(copy, name), 'utf8').includes(`## ${renamed}`));
    expect(file).toBeDefined();
    const path = join(copy, file ?? '');
    writeFileSync(path, readFileSync(path, 'utf8').replace(`## ${renamed}`, `## ${renamed}, renamed`));
    const { prints, file: pdf } = await printReport(browser, memory, copy);
    expect(prints).toBe(1);
    const again = readBriefing(copy, copy);
    const renamedHeadings = renderReport({
      config: again.config,
      stacks: again.stacks,
      stylesheets: [],
      sourcesHtml: again.config.sources,
    }).headings;
    expect(renamedHeadings.some((h) => h.title === `${renamed}, renamed`)).toBe(true);
    for (const entry of await contents(pdf, renamedHeadings)) expect(entry.listed).toBe(entry.printedOn);
  });
});
