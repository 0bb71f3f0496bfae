import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BriefError } from '../errors.js';

/**
 * A disk (or quota) that fills while the build writes is the machine's state, not a bug: this is
 * the error that says so, for any write of the build (the staging folder, the figures' work
 * folder); any other error is returned as it is.
 */
export function explainDiskFull(error: unknown, outDir: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return error;
  return new BriefError('OUTPUT_NOT_WRITABLE', `the disk is full: cannot write the output folder ${outDir}; nothing was written`, {
    cause: error,
    hint: 'Free some space on that disk (`df -h` shows how much is left), or choose a folder on another disk with --out.',
  });
}

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
      mkdirSync(this.dir, { recursive: true });
    } catch (cause) {
      if (explainDiskFull(cause, outDir) !== cause) throw explainDiskFull(cause, outDir);
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
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
  }

  copy(from: string, rel: string): void {
    const path = this.path(rel);
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(from, path);
  }

  remove(rel: string): void {
    rmSync(this.path(rel), { force: true });
  }

  /** Moves each staged entry over its counterpart in the output folder. */
  commit(entries: readonly string[]): void {
    const moved: { target: string; old: string | undefined }[] = [];
    try {
      mkdirSync(this.outDir, { recursive: true });
      for (const entry of entries) {
        const target = join(this.outDir, entry);
        const old = existsSync(target) ? `${this.path(entry)}.old` : undefined;
        if (old) renameSync(target, old);
        moved.push({ target, old });
        renameSync(this.path(entry), target);
      }
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
      if (explainDiskFull(cause, this.outDir) !== cause) throw explainDiskFull(cause, this.outDir);
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
