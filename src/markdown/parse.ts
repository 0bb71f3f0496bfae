import type { AssetRef, ParsedSlides, Separators, Slide, SlideStack, SourceFile } from './model.js';
import type { Warning } from '../errors.js';
import { processSlideHtml } from './attributes.js';
import { figurePlaceholder, type FigureBlock } from './figures.js';
import { createMarked } from './marked.js';
import { hasRegions, selectFor, TARGETS, type Target } from './only.js';
import { lineAt, splitNotes, splitSlides, type SlideSource } from './split.js';

/**
 * Markdown text in, slides out: pure, no disk and no browser. Each file starts a new horizontal
 * slide; within a file the separators decide, as in reveal.js.
 */
export function parseSlides(files: readonly SourceFile[], separators: Separators): ParsedSlides {
  const figures = new Map<string, FigureBlock>();
  let current: { piece: SlideSource; file: SourceFile } | undefined;
  const marked = createMarked((kind, token) => {
    if (!current) return '';
    const { piece, file } = current;
    const at = piece.text.indexOf(token.raw);
    const line = lineAt(file.text, piece.offset + Math.max(at, 0), file.firstLine);
    const key = `${file.path}:${line}`;
    if (!figures.has(key)) figures.set(key, { key, kind, source: token.text, file: file.path, line });
    return figurePlaceholder(key);
  });
  const warnings: Warning[] = [];
  const stacks: SlideStack[] = [];
  for (const file of files) {
    for (const stack of splitSlides(file.text, separators)) {
      stacks.push(
        stack.map((piece) => {
          current = { piece, file };
          return parseSlide(piece, file, separators, marked, warnings);
        }),
      );
    }
  }
  return { stacks, figures: [...figures.values()], warnings };
}

function parseSlide(
  piece: SlideSource,
  file: SourceFile,
  separators: Separators,
  marked: ReturnType<typeof createMarked>,
  warnings: Warning[],
): Slide {
  const leading = /^\s*/.exec(piece.text)?.[0].length ?? 0;
  const line = lineAt(file.text, piece.offset + leading, file.firstLine);
  const { body, notes } = splitNotes(piece.text, separators.notes);
  const render = (target: Target) => processSlideHtml(marked.parse(selectFor(body, target), { async: false }), target);
  const processed = render('slides');
  const forReport = hasRegions(body) || processed.html.includes('data-only') ? render('report') : processed;
  const only = processed.slideAttributes['data-only'];
  if (only !== undefined && !(TARGETS as readonly string[]).includes(only)) {
    warnings.push({
      message: `data-only="${only}" is neither "slides" nor "report"; the slide goes in both`,
      where: { file: file.path, line },
    });
  }
  const urls = [...new Set([...processed.urls, ...forReport.urls])];
  const assets: AssetRef[] = urls.filter(isLocalUrl).map((url) => ({
    url,
    file: file.path,
    line: lineOf(piece, file, url, line),
  }));
  if (/^\s*(`{3,}|~{3,})/m.test(body) && hasUnclosedFence(body)) {
    warnings.push({ message: 'a code fence opened on this slide is never closed', where: { file: file.path, line } });
  }
  return {
    title: processed.title || forReport.title,
    html: processed.html,
    reportHtml: forReport.html,
    only: only === 'slides' || only === 'report' ? only : undefined,
    notesHtml: notes ? marked.parse(notes, { async: false }) : '',
    attributes: processed.slideAttributes,
    file: file.path,
    line,
    assets,
  };
}

/** True for a path into the briefing's folder; false for remote, data: and in-page URLs. */
export function isLocalUrl(url: string): boolean {
  return url !== '' && !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(url);
}

function lineOf(piece: SlideSource, file: SourceFile, url: string, fallback: number): number {
  const at = piece.text.indexOf(url);
  return at < 0 ? fallback : lineAt(file.text, piece.offset + at, file.firstLine);
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
