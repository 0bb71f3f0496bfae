import type { BriefConfig, DeckMeta } from '../config/resolve.js';
import type { Slide, SlideStack } from '../markdown/model.js';
import { stacksFor } from '../markdown/only.js';
import { contentPolicy, htmlDocument, stylesheetLinks } from './document.js';
import { escapeHtml, renderAttributes, scriptJson } from './html.js';
import { fitTextScript } from './fit-text.js';
import { fitFiguresScript } from './fit-figures.js';
import { printCentreScript } from './print-centre.js';
import { firstTitle, printedOnly, printedSlides } from './printed-slides.js';
import { layoutAttributes } from './layout-html.js';
import { slideBody } from './slide-body.js';
import { numberedCodeStyle } from './numbered-code.js';

/** Where the deck's own files live, relative to slides/index.html. */
export const DECK_LIB = 'lib';

export interface DeckInput {
  readonly config: BriefConfig;
  readonly stacks: readonly SlideStack[];
  /** Stylesheets, relative to index.html, in order. */
  readonly stylesheets: readonly string[];
  /**
   * For the copy the browser prints: only scripts carrying this nonce run, so scripts written in
   * the content do not run during export unless the author allowed them.
   */
  readonly printNonce?: string | undefined;
  /** As `rfc-brief serve` shows it (document.ts). */
  readonly live?: boolean | undefined;
}

/** The reveal.js deck as one HTML page: all Markdown already rendered, no network needed. */
export function renderDeck(input: DeckInput): string {
  return joinDeck(renderDeckParts(input));
}

/**
 * The deck page cut where its top-level slides go: `rfc-brief serve` replaces the slides of an
 * open deck when only they changed, and reloads it when the rest (`before`, `after`) did.
 */
export interface DeckParts {
  readonly before: string;
  /** Each top-level <section> (the title slide, then each stack), in order. */
  readonly sections: readonly string[];
  /** The `data-source` of each slide in each section (none for the title slide). */
  readonly sources: readonly (readonly string[])[];
  readonly after: string;
}

export function joinDeck({ before, sections, after }: Pick<DeckParts, 'before' | 'sections' | 'after'>): string {
  return `${before}${sections.join('\n')}${after}`;
}

/** Where the slides go in the page; the rest of the page escapes every `<` the content gives it. */
const SLIDES_MARK = '<!--rfc-brief:slides-->';

export function renderDeckParts({ config, stacks: allStacks, stylesheets, printNonce, live }: DeckInput): DeckParts {
  const { meta } = config;
  const stacks = stacksFor(allStacks, 'slides');
  const title = meta.title ?? firstTitle(printedSlides(config, allStacks)) ?? 'Slides';
  const sections = [...(meta.titleSlide ? [renderTitleSlide(meta)] : []), ...stacks.map(renderStack)];
  // The blank line a deck without a title slide has always had before its first slide.
  const slides = `${!meta.titleSlide && sections.length > 0 ? '\n' : ''}${SLIDES_MARK}`;
  const options = { ...config.revealOptions };
  const codeStyle = numberedCodeStyle(stacks);
  // The deck's own scripts (reveal-md's `scripts`) load after reveal.js, before it starts, as in
  // reveal-md; in the copy the browser prints they are left out unless scripts are allowed.
  const blockScripts = printNonce !== undefined && !config.allowScripts;
  const nonce = blockScripts ? ` nonce="${printNonce}"` : '';
  // The copy the browser prints allows only rfc-brief's own scripts, or the content's too when
  // allowed; the deck a person opens is theirs, like any page they open.
  const policy =
    printNonce === undefined ? undefined : contentPolicy(blockScripts ? { scripts: 'nonce', nonce: printNonce } : { scripts: 'content' });
  const html = htmlDocument({
    lang: meta.lang,
    title,
    screen: true,
    meta: { author: meta.author, description: meta.description },
    head: `<link rel="stylesheet" href="${DECK_LIB}/reveal/reveal.css">\n${stylesheetLinks(stylesheets)}${codeStyle && `\n${codeStyle}`}`,
    policy,
    live: live && printNonce === undefined,
    body: `<body>
<div class="reveal"><div class="slides">
${slides}
</div></div>
<script${nonce} src="${DECK_LIB}/reveal/reveal.js"></script>
${printNonce === undefined ? `<script src="${DECK_LIB}/reveal/notes.js"></script>` : ''}
${blockScripts ? '' : config.deck.scripts.map((file) => `<script src="${escapeHtml(file.to)}"></script>\n`).join('')}
<script${nonce}>
Reveal.initialize(Object.assign(${scriptJson(options)}, { plugins: ${printNonce === undefined ? '[RevealNotes]' : '[]'} }));${fitTextScript(stacks.some((stack) => stack.some((slide) => slide.revealOnly.includes('r-fit-text'))))}${fitFiguresScript()}${printCentreScript()}
</script>
</body>`,
  });
  const at = html.indexOf(SLIDES_MARK);
  const sources = [...(meta.titleSlide ? [[]] : []), ...stacks.map((stack) => stack.map(sourceOf))];
  return { before: html.slice(0, at), sections, sources, after: html.slice(at + SLIDES_MARK.length) };
}

function renderStack(stack: SlideStack): string {
  const [only] = stack;
  if (stack.length === 1 && only) return renderSlide(only);
  return `<section>\n${stack.map(renderSlide).join('\n')}\n</section>`;
}

// Hidden slides are written too: reveal.js removes them itself, or shows them with showHiddenSlides.
function renderSlide(slide: Slide): string {
  const source = { 'data-source': sourceOf(slide) };
  const notes = slide.notes.html ? `<aside class="notes">${slide.notes.html}</aside>\n` : '';
  return `<section${renderAttributes({ ...source, ...layoutAttributes(slide), ...slide.attributes })}>\n${slideBody(slide, 'slides')}${notes}</section>`;
}

function sourceOf(slide: Slide): string {
  return `${slide.source.name}:${slide.source.line}`;
}

function renderTitleSlide(meta: DeckMeta): string {
  return `<section${renderAttributes(TITLE_SLIDE_ATTRIBUTES)}>\n${titleSlideBody(meta)}</section>`;
}

export const TITLE_SLIDE_ATTRIBUTES: Readonly<Record<string, string>> = { class: 'title-slide', 'data-state': 'title-slide' };

/** The cover slide made from the front matter: title, subtitle, author and date, version. */
export function titleSlideBody(meta: DeckMeta): string {
  const line = (tag: string, cls: string, text: string | undefined) =>
    text ? `<${tag} class="${cls}">${escapeHtml(text)}</${tag}>\n` : '';
  const byline = [meta.author, meta.date].filter(Boolean).join(' · ');
  return `${line('h1', 'title', meta.title)}${line('p', 'subtitle', meta.subtitle)}${line('p', 'byline', byline)}${line('p', 'version', meta.version)}`;
}

/** The slides the deck shows (and the slides PDF prints), vertical ones included. */
export function countSlides(config: BriefConfig, stacks: readonly SlideStack[]): number {
  return printedOnly(printedSlides(config, stacks)).length;
}
