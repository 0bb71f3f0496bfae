import type { BriefConfig } from '../config/resolve.js';
import type { Slide, SlideStack } from '../markdown/model.js';
import { TITLE_SLIDE_ATTRIBUTES, titleSlideBody } from './deck.js';
import { contentPolicy, htmlDocument, stylesheetLinks } from './document.js';
import { escapeHtml, renderAttributes } from './html.js';
import { printOnlyCss } from './print-css.js';
import { printedOnly, printedSlides } from './printed-slides.js';
import { layoutAttributes } from './layout-html.js';
import { slideBody } from './slide-body.js';
import { showFragmentStep, showFragments } from './fragment-classes.js';
import { printedPages, separatesFragments } from './printed-pages.js';
import { numberedCodeStyle } from './numbered-code.js';

/**
 * The slides as reveal.js's own print layout (`?print-pdf`) leaves them, written out as a static
 * page: one `.pdf-page` per slide with the classes, inline styles, backgrounds, slide numbers and
 * visible fragments that reveal.js's script would give it, and no script at all. The browser
 * only loads and prints it, as fast as Chromium prints any page (the benchmark's floor); reveal.js
 * itself would first have to start and lay out every slide (a third of a second at 12 slides,
 * a second at 200). `staticPrintRefusal` names what only reveal.js can lay out; such decks are
 * printed through reveal.js as before.
 */
export interface PrintDeckInput {
  readonly config: BriefConfig;
  readonly stacks: readonly SlideStack[];
  readonly stylesheets: readonly string[];
  /** reveal.css's text: inlined without what cannot apply to the printed page (print-css.ts). */
  readonly revealCss: string;
}

/** Why this deck needs reveal.js's own print layout, or undefined when the static page matches it. */
export function staticPrintRefusal(config: BriefConfig, allStacks: readonly SlideStack[]): string | undefined {
  const options = config.revealOptions;
  if (config.theme.kind !== 'brief') return `the reveal.js theme "${config.theme.name}" draws its own page background`;
  if (config.allowScripts) return 'scripts in the content may change the slides';
  if (typeof options['width'] !== 'number' || typeof options['height'] !== 'number' || typeof options['margin'] !== 'number')
    return 'the slide size is not given in pixels';
  if (options['center'] || options['rtl'] || options['showNotes'] || options['showHiddenSlides'] || options['fragments'] === false)
    return 'center, rtl, showNotes, showHiddenSlides or fragments: false is set';
  // Only what is printed matters: a hidden slide is not laid out at all.
  for (const { slide } of printedOnly(printedSlides(config, allStacks))) {
    if (!slide) continue;
    const where = `${slide.source.file}:${slide.source.line}`;
    for (const [name, value] of Object.entries(slide.attributes)) {
      if (name === 'data-background-color' && contrastOf(value) === undefined)
        return `${where} has a background colour reveal.js must read`;
      if (name.startsWith('data-background') && name !== 'data-background-color' && name !== 'data-background-transition')
        return `${where} has a background image, video or frame`;
      if (name === 'class' && value.split(/\s+/).includes('center')) return `${where} is centred by reveal.js`;
    }
    if (slide.revealOnly.length > 0) return `${where} has content laid out or loaded by reveal.js`;
  }
  return undefined;
}

