import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where drawn figures and printed PDFs are kept between builds: the user's cache folder
 * (`$RFC_BRIEF_CACHE_DIR`, else `$XDG_CACHE_HOME/rfc-brief`, else `~/.cache/rfc-brief`), never
 * the output folder, so that `dist/` holds only deliverables and a fresh output folder still
 * rebuilds fast. Entries are named by the hash of everything that shapes them, so briefings
 * share it safely; undefined with `--no-cache`.
 */
export function cacheDir(env: Readonly<Record<string, string | undefined>>, enabled = true): string | undefined {
  if (!enabled) return undefined;
  const own = env['RFC_BRIEF_CACHE_DIR'];
  if (own) return own;
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'rfc-brief');
}

/** The cache holds at most this much; the entries used longest ago go first. */
export const CACHE_LIMIT_BYTES = 256 * 1024 * 1024;
