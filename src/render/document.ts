import type { BriefConfig } from '../config/resolve.js';
import { escapeHtml } from './html.js';

/**
 * Whose scripts a page lets run (issue 12: the policy was written four times and patched by a
 * string replace in `serve`):
 * - `none`: no script at all (the static print page; the report and handout by default);
 * - `nonce`: only rfc-brief's own, each carrying the nonce (the deck printed through reveal.js);
 * - `content`: the content's too, as `allowScripts` asks;
 * - `live`: the page as `rfc-brief serve` shows it: the live-reload client may load from the
 *   server and connect back to it.
 */
export const SCRIPT_RULES = ['none', 'nonce', 'content', 'live'] as const;
export type ScriptRule = (typeof SCRIPT_RULES)[number];

export type PolicyRequest =
  | { readonly scripts: 'none' | 'content' }
  | { readonly scripts: 'nonce'; readonly nonce: string }
  /** `content`: the page was built with the content's scripts allowed, and they still run. */
  | { readonly scripts: 'live'; readonly content?: boolean | undefined };

export interface ContentPolicy {
  readonly scripts: ScriptRule;
  /** In the order they are written. */
  readonly directives: readonly string[];
}

/** What base64 (crypto.randomBytes(…).toString('base64')) writes: nothing that ends the attribute. */
const NONCE = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The Content-Security-Policy of a page. Whatever the scripts, no connection opens (WebSockets
 * and fetch() pass by the printer's request filter: the policy is what stops them), except back
 * to the server under `live`; no plugin runs and no <base> moves the page's relative URLs.
 */
export function contentPolicy(request: PolicyRequest): ContentPolicy {
  // No worker either: it would be a new target, out of the printer's request filter.
  const rest = ["object-src 'none'", "worker-src 'none'", "base-uri 'none'"];
  switch (request.scripts) {
    case 'none':
      return { scripts: 'none', directives: ["script-src 'none'", "connect-src 'none'", ...rest] };
    case 'nonce':
      if (!NONCE.test(request.nonce)) throw new Error(`a script nonce must be base64, not ${JSON.stringify(request.nonce)}`);
      return { scripts: 'nonce', directives: [`script-src 'nonce-${request.nonce}'`, "connect-src 'none'", ...rest] };
    case 'content':
      return { scripts: 'content', directives: ["connect-src 'none'", ...rest] };
    case 'live':
      return {
        scripts: 'live',
        directives: [...(request.content ? [] : ["script-src 'self'"]), "connect-src 'self'", ...rest],
      };
  }
}

/**
 * The report and handout have no script of their own: any script is the content's, and runs only
 * if allowed.
 */
export function printedPolicy({ allowScripts }: Pick<BriefConfig, 'allowScripts'>): ContentPolicy {
  return contentPolicy({ scripts: allowScripts ? 'content' : 'none' });
}

/** The <meta> element that carries a policy; the one place it is spelled. */
export function policyMeta(policy: ContentPolicy): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy.directives.join('; ')}">`;
}

/** Where `rfc-brief serve` serves its live-reload client. */
export const LIVE_CLIENT_PATH = '/__rfc-brief/client.js';

export interface DocumentInput {
  readonly lang: string;
  /** Classes of the <html> element (the print deck's reveal.js print state). */
  readonly htmlClass?: string | undefined;
  readonly title: string;
  /** A page read on screen declares its viewport and names its generator; a page only printed needs neither. */
  readonly screen?: boolean | undefined;
  /** `<meta name content>` pairs after the title, in order; one with no content is left out. */
  readonly meta?: Readonly<Record<string, string | undefined>> | undefined;
  /** The rest of <head>: stylesheets (stylesheetLinks) and styles. */
  readonly head: string;
  /** The <body> element, written out whole. */
  readonly body: string;
  /** Undefined only for the deck as a person opens it: a page they chose to open, scripts and all. */
  readonly policy: ContentPolicy | undefined;
  /**
   * The page as `rfc-brief serve` shows it: it loads the live-reload client, and a page with a
   * policy gets the live one, which lets that one script load from the server and connect back.
   * Rendered so, never patched into a built page afterwards.
   */
  readonly live?: boolean | undefined;
}

/** Every page rfc-brief writes (deck, print deck, report, handout): one doctype, one <head>. */
export function htmlDocument({
  lang,
  htmlClass,
  title,
  screen,
  meta = {},
  head,
  body: built,
  policy: printed,
  live,
}: DocumentInput): string {
  const policy = live && printed ? contentPolicy({ scripts: 'live', content: printed.scripts === 'content' }) : printed;
  const body = live ? built.replace(/<\/body>$/, `<script src="${LIVE_CLIENT_PATH}"></script>\n</body>`) : built;
  const classes = htmlClass ? ` class="${escapeHtml(htmlClass)}"` : '';
  const screenTags = screen
    ? '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="rfc-brief">\n'
    : '';
  const named = Object.entries(meta)
    .map(([name, content]) => (content ? `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">\n` : ''))
    .join('');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"${classes}>
<head>
<meta charset="utf-8">
${policy ? `${policyMeta(policy)}\n` : ''}${screenTags}<title>${escapeHtml(title)}</title>
${named}${head}
</head>
${body}
</html>
`;
}

/** One <link rel="stylesheet"> a line, in order. */
export function stylesheetLinks(hrefs: readonly string[]): string {
  return hrefs.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n');
}
