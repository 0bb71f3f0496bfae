import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTES_SEPARATOR, DEFAULT_SEPARATOR, DEFAULT_VERTICAL_SEPARATOR } from '../../src/config/defaults.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { parseSlides } from '../../src/markdown/parse.js';
import { renderDeck } from '../../src/render/deck.js';
import { contentPolicy, htmlDocument, LIVE_CLIENT_PATH, policyMeta, type ContentPolicy } from '../../src/render/document.js';
import { renderHandout } from '../../src/render/handout.js';
import { renderPrintDeck } from '../../src/render/print-deck.js';
import { renderReport } from '../../src/render/report.js';

const text = (policy: ContentPolicy) => policy.directives.join('; ');

describe('contentPolicy', () => {
  it("'none': no script, no connection", () => {
    expect(text(contentPolicy({ scripts: 'none' }))).toBe(
      "script-src 'none'; connect-src 'none'; object-src 'none'; worker-src 'none'; base-uri 'none'",
    );
  });

  it("'nonce': only scripts carrying the nonce, no connection", () => {
    expect(text(contentPolicy({ scripts: 'nonce', nonce: 'ab+/9Q==' }))).toBe(
      "script-src 'nonce-ab+/9Q=='; connect-src 'none'; object-src 'none'; worker-src 'none'; base-uri 'none'",
    );
  });

  it('refuses a nonce that is not base64: it is written into the policy as it is', () => {
    expect(() => contentPolicy({ scripts: 'nonce', nonce: "x' 'unsafe-inline" })).toThrow(/base64/);
    expect(() => contentPolicy({ scripts: 'nonce', nonce: '' })).toThrow(/base64/);
  });

  it("'content': the content's scripts run, still no connection", () => {
    expect(text(contentPolicy({ scripts: 'content' }))).toBe("connect-src 'none'; object-src 'none'; worker-src 'none'; base-uri 'none'");
  });

  it("'live': scripts from the server and connections back to it, and the content's scripts only if the page allowed them", () => {
    expect(text(contentPolicy({ scripts: 'live' }))).toBe(
      "script-src 'self'; connect-src 'self'; object-src 'none'; worker-src 'none'; base-uri 'none'",
    );
    expect(text(contentPolicy({ scripts: 'live', content: true }))).toBe(
      "connect-src 'self'; object-src 'none'; worker-src 'none'; base-uri 'none'",
    );
  });
});

describe('htmlDocument for serve (live)', () => {
  const page = (policy: ContentPolicy | undefined, live = false) =>
    htmlDocument({ lang: 'en', title: 'T', head: '', body: '<body>\n</body>', policy, live });
  const client = `<script src="${LIVE_CLIENT_PATH}"></script>\n</body>`;

  it('gives a page built with no scripts the live policy and the client, and nothing else changes', () => {
    expect(page(contentPolicy({ scripts: 'none' }), true)).toBe(page(contentPolicy({ scripts: 'live' })).replace('</body>', client));
  });

  it("keeps the content's scripts running on a page built with them allowed", () => {
    expect(page(contentPolicy({ scripts: 'content' }), true)).toContain(policyMeta(contentPolicy({ scripts: 'live', content: true })));
  });

  it('gives a page without a policy the client only', () => {
    expect(page(undefined, true)).toBe(page(undefined).replace('</body>', client));
  });
});

describe('htmlDocument', () => {
  it('writes the doctype, the language, the policy first in <head>, the title and the named meta tags, escaped', () => {
    const html = htmlDocument({
      lang: 'de"',
      htmlClass: 'print',
      title: 'A <b> & "c"',
      screen: true,
      meta: { author: 'A & B', description: undefined, keywords: '' },
      head: '<link rel="stylesheet" href="x.css">',
      body: '<body>\n<p>hi</p>\n</body>',
      policy: contentPolicy({ scripts: 'none' }),
    });
    expect(html).toBe(`<!doctype html>
<html lang="de&quot;" class="print">
<head>
<meta charset="utf-8">
${policyMeta(contentPolicy({ scripts: 'none' }))}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rfc-brief">
<title>A &lt;b&gt; &amp; &quot;c&quot;</title>
<meta name="author" content="A &amp; B">
<link rel="stylesheet" href="x.css">
</head>
<body>
<p>hi</p>
</body>
</html>
`);
  });
});

describe('the policy of each document', () => {
  const seps = { horizontal: DEFAULT_SEPARATOR, vertical: DEFAULT_VERTICAL_SEPARATOR, notes: DEFAULT_NOTES_SEPARATOR };
  const documents = (allowScripts: boolean) => {
    const data = { title: 'Brief' };
    const { config } = resolveConfig({ root: '/', allowScripts }, [{ data, file: 'a.md', keyLines: {}, warnUnknown: true }]);
    const { stacks } = parseSlides([{ path: 'a.md', text: '## One\n\n---\n\n## Two', firstLine: 1 }], seps);
    const input = { config, stacks, stylesheets: [] };
    return {
      deck: renderDeck(input),
      printedDeck: renderDeck({ ...input, printNonce: 'bm9uY2U=' }),
      printDeck: renderPrintDeck({ ...input, revealCss: '' }),
      report: renderReport({ ...input, sourcesHtml: [] }).html,
      handout: renderHandout({ ...input, layout: config.handout }).html,
    };
  };
  const policyOf = (html: string) => {
    const found = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g) ?? [];
    expect(found.length).toBeLessThanOrEqual(1);
    // First in <head>: nothing before it loads under another policy.
    if (found[0]) expect(html).toContain(`<head>\n<meta charset="utf-8">\n${found[0]}\n`);
    return found[0];
  };
  const meta = (policy: ContentPolicy) => policyMeta(policy);

  it('by default: none in the deck a person opens, the nonce in its printed copy, no script at all elsewhere', () => {
    const docs = documents(false);
    expect(policyOf(docs.deck)).toBeUndefined();
    expect(policyOf(docs.printedDeck)).toBe(meta(contentPolicy({ scripts: 'nonce', nonce: 'bm9uY2U=' })));
    expect(docs.printedDeck).toContain('<script nonce="bm9uY2U=" src="lib/reveal/reveal.js">');
    for (const html of [docs.printDeck, docs.report, docs.handout]) expect(policyOf(html)).toBe(meta(contentPolicy({ scripts: 'none' })));
  });

  it("with allowScripts: the content's scripts run while printing, except in the static print page, which has none to run", () => {
    const docs = documents(true);
    expect(policyOf(docs.deck)).toBeUndefined();
    for (const html of [docs.printedDeck, docs.report, docs.handout])
      expect(policyOf(html)).toBe(meta(contentPolicy({ scripts: 'content' })));
    expect(policyOf(docs.printDeck)).toBe(meta(contentPolicy({ scripts: 'none' })));
  });
});
