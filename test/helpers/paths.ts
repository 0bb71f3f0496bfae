import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = resolve(ROOT, '../shared/corpus');
export const CONTENT = join(ROOT, 'content');
export const BIN = join(ROOT, 'bin/rfc-brief.js');
export const fixture = (...parts: string[]) => join(ROOT, 'test/fixtures', ...parts);
