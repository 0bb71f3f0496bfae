import { copyFileSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BriefError } from '../errors.js';
import { makeDir } from '../content/make-dir.js';

/**
 * Outputs are written into a staging folder beside the output folder and moved into place only
 * when every one of them succeeded, so a failed or interrupted build leaves the previous good
 * output untouched and nothing half-written.
 */
export class Staging {
  readonly dir: string;

  constructor(readonly outDir: string) {
    const parent = dirname(outDir);
    this.dir = join(parent, `.${basename(outDir)}.rfc-brief-${process.pid}-${randomBytes(3).toString('hex')}`);
    try {
      makeDir(this.dir);
    } catch (cause) {
      throw new BriefError('OUTPUT_NOT_WRITABLE', `cannot write the output folder ${outDir}`, {
        cause,
        hint: 'Choose another folder with --out, or check its permissions.',
      });
    }
  }

  path(rel: string): string {
    return join(this.dir, rel);
  }

  write(rel: string, contents: string | Uint8Array): void {
    const path = this.path(rel);
    makeDir(dirname(path));
    writeFileSync(path, contents);
  }

  copy(from: string, rel: string): void {
    const path = this.path(rel);
    makeDir(dirname(path));
    copyFileSync(from, path);
  }

  remove(rel: string): void {
    rmSync(this.path(rel), { force: true });
  }

  /**
   * Moves each staged entry over its counterpart in the output folder, and takes out of it what an
   * earlier build wrote and this one did not (`stale`: the entries rfc-brief owns there, nothing
   * else), so that the folder holds exactly what the last build wrote. Returns what was taken out.
   */
  commit(entries: readonly string[], owned: readonly string[] = []): string[] {
    const moved: { target: string; old: string | undefined }[] = [];
    const removed: string[] = [];
    try {
      makeDir(this.outDir);
      for (const entry of entries) {
        const target = join(this.outDir, entry);
        const old = existsSync(target) ? `${this.path(entry)}.old` : undefined;
        if (old) renameSync(target, old);
        moved.push({ target, old });
        renameSync(this.path(entry), target);
      }
      // Into the staging folder, not deleted: a failure below puts them back, discard() removes them.
      for (const [index, entry] of owned.filter((e) => !entries.includes(e)).entries()) {
        const target = join(this.outDir, entry);
        if (!existsSync(target)) continue;
        const old = this.path(`.stale-${index}`);
        renameSync(target, old);
        moved.push({ target, old });
        removed.push(target);
      }
      return removed;
    } catch (cause) {
      // Put back what was already replaced: the previous output stays whole.
      for (const { target, old } of moved.reverse()) {
        try {
          rmSync(target, { recursive: true, force: true });
          if (old) renameSync(old, target);
        } catch {
          // Nothing more can be done here; the error below says the output folder failed.
        }
      }
      throw new BriefError('OUTPUT_NOT_WRITABLE', `cannot write into the output folder ${this.outDir}`, {
        cause,
        hint: 'Choose another folder with --out, or check its permissions.',
      });
    } finally {
      this.discard();
    }
  }

  discard(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
