import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../errors.js';
import type { CacheStore } from './cache-store.js';

export interface CachedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/**
 * Entries of another format are misses. 2: the warnings hold what was measured while printing
 * (overflowing slides, notes continued), errors among them, so a reused PDF fails a build as its
 * first print did; an entry from before has none of them. 3: slides printed with their figures
 * fitted to the room on the slide (render/fit-figures.ts), from the same page as before.
 */
const ENTRY_FORMAT = 3;

interface Entry {
  readonly format: typeof ENTRY_FORMAT;
  readonly pages: number;
  /** What printing it reported (refused requests, overflowing slides ...): reported again when it is reused. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * Finished PDFs kept by the hash of everything that shapes them (the page's HTML, the files it
 * loads, the metadata, the browser, rfc-brief's version), so a rebuild with nothing changed
 * prints nothing and launches no browser, and a change to the report alone reprints only the
 * report. In the user's cache folder (cache-dir.ts), each entry checked before it is trusted
 * (cache-store.ts); new entries are written only when the build succeeds (flush).
 */
export class PdfCache {
  private readonly pending = new Map<string, { pdf: CachedPdf; entry: Entry }>();

  constructor(private readonly store: CacheStore) {}

  async get(
    name: string,
    key: string,
    warnings: Diagnostic[],
    make: () => Promise<CachedPdf>,
  ): Promise<CachedPdf & { readonly reused: boolean }> {
    const file = `${name}.${key}`;
    const entry = readEntry(this.store.read(`${file}.json`));
    const bytes = entry ? this.store.read(file) : undefined;
    if (entry && bytes) {
      warnings.push(...entry.warnings);
      return { bytes, pages: entry.pages, reused: true };
    }
    const before = warnings.length;
    const pdf = await make();
    this.pending.set(file, { pdf, entry: { format: ENTRY_FORMAT, pages: pdf.pages, warnings: warnings.slice(before) } });
    return { ...pdf, reused: false };
  }

  flush(): void {
    for (const [file, { pdf, entry }] of this.pending) {
      this.store.write(file, pdf.bytes);
      this.store.write(`${file}.json`, Buffer.from(JSON.stringify(entry)));
    }
    this.pending.clear();
    this.store.trim();
  }
}

/** An entry that cannot be read (cut short, edited) is a miss, not an error. */
function readEntry(data: Buffer | undefined): Entry | undefined {
  if (!data) return undefined;
  try {
    const entry = JSON.parse(data.toString('utf8')) as Entry;
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
