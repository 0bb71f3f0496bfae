import { copyFileSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BriefError } from '../errors.js';
import { copyContentFile } from '../content/open-file.js';
import { checkReplaceable, markerText, OUTPUT_MARKER, ownedEntries } from './output-folder.js';
import { sweepDead } from '../sweep.js';

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
    // What a run that died (SIGKILL, out of memory) left beside the same output.
    sweepDead(parent, `.${basename(outDir)}.rfc-brief-`);
    this.dir = join(parent, `.${basename(outDir)}.rfc-brief-${process.pid}-${randomBytes(3).toString('hex')}`);
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (cause) {
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
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
  }

  /** `root` is set for a file of the content: copied only if what is opened lies inside it (open-file.ts). */
  copy(from: string, rel: string, root?: string): void {
    const path = this.path(rel);
    mkdirSync(dirname(path), { recursive: true });
    if (root === undefined) copyFileSync(from, path);
    else copyContentFile(root, from, path, undefined, relative(root, from));
  }

  remove(rel: string): void {
    rmSync(this.path(rel), { force: true });
  }

  /**
   * Moves each staged entry over its counterpart in the output folder, and the marker that says
   * which entries are rfc-brief's. Renames move a symlink itself, never what it points to.
   */
  commit(entries: readonly string[]): void {
    const owned = ownedEntries(this.outDir);
    checkReplaceable(this.outDir, owned, entries);
    this.write(OUTPUT_MARKER, markerText([...owned, ...entries]));
    const moved: { target: string; old: string | undefined }[] = [];
    try {
      mkdirSync(this.outDir, { recursive: true });
      for (const entry of [...entries, OUTPUT_MARKER]) {
        const target = join(this.outDir, entry);
        const old = exists(target) ? `${this.path(entry)}.old` : undefined;
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
      throw new BriefError('OUTPUT_NOT_WRITABLE', `cannot write into the output folder ${this.outDir}`, {
        cause,
        hint: 'Choose another folder with --out, or check its permissions.',
      });
    } finally {
      this.discard();
    }
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
