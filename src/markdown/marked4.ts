import { decodeHTML } from 'entities';

/**
 * Where marked 18 reads a reveal-md deck differently from marked 4 (the Markdown parser of the
 * reveal.js plugin reveal-md uses), and authors rely on marked 4's reading.
 */

const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+|$)/;
const COMMENT_LINE = /^<!--.*-->\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * marked 4 took an HTML comment on the line right after a list item as part of the item's text
 * (lazy continuation), so `<!-- .element: class="fragment" -->` there made that item a fragment.
 * marked 18 follows CommonMark: the comment interrupts the item and ends the list, so the comment
 * styles the whole list and what follows (a nested list) starts a new list or becomes a code
 * block. Indenting such a comment to the item's content keeps it in the item, as marked 4 did.
 */
export function keepCommentsInListItems(markdown: string): string {
  if (!markdown.includes('<!--')) return markdown;
  const lines = markdown.split('\n');
  let column: number | undefined;
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const opened = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opened && opened[0] === fence[0] && opened.length >= fence.length) fence = undefined;
      continue;
    }
    if (opened) {
      fence = opened;
      column = undefined;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) column = (item[1] ?? '').length + (item[2] ?? '').length + Math.max((item[3] ?? '').length, 1);
    else if (line.trim() === '') column = undefined;
    else if (column !== undefined && COMMENT_LINE.test(line) && /^\S/.test(line)) lines[i] = `${' '.repeat(column)}${line}`;
  }
  return lines.join('\n');
}

/**
 * The id marked 4 gave a heading (its Slugger): lower case, tags and punctuation dropped, each
 * white-space character a hyphen; a repeat on the same slide takes -1, -2, ... So an agenda's
 * `[Part 2](#part-2)` reaches its slide, as in reveal-md.
 */
export function createSlugger(): { slug(text: string): string; reset(): void } {
  const seen = new Map<string, number>();
  return {
    slug(text: string): string {
      const base = decodeHTML(text)
        .toLowerCase()
        .trim()
        .replace(/<[!/a-z].*?>/gi, '')
        .replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, '')
        .replace(/\s/g, '-');
      let slug = base;
      const count = seen.get(base);
      if (count !== undefined) {
        let n = count;
        do slug = `${base}-${++n}`;
        while (seen.has(slug));
        seen.set(base, n);
      }
      seen.set(slug, 0);
      return slug;
    },
    reset: () => seen.clear(),
  };
}
