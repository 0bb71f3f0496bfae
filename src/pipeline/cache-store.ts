import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { CACHE_LIMIT_BYTES } from './cache-dir.js';

const HASH_LENGTH = 64;

/**
 * Files kept between builds, each checked before it is trusted (issue 15: a cache entry that was
 * a symlink put a file from outside the briefing into every output): opened without following a
 * symlink, a regular file owned by this user, and holding the SHA-256 of its own payload, which
 * must match. Anything else is a miss (and removed). Written whole or not at all; the folder is
 * held under CACHE_LIMIT_BYTES, the entries used longest ago removed first.
 */
export class CacheStore {
  constructor(readonly dir: string | undefined) {}

  read(name: string): Buffer | undefined {
    if (!this.dir) return undefined;
    const path = join(this.dir, name);
    let fd: number | undefined;
    try {
      fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
      const stat = fstatSync(fd);
      const owner = process.getuid?.();
      if (!stat.isFile() || (owner !== undefined && stat.uid !== owner)) throw new Error('not an entry of the cache');
      const data = readFileSync(fd);
      const payload = data.subarray(HASH_LENGTH + 1);
      if (data.subarray(0, HASH_LENGTH).toString('latin1') !== sha256(payload) || data[HASH_LENGTH] !== 10) throw new Error('damaged');
      closeSync(fd);
      fd = undefined;
      // Used now: the last to be evicted.
      const now = new Date();
      utimesSync(path, now, now);
      return payload;
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') rmSync(path, { force: true });
      return undefined;
    }
  }

  write(name: string, payload: Uint8Array): void {
    if (!this.dir) return;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, name);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${sha256(payload)}\n`, 'latin1'), payload]), { mode: 0o600 });
    renameSync(temporary, path);
  }

  /** Removes the entries used longest ago until the folder is under its limit. */
  trim(limit = CACHE_LIMIT_BYTES): void {
    if (!this.dir) return;
    const dir = this.dir;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      // Nothing written yet (a build that printed nothing): nothing to trim.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const entries = names.flatMap((name) => {
      try {
        const stat = lstatSync(join(dir, name));
        return stat.isFile() ? [{ name, size: stat.size, used: stat.mtimeMs }] : [];
      } catch {
        return [];
      }
    });
    let total = entries.reduce((sum, entry) => sum + entry.size, 0);
    for (const entry of entries.sort((a, b) => a.used - b.used)) {
      if (total <= limit) break;
      rmSync(join(dir, entry.name), { force: true });
      total -= entry.size;
    }
  }
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
