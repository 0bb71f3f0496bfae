import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cacheKey } from '../pipeline/pdf-cache.js';
import { renderDeck } from '../render/deck.js';
import { renderPrintDeck } from '../render/print-deck.js';
import { deckFiles, REVEAL_CSS } from '../render/theme-files.js';
import type { MakeOutput } from './job.js';

const printPageFile = (name?: string) => `slides/.print${name ? `-${name}` : ''}.html`;

/** slides/: the reveal.js deck with everything it loads beside it. */
export const makeDeck: MakeOutput<'deck'> = async ({ prepared, run, request }) => {
  const { config, stacks, assets, staticPrint } = prepared;
  const deck = deckFiles(config.theme, config.deck);
  const html = renderDeck({ config, stacks, stylesheets: deck.stylesheets, live: request.live });
  run.stageFolder('slides', html, deck, assets);
  const printKey = cacheKey(run.printParts(prepared, 'slides.pdf', html), [...deck.files.map((f) => f.from), ...assets.map((a) => a.from)]);
  // What the browser opens to print or measure the slides: reveal.js's print layout written out
  // as a static page, or, for what only reveal.js can lay out, a copy of the deck in which only
  // rfc-brief's own scripts run. Beside the deck, so that it loads the same files.
  const printPage = (name?: string) => {
    const printHtml = staticPrint
      ? renderPrintDeck({ config, stacks, stylesheets: deck.stylesheets, revealCss: readFileSync(REVEAL_CSS, 'utf8') })
      : renderDeck({ config, stacks, stylesheets: deck.stylesheets, printNonce: randomBytes(16).toString('base64') });
    run.staging.write(printPageFile(name), printHtml);
    return run.printRequest(
      'slides',
      { ...(staticPrint ? {} : { query: 'print-pdf', readyEvent: 'pdf-ready' }), htmlPath: run.staging.path(printPageFile(name)) },
      stacks,
    );
  };
  return { printKey, printPage };
};

/** The print page is not a deliverable: removed once the slides are printed. */
export function removePrintPage(run: { readonly staging: { remove(rel: string): void } }, name?: string): void {
  run.staging.remove(printPageFile(name));
}
