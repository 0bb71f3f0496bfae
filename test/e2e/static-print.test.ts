import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { readBriefing } from '../../src/pipeline/read-briefing.js';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { printPage } from '../../src/browser/print.js';
import { LAYOUT_NAMES } from '../../src/markdown/layouts.js';
import { staticPrintRefusal } from '../../src/render/print-deck.js';
import { run } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { pagePixels, readPdf } from '../helpers/pdf.js';

// Everything the static print page writes out in reveal.js's place: the title slide and its
// state, fragments (one that fades out), slide background colours dark and light, a vertical
// stack, a hidden slide, a table, code, an image, the slide numbers.
const DECK = `---
title: Static print
author: Ann
theme: THEME
---

## Fragments

- always
- <!-- .element: class="fragment" --> appears
- <!-- .element: class="fragment fade-out" --> fades out
- <!-- .element: class="fragment highlight-red" --> turns red

---

<!-- .slide: data-background-color="#102030" -->

## On a dark background

Text on it

---

<!-- .slide: data-background-color="rgb(250, 240, 200)" -->

## On a light background

----

## Below it

| a | b |
|---|---|
| 1 | 2 |

---

<!-- .slide: data-visibility="hidden" -->

## Hidden

---

## Code and a picture

\`\`\`js
const answer = 42;
\`\`\`

![a square](square.svg)
`;

const SQUARE = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" fill="#c33"/></svg>';

describe("the static print page and reveal.js's own print layout", () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-static-'));
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
  beforeAll(() => {
    for (const theme of ['light', 'dark']) {
      mkdirSync(join(dir, theme));
      writeFileSync(join(dir, theme, 'deck.md'), DECK.replace('THEME', theme));
      writeFileSync(join(dir, theme, 'square.svg'), SQUARE);
      // Every layout and callout (issue 17): what the static page writes must be what reveal.js lays out.
      const layouts = join(dir, `layouts-${theme}`);
      cpSync(fixture('layouts'), layouts, { recursive: true });
      const deck = join(layouts, 'deck.md');
      writeFileSync(deck, readFileSync(deck, 'utf8').replace('theme: light', `theme: ${theme}`));
    }
  });
  afterAll(() => browser.dispose());

  /** Our slides.pdf and reveal.js's own print of the same deck, page by page as pixels. */
  async function bothPrints(folder: string): Promise<{ ours: Buffer[]; theirs: Buffer[]; out: string }> {
    const briefing = readBriefing(join(dir, folder), dir);
    expect(staticPrintRefusal(briefing.config, briefing.stacks)).toBeUndefined();
    const out = join(dir, `${folder}-out`);
    const result = await run(['build', folder, '--out', out, '--only', 'deck,slides'], dir);
    expect(result.code, result.stderr).toBe(0);
    // reveal.js lays out the same deck (its own page, script and all) and it is printed too.
    const warnings: Diagnostic[] = [];
    const revealPdf = join(dir, `${folder}-reveal.pdf`);
    const bytes = await printPage(
      browser,
      {
        htmlPath: join(out, 'slides/index.html'),
        allowedDir: join(out, 'slides'),
        query: 'print-pdf',
        readyEvent: 'pdf-ready',
        timeoutMs: 60_000,
      },
      warnings,
    );
    writeFileSync(revealPdf, bytes);
    return { ours: pagePixels(join(out, 'slides.pdf')), theirs: pagePixels(revealPdf), out };
  }

  it.each(['light', 'dark'])('print the same pixels (%s theme)', async (theme) => {
    const { ours, theirs, out } = await bothPrints(theme);
    // Title, fragments, dark, light, below it, code: the hidden slide is left out by both.
    expect(ours).toHaveLength(6);
    expect(theirs).toHaveLength(6);
    ours.forEach((page, index) => expect(page.equals(theirs[index] as Buffer), `page ${index + 1}`).toBe(true));
    const text = (await readPdf(join(out, 'slides.pdf'))).pages;
    expect(text[1]).toContain('fades out');
    expect(text.join(' ')).not.toContain('Hidden');
  });

  it.each(['light', 'dark'])('print the same pixels for every layout and callout (%s theme)', async (theme) => {
    const { ours, theirs, out } = await bothPrints(`layouts-${theme}`);
    const deck = readFileSync(join(out, 'slides/index.html'), 'utf8');
    for (const layout of LAYOUT_NAMES) expect(deck).toContain(`data-layout="${layout}"`);
    expect(deck).toContain('data-callout="decision"');
    expect(ours).toHaveLength(10);
    expect(theirs).toHaveLength(10);
    ours.forEach((page, index) => expect(page.equals(theirs[index] as Buffer), `page ${index + 1}`).toBe(true));
  });
});
