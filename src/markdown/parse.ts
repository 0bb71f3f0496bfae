import type { AssetRef, ParsedSlides, Separators, Slide, SlideStack, SourceFile } from './model.js';
import { type Diagnostic, warning } from '../errors.js';
import { joinNotes } from './notes.js';
import { processSlideHtml, splitRawSections } from './attributes.js';
import { describeHtml } from './facts.js';
import { sanitize, sanitizeSlideAttributes } from './sanitize.js';
import { figurePlaceholder, type FigureBlock } from './figures.js';
import { createMarked } from './marked.js';
import { lineNumberProblems } from './code-steps.js';
import { orderFragments } from './fragments.js';
import { hasRegions, selectFor, TARGETS, type Target } from './only.js';
import { lineAt, splitNotes, splitSlides, type SlideSource } from './split.js';
import { checkDepth, checkSlideLimits, parsingWithin } from './slide-limits.js';
import { formulaLocation, lineOfCode, lineOfText } from './source-lines.js';
import { checkLimit } from '../config/limits.js';
import { checkCallouts, readLayoutSyntax, type LayoutSyntax } from './layout-syntax.js';
import { layOutSlide } from './slide-layout.js';
import { SlideFormulas } from './typeset.js';

/**
 * Markdown text in, slides out: pure, no disk and no browser. Each file starts a new horizontal
 * slide; within a file the separators decide, as in reveal.js.
 */
export interface ParseOptions {
  /** --safe: raw HTML from the content is sanitised (no scripts, handlers, styles, iframes). */
  readonly safe?: boolean | undefined;
  /** Slides parsed before (serve): a slide whose text, place and settings are unchanged is reused. */
  readonly cache?: SlideCache | undefined;
}

/** A parsed slide with what parsing it reported, by everything that shaped it. */
export type SlideCache = Map<
  string,
  { readonly slides: readonly Slide[]; readonly figures: readonly FigureBlock[]; readonly warnings: readonly Diagnostic[] }
>;

export function parseSlides(files: readonly SourceFile[], separators: Separators, options: ParseOptions = {}): ParsedSlides {
  const figures = new Map<string, FigureBlock>();
  let current: { piece: SlideSource; file: SourceFile; formulas: SlideFormulas } | undefined;
  const warnings: Diagnostic[] = [];
  const codeProblems = new Set<string>();
  const marked = createMarked(
    (kind, token) => {
      if (!current) return '';
      const { piece, file } = current;
      const at = piece.text.indexOf(token.raw);
      const line = lineAt(file.text, piece.offset + Math.max(at, 0), file.firstLine);
      // Names the figure inside the deck (element ids): the path inside the briefing, not where it was built.
      const key = `${file.name ?? file.path}:${line}`;
      if (!figures.has(key)) figures.set(key, { key, kind, source: token.text, file: file.path, line });
      return figurePlaceholder(key);
    },
    (token, problem) => {
      if (!current) return;
      const { piece, file } = current;
      const line = lineAt(file.text, piece.offset + Math.max(piece.text.indexOf(token.raw), 0), file.firstLine);
      // Said once: a slide whose report differs from its slides is parsed twice.
      const key = `${file.path}:${line}:${problem}`;
      if (!codeProblems.has(key)) warnings.push(warning('slide', problem, { file: file.path, line }));
      codeProblems.add(key);
    },
    (formula) => current?.formulas.placeholder(formula) ?? '',
  );
  const stacks: SlideStack[] = [];
  let slideCount = 0;
  for (const file of files) {
    const split = splitSlides(file.text, separators, { file: file.path, line: file.firstLine });
    slideCount += split.reduce((sum, stack) => sum + stack.length, 0);
    checkLimit('slides', slideCount, (n) => `the briefing has ${n.toLocaleString('en')} slides or more`, { file: file.path });
    for (const stack of split) {
      stacks.push(
        stack.flatMap((piece) => {
          const key = options.cache
            ? JSON.stringify([file.path, lineAt(file.text, piece.offset, file.firstLine), piece.text, separators, options.safe === true])
            : '';
          const cached = options.cache?.get(key);
          if (cached) {
            for (const block of cached.figures) figures.set(block.key, block);
            warnings.push(...cached.warnings);
            return cached.slides;
          }
          const formulas = new SlideFormulas({ file: file.path, line: lineAt(file.text, piece.offset, file.firstLine) }, (formula) =>
            formulaLocation(piece, file, formula.raw),
          );
          current = { piece, file, formulas };
          const before = { figures: new Set(figures.keys()), warnings: warnings.length };
          const slides = parseSlide(piece, file, { separators, marked, warnings, safe: options.safe === true, formulas });
          options.cache?.set(key, {
            slides,
            figures: [...figures.values()].filter((block) => !before.figures.has(block.key)),
            warnings: warnings.slice(before.warnings),
          });
          return slides;
        }),
      );
    }
  }
  return { stacks, figures: [...figures.values()], warnings };
}

interface ParseContext {
  readonly separators: Separators;
  readonly marked: ReturnType<typeof createMarked>;
  readonly warnings: Diagnostic[];
  readonly safe: boolean;
  /** The slide's formulas, typeset while it is read, put in once its HTML is final. */
  readonly formulas: SlideFormulas;
}

