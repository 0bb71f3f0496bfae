// Generated inputs for the benchmark: a Markdown deck of N slides that every contender reads
// (reveal-md's and Marp's `---` separators, no front matter, no speaker notes), and the floor's
// plain static page made from rfc-brief's own deck of it.
//
// The text is deterministic (a seeded generator), so every run and every machine prints the same
// deck. Slides cycle through four kinds: a bullet list, a table, a code block, and a heading with
// a numbered list and a paragraph; each fits one 16:9 slide in rfc-brief's light theme.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const WORDS = (
  'hypervisor guest emulator ring page table exit latency privilege boundary memory device timer ' +
  'interrupt controller decoder instruction domain vcpu sandbox mode trap fault handler call stack ' +
  'review proposal measure result cost risk patch series mailing list advisory security isolation ' +
  'context switch kernel user shadow mapping register state budget overhead baseline'
).split(' ');

/** A small seeded PRNG (mulberry32): the same deck on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(rand, count) {
  return Array.from({ length: count }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
}

const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

const CODE = [
  [
    'js',
    (r) => `function ${words(r, 1)}Cost(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  // ${words(r, 5)}
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}`,
  ],
  [
    'python',
    (r) => `def ${words(r, 1)}_exits(trace, limit=64):
    """${capital(words(r, 5))}."""
    counts = {}
    for event in trace:
        counts[event.kind] = counts.get(event.kind, 0) + 1
    return sorted(counts.items())[:limit]`,
  ],
  [
    'c',
    (r) => `static int ${words(r, 1)}_enter(struct vcpu *v, unsigned long rip)
{
    /* ${words(r, 5)} */
    if ( !v->arch.depriv_ok )
        return -EPERM;
    return depriv_call(v, rip, DEPRIV_STACK_SIZE);
}`,
  ],
];

/** One slide's Markdown; `index` counts from 1. */
function slide(index, rand) {
  const title = `## ${index}. ${capital(words(rand, 3))}`;
  switch (index % 4) {
    case 1:
      return [
        title,
        '',
        ...Array.from({ length: 5 }, () => `- ${capital(words(rand, 4))} **${words(rand, 1)}** \`${words(rand, 1)}\``),
      ].join('\n');
    case 2: {
      const rows = Array.from(
        { length: 4 },
        (_, row) => `| ${capital(words(rand, 2))} | ${row * 17 + index} | ${words(rand, 2)} | ${(rand() * 100).toFixed(1)} % |`,
      );
      return [title, '', '| Area | Count | Note | Share |', '| --- | ---: | --- | ---: |', ...rows].join('\n');
    }
    case 3: {
      const [lang, body] = CODE[index % CODE.length];
      return [title, '', `${capital(words(rand, 8))}:`, '', '```' + lang, body(rand), '```'].join('\n');
    }
    default:
      return [
        title,
        '',
        `### ${capital(words(rand, 4))}`,
        '',
        ...Array.from({ length: 3 }, (_, i) => `${i + 1}. ${capital(words(rand, 6))}`),
        '',
        `${capital(words(rand, 14))}.`,
      ].join('\n');
  }
}

/**
 * One slide of the mixed deck (#19 goal 1: "a deck with code, tables, layouts and math"): the
 * features of #17 that change what the print page holds. Slides cycle through a two-column layout
 * (50/50, a list beside a table), a callout with inline math, display math, code steps, a
 * two-column slide with code beside a callout, and a plain table. Written as rfc-brief reads them;
 * a build without those features prints the markers as they are (a comment, a quote, `$` text),
 * so the deck builds before and after they land. Every slide is kept short enough to fit either way.
 */
