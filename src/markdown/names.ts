import { suggest } from '../config/suggest.js';
import { BriefError, type SourceLocation } from '../errors.js';

/** An unknown name: `what` is the message's start ('there is no layout'), followed by the name and the closest known ones. */
export function unknownName(
  what: string,
  name: string,
  known: readonly string[],
  where: SourceLocation,
  hint: string,
  aliases: Readonly<Record<string, string>> = {},
): BriefError {
  const closest = closestNames(name, known, aliases);
  return new BriefError(
    'LAYOUT',
    `${what} "${name}"${closest.length > 0 ? `; did you mean ${closest.map((n) => `"${n}"`).join(' or ')}?` : ''}`,
    {
      where,
      hint,
    },
  );
}

/**
 * The known names nearest to a mistyped one: what it is another name for (`aliases`), the typo suggest() finds, and names
 * sharing a word with it ("columns": two-cols, three-cols).
 */
export function closestNames(name: string, known: readonly string[], aliases: Readonly<Record<string, string>> = {}): string[] {
  const lower = name.toLowerCase();
  const alias = aliases[lower];
  const near = suggest(name, known);
  const words = lower.split(/[-_\s]+/).filter((word) => word.length >= 3);
  const related = known.filter((k) =>
    k
      .toLowerCase()
      .split('-')
      .some((part) => part.length >= 3 && words.some((word) => word.startsWith(part.slice(0, 3)) || part.startsWith(word))),
  );
  const found = [...(alias && known.includes(alias) ? [alias] : []), ...(near ? [near] : []), ...related];
  return [...new Set(found)].slice(0, 3);
}