function parseSlide(piece: SlideSource, file: SourceFile, context: ParseContext): Slide[] {
  const { separators, warnings } = context;
  const leading = /^\s*/.exec(piece.text)?.[0].length ?? 0;
  const line = lineAt(file.text, piece.offset + leading, file.firstLine);
  const where = { file: file.path, line };
  checkSlideLimits(piece.text, where);
  const { body, notes, markers } = splitNotes(piece.text, separators.notes, where);
  if (markers > 1) {
    warnings.push(
      warning('slide', `this slide has ${markers} notes markers ("Note:"); like reveal.js, none is taken as notes: keep one`, where),
    );
  }
  checkDepth(piece, file);
  // Layouts, region markers and callouts (issue 17): read before rendering, each mistake at its line.
  const lineOf = (offset: number) => lineAt(file.text, piece.offset + offset, file.firstLine);
  const layout = readLayoutSyntax(body, lineOf, file.path);
  const notesAt = notes ? piece.text.indexOf(notes, body.length) : -1;
  checkCallouts(notes, (offset) => lineOf(Math.max(notesAt, 0) + offset), file.path);
  return parsingWithin(where, () => renderSlides(piece, file, line, layout, notes, context));
}

function renderSlides(
  piece: SlideSource,
  file: SourceFile,
  line: number,
  layout: LayoutSyntax,
  notes: string,
  { marked, warnings, safe, formulas }: ParseContext,
): Slide[] {
  const body = layout.markdown;
  const render = (target: Target) =>
    splitRawSections(marked.parse(selectFor(body, target), { async: false })).map((part) => {
      const processed = processSlideHtml(part.html, target, part.attributes);
      if (!safe) return { ...processed, html: formulas.fill(processed.html), asideNotes: formulas.fill(processed.asideNotes) };
      // Sanitised after the attribute comments are applied, so their attributes are checked too.
      const clean = processSlideHtml(sanitize(processed.html), target, sanitizeSlideAttributes(processed.slideAttributes));
      return {
        ...clean,
        html: formulas.fill(clean.html),
        asideNotes: formulas.fill(processed.asideNotes && sanitize(processed.asideNotes)),
        numberedCode: processed.numberedCode,
      };
    });
  const renderNotes = (target: Target) => {
    if (!notes) return '';
    const html = marked.parse(selectFor(notes, target), { async: false });
    return formulas.fill(safe ? sanitize(html) : html);
  };
  const parts = render('slides');
  // Code with line numbers is laid out for its steps on the slides only: the report shows it plain.
  const reportParts =
    hasRegions(body) || parts.some((p) => p.html.includes('data-only') || p.numberedCode.length > 0) ? render('report') : parts;
  if (piece.text.trim() === '')
    warnings.push(warning('slide', 'this slide is empty (two separators with nothing between)', { file: file.path, line }));
  if (/^\s*(`{3,}|~{3,})/m.test(body) && hasUnclosedFence(body)) {
    warnings.push(warning('slide', 'a code fence opened on this slide is never closed', { file: file.path, line }));
  }
  // Notes written as `<aside class="notes">` in the body join the `Note:` ones (notes.ts).
  const asides = (rendered: typeof parts) => rendered.map((part) => part.asideNotes).join('');
  const notesHtml = joinNotes(renderNotes('slides'), asides(parts));
  const reportNotesHtml = hasRegions(notes) || reportParts !== parts ? joinNotes(renderNotes('report'), asides(reportParts)) : notesHtml;
  const noteUrls = unique([notesHtml, reportNotesHtml]).flatMap((html) => describeHtml(html).urls);
  const noteFragments = notesHtml.includes('fragment') ? describeHtml(notesHtml).fragments : [];
  for (const code of parts.flatMap((part) => part.numberedCode)) {
    const where = { file: file.path, line: lineOfCode(piece, file, code.spec, line) };
    for (const problem of lineNumberProblems(code.spec, code.rows)) warnings.push(warning('slide', `code line numbers: ${problem}`, where));
  }
  warnings.push(...formulas.diagnostics);
  // A slide with <section>s of its own is a stack of them; its notes go with the first.
  return parts.map((processed, index) => {
    const forReport = reportParts[index] ?? processed;
    const only = processed.slideAttributes['data-only'];
    if (only !== undefined && !(TARGETS as readonly string[]).includes(only)) {
      warnings.push(
        warning('slide', `data-only="${only}" is neither "slides" nor "report"; the slide goes in both`, { file: file.path, line }),
      );
    }
    const assets: AssetRef[] = unique([...processed.facts.loads, ...forReport.facts.loads])
      .filter(isLocalUrl)
      .map((url) => ({ url, file: file.path, line: lineOfText(piece, file, url, line) }));
    const first = index === 0;
    const warn = (message: string) => warnings.push(warning('slide', message, { file: file.path, line }));
    return {
      title: processed.title || forReport.title,
      leadText: processed.leadText,
      ...layOutSlide(layout, processed.html, forReport.html, line, warn),
      notes: first ? { html: notesHtml, reportHtml: reportNotesHtml } : { html: '', reportHtml: '' },
      only: only === 'slides' || only === 'report' ? only : undefined,
      attributes: processed.slideAttributes,
      source: { file: file.path, line, name: file.name ?? file.path },
      assets,
      ids: processed.facts.ids,
      images: processed.facts.images,
      links: processed.facts.links,
      urls: unique([...processed.facts.urls, ...forReport.facts.urls, ...(first ? noteUrls : [])]),
      revealOnly: unique(processed.facts.revealOnly),
      // In the deck, a slide's notes are inside its <section>: reveal.js counts their fragments too.
      fragmentSteps: orderFragments([...processed.facts.fragments, ...(first ? noteFragments : [])]).steps,
      numberedCode: processed.numberedCode.length,
      math: formulas.used,
    };
  });
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** True for a path into the briefing's folder; false for remote, data: and in-page URLs. */
export function isLocalUrl(url: string): boolean {
  return url !== '' && !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(url);
}

function hasUnclosedFence(body: string): boolean {
  let open: string | null = null;
  for (const line of body.split('\n')) {
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (open === null) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = null;
  }
  return open !== null;
}
