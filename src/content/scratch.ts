import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The folders rfc-brief makes for itself while it runs, in the temporary directory; the build's
 * staging folder, beside the output, is made by the same makeRunDir(). A run that dies (SIGKILL,
 * out of memory) cannot remove its own, so each is named with its run's pid and carries a
 * marker, and the next run sweeps those whose run is dead (issue 15).
 */
export const TEMP_PREFIXES = {
  /** The browser's profile (--user-data-dir). */
  chromium: 'rfc-brief-chromium-',
  /** serve's outputs, rebuilt on every save. */
  serve: 'rfc-brief-serve-',
  /** check's deck, laid out to be measured. */
  check: 'rfc-brief-check-',
} as const;

export type TempKind = keyof typeof TEMP_PREFIXES;

/** The file in each such folder that says whose it is. */
export const RUN_MARKER = '.rfc-brief-run';

interface RunMarker {
  readonly generator: 'rfc-brief';
  readonly pid: number;
  /** A pid means a process only on this machine and in this pid namespace (a container of its own). */
  readonly host: string;
  readonly pidNamespace: string | undefined;
}

function runOf(pid: number): RunMarker {
  let pidNamespace: string | undefined;
  try {
    pidNamespace = readlinkSync('/proc/self/ns/pid');
  } catch {
    // Not Linux: the host name is all there is.
  }
  return { generator: 'rfc-brief', pid, host: hostname(), pidNamespace };
}

/** The marker's text for a run of this machine and pid namespace. */
export function runMarkerText(pid: number = process.pid): string {
  return `${JSON.stringify(runOf(pid))}\n`;
}

/** A folder of this run in the temporary directory; the dead runs' folders of every kind go first. */
export function makeTempDir(kind: TempKind): string {
  sweepDeadRuns();
  return makeRunDir(tmpdir(), TEMP_PREFIXES[kind]);
}

/** `parent/<prefix><pid>-<random>`, holding the marker; `parent` must exist. */
export function makeRunDir(parent: string, prefix: string): string {
  const dir = mkdtempSync(join(parent, `${prefix}${process.pid}-`));
  try {
    writeFileSync(join(dir, RUN_MARKER), runMarkerText(), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // A folder without its marker would never be swept (a full disk): none is left.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

let swept = false;

/** The temporary directory's folders of every kind whose run is dead: once per process, at its start. */
export function sweepDeadRuns(): void {
  if (swept) return;
  swept = true;
  sweepDead(tmpdir(), Object.values(TEMP_PREFIXES));
}

/**
 * Whether a process with this pid runs. Another user's process (EPERM) counts as alive; so does
 * this one.
 */
export function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes the folders in `dir` named `<prefix><pid>-<anything>` whose pid is dead, that are real
 * folders (not symlinks) of this user holding the marker of that pid on this machine and in this
 * pid namespace: a folder that only looks like one, or a run's in another container that shares
 * the temporary directory (its pid means nothing here), is never touched.
 */
export function sweepDead(dir: string, prefixes: readonly string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const me = runOf(process.pid);
  const uid = process.getuid?.();
  for (const name of names) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    const pid = prefix === undefined ? undefined : /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
      const marker = join(path, RUN_MARKER);
      if (!lstatSync(marker).isFile()) continue;
      const run = JSON.parse(readFileSync(marker, 'utf8')) as Partial<RunMarker>;
      if (run.generator !== me.generator || run.pid !== Number(pid) || run.host !== me.host || run.pidNamespace !== me.pidNamespace)
        continue;
      rmSync(path, { recursive: true, force: true });
    } catch {
      // No marker (not ours, or made before markers), or another run sweeping it at the same time.
    }
  }
}
