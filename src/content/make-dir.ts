import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * mkdir -p without Node's own `recursive: true`, which on Linux loops for ever, synchronously
 * (so no Ctrl-C or SIGTERM handler runs), on a path under /proc whose parent it cannot create
 * (issue 13, case 11). Each missing folder is made on its own, parents first; the first failure
 * is thrown as it is (ENOENT, EACCES, ENOTDIR ...).
 */
export function makeDir(path: string): void {
  const missing: string[] = [];
  for (let dir = path; !isDir(dir); dir = dirname(dir)) {
    missing.push(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      // Made meanwhile by another build beside this one: as good as made here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !isDir(dir)) throw error;
    }
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
