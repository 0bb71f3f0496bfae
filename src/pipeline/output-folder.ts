import { lstatSync, readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { BriefError } from '../errors.js';

/**
 * The file rfc-brief leaves in every output folder it writes, listing the entries it wrote. The
 * commit replaces only those, and whatever removes stale outputs may remove only those: a folder
 * that holds other work (an --out that was a symlink to it, a typo naming the wrong folder) loses
 * nothing.
 */
export const OUTPUT_MARKER = '.rfc-brief-output';

interface Marker {
  readonly generator: 'rfc-brief';
  readonly entries: readonly string[];
}

const HINT = 'Choose a new or empty folder with --out (rfc-brief writes only into folders of its own), or empty this one.';

/**
 * The entries of `outDir` that rfc-brief wrote: [] for a folder that is not there or is empty.
 * Refuses (OUTPUT_NOT_WRITABLE) a symlink, a file, and a folder with files in it that rfc-brief
 * did not make (no marker).
 */
export function ownedEntries(outDir: string): string[] {
  const stat = lstatOrUndefined(outDir);
  if (stat === undefined) return [];
  if (stat.isSymbolicLink())
    throw notOurs(
      `the output folder ${outDir} is a symlink; rfc-brief does not write through it`,
      `Pass the folder it points to (${linkTarget(outDir)}) with --out if it is an output folder of rfc-brief's, or choose a new folder.`,
    );
  if (!stat.isDirectory()) throw notOurs(`the output folder ${outDir} is a file, not a folder`, HINT);
  const names = readdirSync(outDir);
  if (names.length === 0) return [];
  const owned = readMarker(outDir) ?? legacyEntries(outDir);
  if (owned === undefined) throw notOurs(`${outDir} holds files that rfc-brief did not write; it will not write over them`, HINT);
  return owned.filter((entry) => names.includes(entry));
}

/** Refuses to replace an entry of the output folder that rfc-brief did not write. */
export function checkReplaceable(outDir: string, owned: readonly string[], entries: readonly string[]): void {
  for (const entry of entries) {
    if (entry === OUTPUT_MARKER || owned.includes(entry)) continue;
    if (lstatOrUndefined(join(outDir, entry)) !== undefined) {
      throw notOurs(
        `${join(outDir, entry)} was not written by rfc-brief; it will not write over it`,
        `Move it out of ${outDir}, or choose a new or empty folder with --out.`,
      );
    }
  }
}

export function markerText(entries: readonly string[]): string {
  const marker: Marker = { generator: 'rfc-brief', entries: [...new Set(entries)].filter((entry) => entry !== OUTPUT_MARKER) };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

function readMarker(outDir: string): string[] | undefined {
  const path = join(outDir, OUTPUT_MARKER);
  // Only a plain file counts: a symlink planted as the marker could claim anything.
  if (!lstatOrUndefined(path)?.isFile()) return undefined;
  try {
    const marker = JSON.parse(readFileSync(path, 'utf8')) as Partial<Marker>;
    if (marker.generator === 'rfc-brief' && Array.isArray(marker.entries)) return marker.entries.filter(isPlainEntry);
  } catch {
    // A marker that cannot be read claims nothing.
  }
  return undefined;
}

/**
 * Output folders written before the marker existed: their build-report.json (rfc-brief's, a plain
 * file) names what was written; those entries and the report itself are rfc-brief's.
 */
function legacyEntries(outDir: string): string[] | undefined {
  const path = join(outDir, 'build-report.json');
  if (!lstatOrUndefined(path)?.isFile()) return undefined;
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as { generator?: unknown; files?: { path?: unknown }[] };
    if (report.generator !== 'rfc-brief' || !Array.isArray(report.files)) return undefined;
    const tops = report.files.map((file) => (typeof file.path === 'string' ? file.path.split('/')[0] : undefined));
    return ['build-report.json', '.rfc-brief-cache', ...tops.filter((top): top is string => top !== undefined && isPlainEntry(top))];
  } catch {
    return undefined;
  }
}

/** An entry name, not a path: nothing in a marker can point elsewhere. */
function isPlainEntry(entry: unknown): entry is string {
  return typeof entry === 'string' && entry !== '' && entry !== '.' && entry !== '..' && !/[/\\\0]/.test(entry);
}

function linkTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return readlinkSync(path);
  }
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    // ENOTDIR: a file on the way; making the folder then fails with the message for that.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function notOurs(message: string, hint: string): BriefError {
  return new BriefError('OUTPUT_NOT_WRITABLE', message, { hint });
}
