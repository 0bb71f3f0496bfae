import type { SourceFile } from './model.js';
import { lineAt, type SlideSource } from './split.js';

/** A formula's first line: found as written, else by its first line (inside a quote, marked reads it without the `>`). */
export function formulaLocation(piece: SlideSource, file: SourceFile, raw: string): { file: string; line: number } {
  const slideLine = lineAt(file.text, piece.offset, file.firstLine);
  const line = lineOfText(piece, file, raw, -1);
  return { file: file.path, line: line >= 0 ? line : lineOfText(piece, file, raw.split('\n')[0] ?? raw, slideLine) };
}

/** The line `text` is first written on in the slide's source, else `fallback`. */
export function lineOfText(piece: SlideSource, file: SourceFile, text: string, fallback: number): number {
  const at = piece.text.indexOf(text);
  return at < 0 ? fallback : lineAt(file.text, piece.offset + at, file.firstLine);
}

/** The line of a code block's line numbers: the first fence or data-line-numbers that names them. */
export function lineOfCode(piece: SlideSource, file: SourceFile, spec: string, fallback: number): number {
  let offset = 0;
  for (const text of piece.text.split('\n')) {
    if (text.includes(spec) && (/^\s*(`{3,}|~{3,})/.test(text) || text.includes('data-line-numbers'))) {
      return lineAt(file.text, piece.offset + offset, file.firstLine);
    }
    offset += text.length + 1;
  }
  return fallback;
}