export function renderPrintDeck({ config, stacks: allStacks, stylesheets, revealCss }: PrintDeckInput): string {
  const { meta } = config;
  const options = config.revealOptions;
  const width = options['width'] as number;
  const height = options['height'] as number;
  const margin = options['margin'] as number;
  const pageWidth = Math.floor(width * (1 + margin));
  const pageHeight = Math.floor(height * (1 + margin));
  const heightOffset = typeof options['pdfPageHeightOffset'] === 'number' ? options['pdfPageHeightOffset'] : -1;
  const numbered = Boolean(options['slideNumber']) && /all|print/i.test(String(options['showSlideNumber'] ?? 'all'));
  const themeContrast = config.theme.kind === 'brief' && config.theme.dark ? 'has-dark-background' : 'has-light-background';
  const separate = separatesFragments(config);
  const codeStyle = numberedCodeStyle(allStacks);

  const sections = printedOnly(printedSlides(config, allStacks)).map(({ slide }) =>
    slide ? renderSlide(slide) : { attributes: TITLE_SLIDE_ATTRIBUTES, body: titleSlideBody(meta), background: undefined, notes: '' },
  );
  // A slide with no background of its own gets an element painting the theme's background over
  // the page's same background: a fifth of the print time of a large deck for no pixel. Kept
  // where the content itself styles it.
  const paintedOver = sections.some((section) => section.body.includes('slide-background'));
  const pages = printedPages(config, allStacks).map(({ slide, step, label }) => {
    const section = sections[slide] as PrintSection;
    const contrast = contrastClass(section.background, themeContrast);
    const background = section.background ? `;background-color:${escapeHtml(section.background)}` : '';
    const attributes = {
      ...section.attributes,
      class: [section.attributes['class'], contrast, 'present'].filter(Boolean).join(' '),
      style: `${section.attributes['style'] ? `${section.attributes['style']};` : ''}display: block; left: ${(pageWidth - width) / 2}px; top: ${(pageHeight - height) / 2}px; width: ${width}px;`,
    };
    // reveal.js gives a slide's background element the slide's own classes.
    const classes = (section.attributes['class'] ?? '').trim();
    return (
      `<div class="pdf-page" style="height: ${pageHeight + heightOffset}px">` +
      (section.background || paintedOver
        ? `<div class="slide-background${classes ? ` ${escapeHtml(classes)}` : ''} present" style="display: block${background}"><div class="slide-background-content"></div></div>`
        : '') +
      `<section${renderAttributes(attributes)}>\n${separate ? showFragmentStep(section.body, step, section.notes) : showFragments(section.body)}</section>` +
      (numbered ? `<div class="slide-number slide-number-pdf">${label}</div>` : '') +
      `</div>`
    );
  });
  const first = sections[0];
  const firstContrast = contrastClass(first?.background, themeContrast);
  const bodyState = (first?.attributes['data-state'] ?? '').trim();
  const transition = typeof options['transition'] === 'string' ? options['transition'] : 'slide';
  return htmlDocument({
    lang: meta.lang,
    htmlClass: 'reveal-full-page reveal-print print-pdf',
    title: meta.title ?? 'Slides',
    // Nothing here runs: the page is the print layout already made.
    policy: contentPolicy({ scripts: 'none' }),
    head: `<style>${printOnlyCss(revealCss).replaceAll('</', '<\\/')}</style>
${stylesheetLinks(stylesheets)}
${codeStyle && `${codeStyle}\n`}<style>@page{size:${pageWidth}px ${pageHeight}px; margin: 0px;}</style><style>.reveal section>img, .reveal section>video, .reveal section>iframe{max-width: ${width}px; max-height:${height}px}</style>
<style>html.reveal-print .reveal .slides .pdf-page{background:var(--brief-bg);contain:size}</style>`,
    body: `<body class="reveal-viewport${bodyState ? ` ${escapeHtml(bodyState)}` : ''}" style="--slide-width: ${width}px; --slide-height: ${height}px; width: ${pageWidth}px; height: ${pageHeight}px;">
<div class="reveal ${escapeHtml(transition)} ${firstContrast} ready"><div class="slides">
${pages.join('\n')}
</div></div>
</body>`,
  });
}

interface PrintSection {
  readonly attributes: Readonly<Record<string, string>>;
  /** Its fragments as written: the page shows them (printed-pages.ts). */
  readonly body: string;
  readonly background: string | undefined;
  /** The notes the deck puts in the slide's <section>: their fragments take steps too. */
  readonly notes: string;
}

function renderSlide(slide: Slide): PrintSection {
  return {
    attributes: { 'data-source': `${slide.source.name}:${slide.source.line}`, ...layoutAttributes(slide), ...slide.attributes },
    body: slideBody(slide, 'slides'),
    background: slide.attributes['data-background-color'],
    notes: slide.notes.html,
  };
}

export { showFragments };

function contrastClass(color: string | undefined, fallback: string): string {
  const contrast = color === undefined ? undefined : contrastOf(color);
  return contrast ?? fallback;
}

/** reveal.js's rule: a background colour with a brightness below 128 is dark. */
export function contrastOf(color: string): 'has-dark-background' | 'has-light-background' | undefined {
  const rgb = parseColor(color.trim());
  if (!rgb) return undefined;
  const brightness = (rgb[0] * 299 + rgb[1] * 587 + rgb[2] * 114) / 1000;
  return brightness < 128 ? 'has-dark-background' : 'has-light-background';
}

function parseColor(color: string): [number, number, number] | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(color);
  if (rgb && (rgb[4] === undefined || Number(rgb[4]) !== 0)) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return undefined;
}
