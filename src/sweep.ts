import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether a process with this pid runs: a run of rfc-brief names what it leaves in the file
 * system with its pid, and what a dead one left (SIGKILL, out of memory) is swept by the next.
 * Another user's process (EPERM) counts as alive; so does this one.
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
 * Removes the folders in `dir` whose name is `prefix` + pid + `-` + anything, whose pid is dead,
 * that are real folders (not symlinks) owned by this user.
 */
export function sweepDead(dir: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      if (stat.isDirectory() && (uid === undefined || stat.uid === uid)) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another run may be sweeping it at the same time.
    }
  }
}
