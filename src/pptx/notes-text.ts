import { Parser } from 'htmlparser2';

const BLOCK = new Set([
  'p',
  'li',
  'ul',
  'ol',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'div',
  'table',
  'tr',
  'dl',
  'dt',
  'dd',
  'hr',
  'br',
]);
const CELL = new Set(['td', 'th']);

/**
 * Speaker notes as PowerPoint's notes page holds them: plain text, one string per paragraph (each
 * block of the notes' HTML; white space collapsed as the browser would, kept in code). A list item
 * keeps its bullet or number, so that the notes still read as the list they are.
 */
export function notesParagraphs(html: string): string[] {
  const found: string[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let text = '';
  let pre = 0;
  let skip = 0;
  const flush = () => {
    if (pre > 0) for (const line of text.replace(/^\n/, '').replace(/\n$/, '').split('\n')) found.push(line);
    else {
      const collapsed = text.replace(/\s+/g, ' ').trim();
      if (collapsed) found.push(collapsed);
    }
    text = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'script' || name === 'style') skip++;
        if (CELL.has(name)) text += ' ';
        if (!BLOCK.has(name)) return;
        flush();
        if (name === 'pre') pre++;
        if (name === 'ul' || name === 'ol') lists.push({ ordered: name === 'ol', next: 1 });
        const list = lists.at(-1);
        if (name === 'li' && list) text = list.ordered ? `${list.next++}. ` : '• ';
      },
      ontext(data) {
        if (skip === 0) text += data;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') skip--;
        if (!BLOCK.has(name)) return;
        flush();
        if (name === 'pre') pre--;
        if (name === 'ul' || name === 'ol') lists.pop();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return found.filter((paragraph) => paragraph.replace(/^(•|\d+\.) ?/, '').trim() !== '');
}
