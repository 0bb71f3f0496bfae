import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// A copy of ../shared/corpus (MIT-licensed decks by others; licences and sources kept beside them).
export const CORPUS = join(ROOT, 'test/fixtures/corpus');
export const CONTENT = join(ROOT, 'content');
export const BIN = join(ROOT, 'bin/rfc-brief.js');
export const fixture = (...parts: string[]) => join(ROOT, 'test/fixtures', ...parts);
