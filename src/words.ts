/** `1 page`, `2 pages`: a count with its noun, as every message of rfc-brief writes one. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
