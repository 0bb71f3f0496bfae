/**
 * Whether a text is well-formed XML (one root, tags nested and closed, attributes quoted and not
 * repeated, only the five named entities and character references): the problem found first, or
 * undefined. A checker, not a parser: enough to catch a broken part of a package.
 */
export function xmlProblem(xml: string): string | undefined {
  const name = '[A-Za-z_][\\w.:-]*';
  const token = new RegExp(
    `<\\?[^]*?\\?>|<!--[^]*?-->|<!\\[CDATA\\[[^]*?\\]\\]>|<(/?)(${name})((?:\\s+${name}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>|<|[^<]+`,
    'g',
  );
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const open: string[] = [];
  let roots = 0;
  for (const match of xml.matchAll(token)) {
    const [all, close, tag, attributes, selfClosing] = match;
    if (all === '<') return `a "<" that starts no tag at ${match.index}: ${xml.slice(match.index, match.index + 60)}`;
    if (tag === undefined) {
      if (all.startsWith('<')) continue;
      if (entity.test(all)) return `a bare "&" at ${match.index}`;
      if (open.length === 0 && all.trim() !== '') return `text outside the root at ${match.index}`;
      continue;
    }
    if (close) {
      if (open.pop() !== tag) return `</${tag}> closes no open <${tag}> at ${match.index}`;
      continue;
    }
    const names = [...(attributes ?? '').matchAll(new RegExp(`(${name})\\s*=\\s*("[^"]*"|'[^']*')`, 'g'))];
    const seen = new Set<string>();
    for (const [, attribute, value] of names) {
      if (seen.has(attribute!)) return `<${tag}> has ${attribute} twice`;
      seen.add(attribute!);
      if (entity.test(value!)) return `a bare "&" in ${attribute} of <${tag}>`;
    }
    if (open.length === 0 && ++roots > 1) return `a second root <${tag}>`;
    if (!selfClosing) open.push(tag);
  }
  if (open.length > 0) return `<${open.at(-1)}> is never closed`;
  return roots === 1 ? undefined : 'no root element';
}
