import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Drawn diagrams kept by the hash of everything that shapes them (source, palette, mermaid's
 * version), so a build whose diagrams did not change needs no browser for them.
 */
export class FigureCache {
  private readonly pending = new Map<string, string>();

  constructor(private readonly dir: string) {}

  static keyOf(parts: readonly unknown[]): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  get(key: string): string | undefined {
    const pending = this.pending.get(key);
    if (pending !== undefined) return pending;
    const path = join(this.dir, `${key}.entry`);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }

  /** Kept in memory until flush(): a failed build writes nothing into the output folder. */
  put(key: string, value: string): void {
    this.pending.set(key, value);
  }

  flush(): void {
    for (const [key, value] of this.pending) {
      mkdirSync(this.dir, { recursive: true });
      const path = join(this.dir, `${key}.entry`);
      // Written whole or not at all: a half-written cache entry would be a broken figure later.
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, value);
      renameSync(temporary, path);
    }
    this.pending.clear();
  }
}
