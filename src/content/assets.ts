import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { BriefError, type Warning } from '../errors.js';
import type { AssetRef } from '../markdown/model.js';

export interface ResolvedAsset {
  readonly from: string;
  /** Path relative to the briefing folder: the same path beside the deck keeps every URL valid. */
  readonly to: string;
}

/**
 * Local files the slides load are copied beside the deck under the same relative path. A file that
 * lies outside the briefing folder (../, absolute, or a symlink out) is refused: a shared briefing
 * must not be able to copy the author's other files into its output.
 */
export function resolveAssets(root: string, refs: readonly AssetRef[]): { assets: ResolvedAsset[]; warnings: Warning[] } {
  const realRoot = realpathSync(root);
  const assets = new Map<string, ResolvedAsset>();
  const warnings: Warning[] = [];
  for (const ref of refs) {
    const where = { file: ref.file, line: ref.line };
    const clean = safeDecode(ref.url.replace(/[?#].*$/, ''));
    const path = resolve(root, clean);
    const rel = relative(root, path);
    const leaves = isAbsolute(clean) || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    const exists = existsSync(path) && statSync(path).isFile();
    if (exists && (leaves || !isInside(realRoot, realpathSync(path)))) {
      throw new BriefError('ASSET_OUTSIDE', `${ref.url} is outside the briefing folder`, {
        where,
        hint: 'Copy the file into the briefing folder and refer to it by a relative path such as images/diagram.png.',
      });
    }
    if (!exists) {
      // Decks shared without their images are common: build them, and say what is missing.
      warnings.push({ message: `${ref.url} was not found; the slide will show it as missing`, where, missingFile: true });
      continue;
    }
    assets.set(rel, { from: path, to: rel.split(sep).join('/') });
  }
  return { assets: [...assets.values()], warnings };
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
