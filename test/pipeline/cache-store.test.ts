import { mkdtempSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/pipeline/cache-dir.js';
import { CacheStore } from '../../src/pipeline/cache-store.js';

const fresh = () => new CacheStore(mkdtempSync(join(tmpdir(), 'rfc-brief-store-')));

describe('the cache store: entries checked before they are trusted', () => {
  it('gives back what was written', () => {
    const store = fresh();
    store.write('a.entry', Buffer.from('drawn'));
    expect(store.read('a.entry')?.toString()).toBe('drawn');
  });

  it('never follows a symlink planted as an entry, and removes it', () => {
    const store = fresh();
    const secret = join(mkdtempSync(join(tmpdir(), 'rfc-brief-secret-')), 'id_rsa');
    writeFileSync(secret, 'PRIVATE KEY');
    symlinkSync(secret, join(store.dir ?? '', 'slides.pdf.0123'));
    expect(store.read('slides.pdf.0123')).toBeUndefined();
    expect(readdirSync(store.dir ?? '')).toEqual([]);
  });

  it('takes an entry whose content does not match its hash for a miss', () => {
    const store = fresh();
    store.write('a.entry', Buffer.from('drawn'));
    writeFileSync(join(store.dir ?? '', 'b.entry'), `${'0'.repeat(64)}\nplanted`);
    expect(store.read('b.entry')).toBeUndefined();
    expect(store.read('a.entry')?.toString()).toBe('drawn');
  });

  it('keeps under its limit by removing the entries used longest ago', () => {
    const store = fresh();
    for (const [i, name] of ['old', 'middle', 'new'].entries()) {
      store.write(name, Buffer.alloc(100));
      const at = new Date(Date.now() - (3 - i) * 60_000);
      utimesSync(join(store.dir ?? '', name), at, at);
    }
    store.trim(2 * 165);
    expect(readdirSync(store.dir ?? '').sort()).toEqual(['middle', 'new']);
  });

  it('lives in the user cache folder, or none with --no-cache', () => {
    expect(cacheDir({ RFC_BRIEF_CACHE_DIR: '/c' })).toBe('/c');
    expect(cacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/rfc-brief');
    expect(cacheDir({}, false)).toBeUndefined();
  });
});
