import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Browser } from '../../src/browser/browser.js';
import type { ContentsMemory } from '../../src/outputs/print-report.js';
import { build } from '../../src/pipeline/build.js';
import type { ReportHeading } from '../../src/render/report.js';
import { readPdf } from './pdf.js';

export interface ReportPrint {
  /** How many times the report's page was printed (page.pdf called on the real browser). */
  readonly prints: number;
  readonly file: string;
}

/**
 * `build --only report` with nothing from the PDF cache, on a browser lent to it (as serve lends
 * one), each tab's page.pdf counted on its way to the real Chromium.
 */
export async function printReportCounted(
  browser: Browser,
  input: string,
  options: { readonly memory?: ContentsMemory; readonly paper?: string; readonly force?: boolean } = {},
): Promise<ReportPrint> {
  const out = join(mkdtempSync(join(tmpdir(), 'rfc-brief-contents-')), 'dist');
  let prints = 0;
  const withPage = browser.withPage.bind(browser);
  const counting = Object.assign(Object.create(browser) as Browser, {
    withPage: <T>(use: (page: Page) => Promise<T>) =>
      withPage((page) => {
        const pdf = page.pdf.bind(page);
        page.pdf = (pdfOptions) => {
          prints++;
          return pdf(pdfOptions);
        };
        return use(page);
      }),
  });
  await build({
    input,
    cwd: statSync(input).isDirectory() ? input : dirname(input),
    out,
    pdf: true,
    only: ['report'],
    cache: false,
    browser: counting,
    browserLent: true,
    reportContents: options.memory,
    paper: options.paper,
    force: options.force,
  });
  return { prints, file: join(out, 'report.pdf') };
}

export interface ContentsEntry {
  readonly heading: string;
  /** The page number the contents print beside the heading. */
  readonly listed: number;
  /** The page whose text holds the heading, after the contents. */
  readonly printedOn: number;
  /** The page the entry's link goes to: the heading's named destination (read by pdf.js). */
  readonly linkedTo: number | null | undefined;
}

/** Each heading's entry in the report's contents, read back from the PDF. */
export async function contentsEntries(file: string, headings: readonly ReportHeading[]): Promise<ContentsEntry[]> {
  const report = await readPdf(file);
  const tocPage = report.pages.findIndex((text) => text.startsWith('Contents') || text.includes(' Contents '));
  const toc = report.pages[tocPage] ?? '';
  const links = report.links.filter((link) => link.page === tocPage + 1 && link.target !== null);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return headings.map((heading, index) => {
    const number = escape(heading.number);
    const title = escape(heading.title);
    // Reading order first; a layout that places the number after the title reads "Title1 3".
    const listed = new RegExp(`(?:${number} ${title}|${title} ?${number}) (\\d+)`).exec(toc);
    const printedOn = report.pages.findIndex((text, i) => i > tocPage && text.includes(`${heading.number} ${heading.title}`)) + 1;
    return { heading: `${heading.number} ${heading.title}`, listed: Number(listed?.[1]), printedOn, linkedTo: links[index]?.target };
  });
}