function mixedSlide(index, rand) {
  const title = `## ${index}. ${capital(words(rand, 3))}`;
  const item = () => `- ${capital(words(rand, 3))} **${words(rand, 1)}**`;
  const row = (n) => `| ${capital(words(rand, 1))} | ${n * 13 + index} | ${(rand() * 100).toFixed(1)} % |`;
  const table = ['| Area | Count | Share |', '| --- | ---: | ---: |', row(1), row(2), row(3)];
  switch (index % 6) {
    case 1:
      return ['<!-- layout: two-cols 50/50 -->', title, '', item(), item(), item(), '', '<!-- ::right:: -->', '', ...table].join('\n');
    case 2:
      return [
        title,
        '',
        '> [!NOTE]',
        `> ${capital(words(rand, 8))}.`,
        '',
        `The cost is $O(n \\log n)$ for $n = ${index}$ ${words(rand, 2)}, and $\\alpha_${(index % 9) + 1} \\le 1$.`,
      ].join('\n');
    case 3:
      return [
        title,
        '',
        `${capital(words(rand, 6))}:`,
        '',
        '$$',
        `T(n) = \\sum_{k=1}^{n} \\frac{c_k}{2^k} + ${index}`,
        '$$',
        '',
        `${capital(words(rand, 8))}.`,
      ].join('\n');
    case 4:
      return [title, '', '```js [1|3-5]', CODE[0][1](rand), '```'].join('\n');
    case 5:
      return [
        '<!-- layout: two-cols -->',
        title,
        '',
        '```python',
        `def ${words(rand, 1)}(x):`,
        '    return x * 2',
        '```',
        '',
        '<!-- ::right:: -->',
        '',
        '> [!WARNING]',
        `> ${capital(words(rand, 6))}.`,
      ].join('\n');
    default:
      return [title, '', ...table, row(4)].join('\n');
  }
}

/** The Markdown of a deck of `count` slides (`mixed`: the deck with layouts, callouts, math, code steps). */
export function deckMarkdown(count, { mixed = false } = {}) {
  const rand = random(count * 7919 + (mixed ? 23 : 17));
  const make = mixed ? mixedSlide : slide;
  return Array.from({ length: count }, (_, i) => make(i + 1, rand)).join('\n\n---\n\n') + '\n';
}

/** Writes `deck.md` with `count` slides into `dir` and returns its path. */
export function writeDeck(dir, count, options) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'deck.md');
  writeFileSync(path, deckMarkdown(count, options));
  return path;
}

/**
 * The floor's page: rfc-brief's own deck (same slide HTML, same theme CSS and fonts, the same
 * styles written into its head) with no script and without reveal.js's stylesheet, one <section> per 1280x720 page. It is written
 * beside the deck's index.html so that its stylesheets and fonts load from the same folder.
 */
export function writeFloorPage(deckHtmlPath) {
  const html = readFileSync(deckHtmlPath, 'utf8');
  const head = html.slice(0, html.indexOf('</head>'));
  const links = [...head.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)]
    .map((m) => m[1])
    .filter((href) => !href.includes('reveal/reveal.css'));
  // Styles written into the head (a build may inline some: KaTeX's, a layout's) come along too.
  const styles = [...head.matchAll(/<style[^>]*>[\s\S]*?<\/style>/g)].map((m) => m[0]);
  const start = html.indexOf('<div class="slides">') + '<div class="slides">'.length;
  const end = html.lastIndexOf('</div></div>');
  // Vertical stacks flatten to their slides: one page per slide, as in the slides PDF.
  const slides = html
    .slice(start, end)
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '');
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>floor</title>
${links.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
${styles.join('\n')}
<style>
@page { size: 1280px 720px; margin: 0; }
html, body { margin: 0; padding: 0; background: var(--brief-bg, #fff); }
.reveal .slides section:not(.stack) { display: block; position: relative; width: 1280px; height: 720px !important; overflow: hidden; break-after: page; }
.reveal .slides section.stack { display: contents; }
</style>
</head>
<body>
<div class="reveal"><div class="slides">
${slides.replace(/<section>\n(?=<section)/g, '<section class="stack">\n')}
</div></div>
</body>
</html>
`;
  const path = join(dirname(deckHtmlPath), 'floor.html');
  writeFileSync(path, page);
  return path;
}

// `node bench/generate.mjs 200 /tmp/deck [--mixed]` writes one deck by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const mixed = process.argv.includes('--mixed');
  const [count = '12', dir] = process.argv.slice(2).filter((arg) => arg !== '--mixed');
  const n = Number(count);
  console.log(writeDeck(dir ?? `bench/out/gen-${mixed ? 'mixed-' : ''}${n}`, n, { mixed }));
}
