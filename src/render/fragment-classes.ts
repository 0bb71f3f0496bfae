import { orderFragments } from '../markdown/fragments.js';

/**
 * The classes reveal.js's print layout gives a slide's fragments, written into the slide's HTML
 * for the static print page: every start tag that is a fragment (class "fragment") gets the
 * classes of the state it prints in.
 */

/** A start tag, its attributes read one by one so that a ">" inside a quoted value is no end. */
const START_TAG = /(<[a-zA-Z][^\s/>]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?>)/g;
const ATTRIBUTE = /(\s+)([^\s"'=<>/]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/** A fragment's start tag: its classes and its data-fragment-index as written. */
interface FragmentTag {
  readonly classes: readonly string[];
  readonly index: string | undefined;
}

/** reveal.js's print layout shows every fragment but the ones that fade out: class "visible". */
export function showFragments(html: string): string {
  return rewriteFragments(html, ({ classes }) => (classes.includes('fade-out') ? [] : ['visible']));
}

/**
 * The slide as reveal.js prints it with pdfSeparateFragments, at `step`: 0 before any fragment
 * shows, k once the k-th step has (class "visible" on the fragments of steps 1..k, and
 * "current-fragment" on those of step k). `after` is HTML that follows the slide's in the deck
 * (its notes): its fragments take steps too, though it is not printed.
 */
export function showFragmentStep(html: string, step: number, after = ''): string {
  const { stepOf } = orderFragments([...fragmentTags(html), ...fragmentTags(after)].map((tag) => tag.index));
  let ordinal = 0;
  return rewriteFragments(html, () => {
    const at = stepOf[ordinal++];
    if (at === undefined || at >= step) return [];
    return at === step - 1 ? ['visible', 'current-fragment'] : ['visible'];
  });
}

function fragmentTags(html: string): FragmentTag[] {
  const tags: FragmentTag[] = [];
  rewriteFragments(html, (tag) => {
    tags.push(tag);
    return [];
  });
  return tags;
}

/** Every fragment's start tag, in document order, given the classes `add` returns for it. */
function rewriteFragments(html: string, add: (tag: FragmentTag) => readonly string[]): string {
  if (!html.includes('fragment')) return html;
  return html.replace(START_TAG, (tag, start: string, attributes: string, end: string) => {
    if (!attributes.includes('fragment')) return tag;
    let classes: string[] | undefined;
    let index: string | undefined;
    for (const [, , name = '', , raw] of attributes.matchAll(ATTRIBUTE)) {
      const lower = name.toLowerCase();
      if (lower === 'class' && classes === undefined && raw !== undefined) classes = unquote(raw).split(/\s+/);
      if (lower === 'data-fragment-index' && index === undefined) index = raw === undefined ? '' : unquote(raw);
    }
    if (!classes?.includes('fragment')) return tag;
    const added = add({ classes, index }).filter((name) => !classes?.includes(name));
    if (added.length === 0) return tag;
    let done = false;
    const shown = attributes.replace(ATTRIBUTE, (attribute, space: string, name: string, equals?: string, raw?: string) => {
      if (done || name.toLowerCase() !== 'class' || equals === undefined || raw === undefined) return attribute;
      done = true;
      const quoted = raw.startsWith('"') || raw.startsWith("'");
      const quote = quoted ? raw.charAt(0) : '"';
      return `${space}${name}${equals}${quote}${unquote(raw)} ${added.join(' ')}${quote}`;
    });
    return `${start}${shown}${end}`;
  });
}

function unquote(raw: string): string {
  return raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
}
