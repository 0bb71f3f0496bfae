import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CachedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/**
 * Finished PDFs kept by the hash of everything that shapes them (the page's HTML, the files it
 * loads, the metadata, rfc-brief's version), so a rebuild with nothing changed prints nothing and
 * launches no browser, and a change to the report alone reprints only the report.
 */
export class PdfCache {
  constructor(private readonly dir: string) {}

  async get(name: string, key: string, make: () => Promise<CachedPdf>): Promise<CachedPdf & { readonly reused: boolean }> {
    const path = join(this.dir, `${name}.${key}`);
    if (existsSync(path) && existsSync(`${path}.pages`)) {
      return { bytes: readFileSync(path), pages: Number(readFileSync(`${path}.pages`, 'utf8')), reused: true };
    }
    const made = await make();
    this.put(name, path, made);
    return { ...made, reused: false };
  }

  private put(name: string, path: string, pdf: CachedPdf): void {
    mkdirSync(this.dir, { recursive: true });
    // Only the latest of each document is kept.
    for (const old of readdirSync(this.dir)) if (old.startsWith(`${name}.`)) rmSync(join(this.dir, old), { force: true });
    writeFileSync(`${path}.pages.tmp`, String(pdf.pages));
    writeFileSync(`${path}.tmp`, pdf.bytes);
    renameSync(`${path}.tmp`, path);
    renameSync(`${path}.pages.tmp`, `${path}.pages`);
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
