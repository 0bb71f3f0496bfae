import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../errors.js';
import type { AssetRef } from '../markdown/model.js';
import { confine } from './confine.js';

export interface ResolvedAsset {
  readonly from: string;
  /** Path relative to the briefing folder: the same path beside the deck keeps every URL valid. */
  readonly to: string;
  /** The briefing folder: the copy checks again, on the file it opens, that it lies inside (open-file.ts). */
  readonly root: string;
}

/**
 * Local files the slides load are copied beside the deck under the same relative path. A file that
 * lies outside the briefing folder (../, absolute, or a symlink out) is refused (confine.ts): a
 * shared briefing must not be able to copy the author's other files into its output.
 */
export function resolveAssets(root: string, refs: readonly AssetRef[]): { assets: ResolvedAsset[]; warnings: Diagnostic[] } {
  const assets = new Map<string, ResolvedAsset>();
  const warnings: Diagnostic[] = [];
  for (const ref of refs) {
    const where = { file: ref.file, line: ref.line };
    const clean = safeDecode(ref.url.replace(/[?#].*$/, ''));
    const path = resolve(root, clean);
    // Decks shared without their images are common: a name that finds no file is only a warning,
    // wherever it points, since there is nothing to copy (confine() alone would refuse a name
    // that leads outside even when nothing is there).
    const real = isFile(path) ? confine(root, clean, where, { subject: ref.url }) : undefined;
    if (real === undefined) {
      // Missing is an error for `check`; a build prints the slide without it and says so.
      warnings.push({ severity: 'error', code: 'missing-file', message: `${ref.url} was not found; the slide will show it as missing`, where });
      continue;
    }
    const rel = relative(root, path);
    assets.set(rel, { from: real, to: rel.split(sep).join('/'), root });
  }
  return { assets: [...assets.values()], warnings };
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
