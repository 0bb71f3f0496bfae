import type { BriefConfig } from '../config/resolve.js';
import type { Slide, SlideStack } from '../markdown/model.js';
import { htmlDocument, printedPolicy, stylesheetLinks } from './document.js';
import { escapeHtml } from './html.js';
import { PAPER, REPORT_MARGINS } from './paper.js';
import { firstTitle, printedSlides, printedStacks } from './printed-slides.js';
import { captionFigures } from './report-figures.js';
import { reportLayoutBody } from './report-layouts.js';
import { slideBody } from './slide-body.js';

export interface ReportInput {
  readonly config: BriefConfig;
  readonly stacks: readonly SlideStack[];
  readonly stylesheets: readonly string[];
  /** The sources, each already rendered to inline HTML. */
  readonly sourcesHtml: readonly string[];
  /** As `rfc-brief serve` shows it (document.ts). */
  readonly live?: boolean | undefined;
}

export interface ReportHeading {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly level: 1 | 2;
}

export interface RenderedReport {
  readonly html: string;
  /** Every numbered heading, in order: the table of contents and the PDF outline. */
  readonly headings: readonly ReportHeading[];
}

/**
 * The written report from the same slides: each horizontal slide a numbered section, its vertical
 * slides sub-sections, the slide's content as the body and its speaker notes as prose beneath.
 */
export function renderReport({ config, stacks, stylesheets, sourcesHtml, live }: ReportInput): RenderedReport {
  const { meta } = config;
  const slides = printedSlides(config, stacks, 'report');
  const title = meta.title ?? firstTitle(slides) ?? 'Report';
  const headings: ReportHeading[] = [];
  const counters = { figure: 0, table: 0 };
  const sections: string[] = [];
  let number = 0;
  for (const stack of printedStacks(slides)) {
    const [first, ...rest] = stack;
    if (!first) continue;
    if (!first.title) {
      // An untitled slide continues the section before it rather than opening a numbered one.
      sections.push(`<div class="continued">${renderBody(first, counters)}</div>`);
      continue;
    }
    number++;
    const id = `section-${number}`;
    headings.push({ id, number: `${number}`, title: first.title, level: 1 });
    const subsections = rest.map((slide, index) => {
      const subId = `${id}-${index + 1}`;
      if (slide.title) headings.push({ id: subId, number: `${number}.${index + 1}`, title: slide.title, level: 2 });
      const heading = slide.title
        ? `<h3 id="${subId}"><span class="number">${number}.${index + 1}</span> ${escapeHtml(slide.title)}</h3>\n`
        : '';
      return `<section class="subsection">\n${heading}${renderBody(slide, counters)}</section>`;
    });
    sections.push(
      `<section class="section">\n<h2 id="${id}"><span class="number">${number}</span> ${escapeHtml(first.title)}</h2>\n${renderBody(first, counters)}${subsections.join('\n')}\n</section>`,
    );
  }
  if (sourcesHtml.length > 0) {
    number++;
    headings.push({ id: 'sources', number: `${number}`, title: 'Sources', level: 1 });
    sections.push(
      `<section class="section sources">\n<h2 id="sources"><span class="number">${number}</span> Sources</h2>\n<ol>\n${sourcesHtml.map((s) => `<li>${s}</li>`).join('\n')}\n</ol>\n</section>`,
    );
  }
  const html = htmlDocument({
    lang: meta.lang,
    title,
    screen: true,
    meta: { author: meta.author, description: meta.subtitle ?? meta.description, keywords: meta.keywords.join(', ') },
    head: `${stylesheetLinks(stylesheets)}
<style>@page { size: ${PAPER[config.paper].css}; margin: ${pageMargins()}; @top-left { content: "${cssString(title)}"; } } @page :first { margin: 0; @top-left { content: none; } }</style>`,
    policy: printedPolicy(config),
    live,
    body: `<body class="report">
${renderCover(config, title)}
${renderToc(headings)}
<main>
${sections.join('\n')}
</main>
</body>`,
  });
  return { html, headings };
}

function renderBody(slide: Slide, counters: { figure: number; table: number }): string {
  const body =
    slide.layout === 'default' ? captionFigures(slideBody(slide, 'report'), slide.title, counters) : reportLayoutBody(slide, counters);
  const notes = slide.notes.reportHtml ? `<div class="prose">\n${slide.notes.reportHtml}</div>\n` : '';
  return `<div class="slide-content">\n${body}</div>\n${notes}`;
}

function renderCover(config: BriefConfig, title: string): string {
  const { meta } = config;
  const line = (cls: string, text: string | undefined) => (text ? `<p class="${cls}">${escapeHtml(text)}</p>\n` : '');
  return `<header class="cover">
<h1 class="cover-title">${escapeHtml(title)}</h1>
${line('cover-subtitle', meta.subtitle)}<div class="cover-meta">
${line('cover-author', meta.author)}${line('cover-date', meta.date)}${line('cover-version', meta.version ? `Version: ${meta.version}` : undefined)}</div>
</header>`;
}

function renderToc(headings: readonly ReportHeading[]): string {
  const entry = (h: ReportHeading) =>
    `<li class="toc-level-${h.level}"><a href="#${h.id}"><span class="toc-number">${h.number}</span><span class="toc-title">${escapeHtml(h.title)}</span><span class="toc-page" data-for="${h.id}"></span></a></li>`;
  return `<nav class="toc" aria-labelledby="toc-heading">
<h2 id="toc-heading" class="toc-heading">Contents</h2>
<ol>
${headings.map(entry).join('\n')}
</ol>
</nav>`;
}

function pageMargins(): string {
  const { top, right, bottom, left } = REPORT_MARGINS;
  return `${top}mm ${right}mm ${bottom}mm ${left}mm`;
}

/** Text safe inside a CSS double-quoted string. */
function cssString(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ').replace(/</g, '\\3c ');
}
