import { Marked, type Tokens } from 'marked';
import { calloutHtml } from './callouts.js';
import { isFigureKind, type FigureKind } from './figures.js';
import { parseCodeInfo } from './code-steps.js';
import { highlighter } from './highlight.js';
import { createSlugger, keepCommentsInListItems } from './marked4.js';
import { mathExtension, type Formula } from './math.js';

/**
 * The one Markdown renderer: GitHub-flavoured Markdown, code highlighted at build time so the deck
 * needs no highlighting script and the PDF shows the same colours. With `onMath`, TeX between
 * reveal.js's math delimiters is a formula (math.ts), read before any other Markdown rule.
 */
export function createMarked(
  onFigure?: (kind: FigureKind, token: Tokens.Code) => string,
  onCodeProblem?: (token: Tokens.Code, problem: string) => void,
  onMath?: (formula: Formula) => string,
): Marked {
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
      // `> [!NOTE]` and the other callout markers (callouts.ts); any other quotation as marked writes it.
      blockquote({ tokens, raw }: Tokens.Blockquote): string {
        const quotation = `<blockquote>\n${this.parser.parse(tokens)}</blockquote>\n`;
        return calloutHtml(quotation, raw) ?? quotation;
      },
      code(token: Tokens.Code): string {
        const info = parseCodeInfo(token.lang ?? '');
        if (onFigure && isFigureKind(info.language)) return onFigure(info.language, token);
        if (info.unread !== undefined)
          onCodeProblem?.(
            token,
            `"${info.unread}" after the code's language is not read as line numbers (reveal.js reads lines like [1|3-5]: digits, ranges, commas, and | between steps); the code is shown without them`,
          );
        return renderCode(token.text, info);
      },
    },
  });
  return marked;
}

/**
 * Code highlighted at build time. Line numbers and steps ("js [1|3-5]", "js [25: 1,4-8]") are
 * written as reveal.js's Markdown plugin writes them (data-line-numbers, data-ln-start-from); the
 * markdown stage lays the code out for them (code-lines.ts).
 */
function renderCode(text: string, { language, lineNumbers, startFrom }: ReturnType<typeof parseCodeInfo>): string {
  const hljs = language === '' ? undefined : highlighter(language);
  const body = hljs ? hljs.highlight(text, { language: language.toLowerCase(), ignoreIllegals: true }).value : escapeHtml(text);
  const langClass = language ? ` language-${escapeHtml(language)}` : '';
  const lines = lineNumbers === undefined ? '' : ` data-line-numbers="${escapeHtml(lineNumbers)}"`;
  const start = startFrom === undefined ? '' : ` data-ln-start-from="${escapeHtml(startFrom)}"`;
  return `<pre><code class="hljs${langClass}"${lines}${start}>${body}</code></pre>\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One line of Markdown (a source, a caption) as inline HTML. */
export function renderInline(markdown: string): string {
  return createMarked().parseInline(markdown, { async: false });
}
