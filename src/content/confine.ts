import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { BriefError, type ErrorCode, type SourceLocation } from '../errors.js';

/** How a caller words its refusal; the rule itself is the same for every caller. */
export interface Refusal {
  /** ASSET_OUTSIDE unless the caller has always used another (a chart's data: DATA). */
  readonly code?: ErrorCode;
  /** How the message names the file, e.g. "the chart's data file data/x.csv"; by default the name itself. */
  readonly subject?: string;
  readonly hint?: string;
}

const DEFAULT_HINT = 'Copy the file into the briefing folder and refer to it by a relative path such as images/diagram.png.';

/**
 * What "inside the briefing folder" means, for every path the content names (images and other
 * assets, a chart's data file, a theme stylesheet from the front matter or reveal-md.json) and for
 * the files `serve` hands out (its root is then the build folder).
 *
 * One rule, the strictest of the five checks it replaces (issue 12): the name must not be absolute,
 * must not climb out with `..`, and, when a file is there, its real path (every symlink followed,
 * the root's own included) must lie inside the root's real path. The old theme-stylesheet, chart
 * data-stamp and serve checks compared paths as written and so let a symlink out through; the
 * asset and data checks already followed symlinks.
 *
 * Returns the real path, or undefined when nothing is there: whether a missing file is a warning
 * (an image), an error (a chart's data) or a 404 (serve) is the caller's to say.
 */
export function confine(root: string, name: string, where: SourceLocation | undefined, refusal: Refusal = {}): string | undefined {
  // A name with a NUL byte names no file (and the file system calls would throw on it).
  if (name.includes('\0')) return undefined;
  const path = resolve(root, name);
  // Refused even when nothing is there: the name itself asks for a file outside.
  if (isAbsolute(name) || !isWithin(resolve(root), path)) throw outside(name, where, refusal);
  if (isHiddenPath(relative(resolve(root), path))) throw hidden(name, where, refusal);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    // A dangling symlink is missing too: there is nothing to read through it.
    if (isMissing(error)) return undefined;
    throw error;
  }
  const realRoot = realpathSync(root);
  if (!isWithin(realRoot, real)) throw outside(name, where, refusal);
  if (isHiddenPath(relative(realRoot, real))) throw hidden(name, where, refusal);
  return real;
}

/**
 * A path inside the root with a segment that starts with a dot (`.ssh/id_rsa`, `.env`,
 * `.git/config`): never content. A single Markdown file makes its folder the root, and when that
 * is the home folder every private key and token in it would otherwise be one image away.
 */
export function isHiddenPath(rel: string): boolean {
  return rel.split(/[/\\]/).some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
}

/** True for the root itself and anything beneath it. */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  // `..notes.png` is a file inside whose name starts with two dots, not a step out.
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function hidden(name: string, where: SourceLocation | undefined, refusal: Refusal): BriefError {
  return new BriefError(refusal.code ?? 'ASSET_OUTSIDE', `${refusal.subject ?? name} is a hidden file (a name starting with a dot): it is never copied into the output`, {
    where,
    hint: 'Move it to a folder and name without a leading dot, e.g. images/diagram.png.',
  });
}

function outside(name: string, where: SourceLocation | undefined, refusal: Refusal): BriefError {
  return new BriefError(refusal.code ?? 'ASSET_OUTSIDE', `${refusal.subject ?? name} is outside the briefing folder`, {
    where,
    hint: refusal.hint ?? DEFAULT_HINT,
  });
}
