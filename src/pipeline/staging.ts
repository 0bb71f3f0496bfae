import { copyFileSync, lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { BriefError } from '../errors.js';
import { makeDir } from '../content/make-dir.js';
import { copyContentFile } from '../content/open-file.js';
import { checkReplaceable, markerText, OUTPUT_MARKER, ownedEntries } from './output-folder.js';
import { makeRunDir, sweepDead, sweepDeadRuns } from '../content/scratch.js';

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
 * output untouched and nothing half-written. Only what rfc-brief wrote before is ever replaced
 * (output-folder.ts): the output folder must be new, empty, or one of rfc-brief's own.
 */
export class Staging {
  readonly dir: string;

  constructor(readonly outDir: string) {
    const parent = dirname(outDir);
    // Refused before any work: a folder of someone else's files, or a symlink to one.
    ownedEntries(outDir);
    const prefix = `.${basename(outDir)}.rfc-brief-`;
    // What a run that died (SIGKILL, out of memory) left beside the same output, and in the
    // temporary directory whatever this run needs of it.
    sweepDead(parent, [prefix]);
    sweepDeadRuns();
    try {
      makeDir(parent);
      this.dir = makeRunDir(parent, prefix);
    } catch (cause) {
      if (explainDiskFull(cause, outDir) !== cause) throw explainDiskFull(cause, outDir);
      throw new BriefError('OUTPUT_NOT_WRITABLE', `cannot write the output folder ${outDir}`, {
        cause,
        hint: 'Choose another folder with --out, or check its permissions.',
      });
    }
    // A second Ctrl-C leaves at once (bin/rfc-brief.js): the folder still goes with the process.
    process.once('exit', this.discard);
  }

  path(rel: string): string {
    return join(this.dir, rel);
  }

  write(rel: string, contents: string | Uint8Array): void {
    const path = this.path(rel);
    makeDir(dirname(path));
    writeFileSync(path, contents);
  }

  /** `root` is set for a file of the content: copied only if what is opened lies inside it (open-file.ts). */
  copy(from: string, rel: string, root?: string): void {
    const path = this.path(rel);
    makeDir(dirname(path));
    if (root === undefined) copyFileSync(from, path);
    else copyContentFile(root, from, path, undefined, relative(root, from));
  }

  remove(rel: string): void {
    rmSync(this.path(rel), { force: true });
  }

  /**
   * Moves each staged entry over its counterpart in the output folder, with the marker that says
   * which entries are rfc-brief's, and takes out what an earlier build of rfc-brief wrote there and
   * this one did not (only entries the marker names: nothing else is ever touched), so that the
   * folder holds exactly what the last build wrote. Renames move a symlink itself, never what it
   * points to. Returns the paths taken out.
   */
  commit(entries: readonly string[]): string[] {
    const owned = ownedEntries(this.outDir);
    checkReplaceable(this.outDir, owned, entries);
    this.write(OUTPUT_MARKER, markerText(entries));
    const moved: { target: string; old: string | undefined }[] = [];
    const removed: string[] = [];
    try {
      makeDir(this.outDir);
      for (const entry of [...entries, OUTPUT_MARKER]) {
        const target = join(this.outDir, entry);
        const old = exists(target) ? `${this.path(entry)}.old` : undefined;
        if (old) renameSync(target, old);
        moved.push({ target, old });
        renameSync(this.path(entry), target);
      }
      // Into the staging folder, not deleted: a failure below puts them back, discard() removes them.
      for (const [index, entry] of owned.filter((e) => !entries.includes(e) && e !== OUTPUT_MARKER).entries()) {
        const target = join(this.outDir, entry);
        if (!exists(target)) continue;
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
      if (explainDiskFull(cause, this.outDir) !== cause) throw explainDiskFull(cause, this.outDir);
      throw new BriefError('OUTPUT_NOT_WRITABLE', `cannot write into the output folder ${this.outDir}`, {
        cause,
        hint: 'Choose another folder with --out, or check its permissions.',
      });
    } finally {
      this.discardSoon();
    }
  }

  /** Set once commit() has begun removing the folder: the build's end waits for it. */
  removing: Promise<void> | undefined;

  /**
   * The folder removed off the main thread, while the build stops the browser and says what it
   * wrote (the slides' own copies of reveal.js, the theme and its fonts: 5-50 ms on the main
   * thread as the browser's processes wind down). Until it is gone, a process that exits
   * removes it as it goes.
   */
  private discardSoon(): void {
    this.removing ??= rm(this.dir, { recursive: true, force: true })
      .catch(() => undefined)
      .then(() => this.discard());
  }

  readonly discard = (): void => {
    process.removeListener('exit', this.discard);
    rmSync(this.dir, { recursive: true, force: true });
  };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
