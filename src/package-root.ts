import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of rfc-brief's package.json (and themes/), wherever this code runs from: src/ under
 * the tests, build/ once compiled, build/bundle/ once bundled.
 */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'themes'))) return dir;
    if (dirname(dir) === dir) throw new Error(`rfc-brief: no package.json with themes/ above ${from}`);
  }
}
