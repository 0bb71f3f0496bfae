import type { Document } from 'yaml';
import type { SourceLocation } from '../errors.js';
import { checkLimit, limit, overLimit } from './limits.js';

/**
 * The yaml package checks each key against every key before it: 100,000 keys take minutes
 * (issue 15). Counted before parsing, from the text: every ":" that can end a key (block or flow
 * style), so a colon inside a quoted title may count too, which a real document does not notice.
 */
export function checkYamlKeys(text: string, where: SourceLocation, what: string): void {
  let keys = 0;
  for (const _ of text.matchAll(/:(?=[\s,}\]]|$)/g)) keys++;
  checkLimit('yamlKeys', keys, (n) => `${what} has about ${n.toLocaleString('en')} keys`, where, 'Remove keys that are not needed.');
}

/**
 * The document as plain data, its aliases bounded: `&a [*b, *b, ...]` nested a few levels deep
 * expands to billions of nodes (an alias bomb). yaml stops at maxAliasCount with a ReferenceError,
 * which here becomes the error that names the limit.
 */
export function yamlToJs(doc: Document, where: SourceLocation, what: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: limit('yamlAliases') });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      throw overLimit('yamlAliases', `${what} uses more aliases than it may (an alias bomb expands without bound)`, where);
    throw error;
  }
}
