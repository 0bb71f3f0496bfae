import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../errors.js';
import { makeDir } from '../content/make-dir.js';

export interface CachedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/**
 * Entries of another format are misses. 2: the warnings hold what was measured while printing
 * (overflowing slides, notes continued), errors among them, so a reused PDF fails a build as its
 * first print did; an entry from before has none of them.
 */
const ENTRY_FORMAT = 2;

interface Entry {
  readonly format: typeof ENTRY_FORMAT;
  readonly pages: number;
  /** What printing it reported (refused requests, overflowing slides ...): reported again when it is reused. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * Finished PDFs kept by the hash of everything that shapes them (the page's HTML, the files it
 * loads, the metadata, rfc-brief's version), so a rebuild with nothing changed prints nothing and
 * launches no browser, and a change to the report alone reprints only the report. New entries are
 * written only when the build succeeds (flush), so a failed build leaves the output folder alone.
 */
export class PdfCache {
  private readonly pending = new Map<string, { path: string; pdf: CachedPdf; entry: Entry }>();

  constructor(private readonly dir: string) {}

  async get(
    name: string,
    key: string,
    warnings: Diagnostic[],
    make: () => Promise<CachedPdf>,
  ): Promise<CachedPdf & { readonly reused: boolean }> {
    const path = join(this.dir, `${name}.${key}`);
    const entry = existsSync(path) ? readEntry(`${path}.json`) : undefined;
    if (entry) {
      warnings.push(...entry.warnings);
      return { bytes: readFileSync(path), pages: entry.pages, reused: true };
    }
    const before = warnings.length;
    const pdf = await make();
    this.pending.set(name, { path, pdf, entry: { format: ENTRY_FORMAT, pages: pdf.pages, warnings: warnings.slice(before) } });
    return { ...pdf, reused: false };
  }

  flush(): void {
    for (const [name, { path, pdf, entry }] of this.pending) {
      makeDir(this.dir);
      // Only the latest of each document is kept.
      for (const old of readdirSync(this.dir)) if (old.startsWith(`${name}.`)) rmSync(join(this.dir, old), { force: true });
      writeFileSync(`${path}.tmp`, pdf.bytes);
      writeFileSync(`${path}.json.tmp`, JSON.stringify(entry));
      renameSync(`${path}.tmp`, path);
      renameSync(`${path}.json.tmp`, `${path}.json`);
    }
    this.pending.clear();
  }
}

/** An entry that cannot be read (cut short, edited) is a miss, not an error. */
function readEntry(path: string): Entry | undefined {
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as Entry;
    // An entry written before diagnostics had a severity and a code is a miss too.
    const diagnostics =
      Array.isArray(entry.warnings) && entry.warnings.every((w) => typeof w.code === 'string' && typeof w.severity === 'string');
    return entry.format === ENTRY_FORMAT && typeof entry.pages === 'number' && diagnostics ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** A key from text parts and files: small files by content, large ones (images) by size and time. */
export function cacheKey(parts: readonly string[], files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  for (const file of files) {
    const stat = statSync(file);
    hash.update(file).update('\0');
    if (stat.size <= 512 * 1024) hash.update(readFileSync(file));
    else hash.update(`${stat.size}:${stat.mtimeMs}`);
  }
  return hash.digest('hex').slice(0, 32);
}
