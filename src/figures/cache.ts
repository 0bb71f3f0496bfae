import { createHash } from 'node:crypto';

/** Where entries are kept: the build's cache store (pipeline/cache-store.ts), checked on read. */
export interface EntryStore {
  read(name: string): Buffer | undefined;
  write(name: string, payload: Uint8Array): void;
}

/**
 * Drawn diagrams kept by the hash of everything that shapes them (source, palette, mermaid's
 * version), so a build whose diagrams did not change needs no browser for them.
 */
export class FigureCache {
  private readonly pending = new Map<string, string>();

  constructor(private readonly store: EntryStore) {}

  static keyOf(parts: readonly unknown[]): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  get(key: string): string | undefined {
    return this.pending.get(key) ?? this.store.read(`${key}.entry`)?.toString('utf8');
  }

  /** Kept in memory until flush(): a failed build writes nothing. */
  put(key: string, value: string): void {
    this.pending.set(key, value);
  }

  flush(): void {
    for (const [key, value] of this.pending) this.store.write(`${key}.entry`, Buffer.from(value, 'utf8'));
    this.pending.clear();
  }
}
