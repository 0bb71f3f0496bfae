import { Marked, type Tokens } from 'marked';
import { isFigureKind, type FigureKind } from './figures.js';
import { highlighter } from './highlight.js';
import { createSlugger, keepCommentsInListItems } from './marked4.js';
import { mathExtension, type Formula } from './math.js';

/**
 * The one Markdown renderer: GitHub-flavoured Markdown, code highlighted at build time so the deck
 * needs no highlighting script and the PDF shows the same colours. With `onMath`, TeX between
 * reveal.js's math delimiters is a formula (math.ts), read before any other Markdown rule.
 */
export function createMarked(onFigure?: (kind: FigureKind, token: Tokens.Code) => string, onMath?: (formula: Formula) => string): Marked {
  const marked = new Marked({ gfm: true });
  if (onMath) marked.use(mathExtension(onMath));
  const slugger = createSlugger();
  marked.use({
    // One document per parse (a slide, its notes): ids repeat across slides, as in reveal-md.
    hooks: {
      preprocess(markdown: string): string {
        slugger.reset();
        return keepCommentsInListItems(markdown);
      },
    },
    renderer: {
      heading({ tokens, depth }: Tokens.Heading): string {
        const id = slugger.slug(this.parser.parseInline(tokens, this.parser.textRenderer));
        return `<h${depth}${id ? ` id="${escapeHtml(id)}"` : ''}>${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      code(token: Tokens.Code): string {
        const lang = parseInfo(token.lang ?? '').language;
        if (onFigure && isFigureKind(lang)) return onFigure(lang, token);
        return renderCode(token.text, token.lang ?? '');
      },
    },
  });
  return marked;
}

/**
 * Info strings as reveal.js writes them: "js [1|3-5]" or "js [1-2]": language, then the lines to
 * highlight (kept as data-line-numbers for reveal.js's own conventions).
 */
export function parseInfo(info: string): { language: string; lineNumbers: string | undefined } {
  const match = /^\s*([^\s[]*)\s*(?:\[([^\]]*)\])?/.exec(info);
  return { language: match?.[1] ?? '', lineNumbers: match?.[2] };
}

function renderCode(text: string, info: string): string {
  const { language, lineNumbers } = parseInfo(info);
  const hljs = language === '' ? undefined : highlighter(language);
  const body = hljs ? hljs.highlight(text, { language: language.toLowerCase(), ignoreIllegals: true }).value : escapeHtml(text);
  const langClass = language ? ` language-${escapeHtml(language)}` : '';
  const lines = lineNumbers === undefined ? '' : ` data-line-numbers="${escapeHtml(lineNumbers)}"`;
  return `<pre><code class="hljs${langClass}"${lines}>${body}</code></pre>\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One line of Markdown (a source, a caption) as inline HTML. */
export function renderInline(markdown: string): string {
  return createMarked().parseInline(markdown, { async: false });
}
