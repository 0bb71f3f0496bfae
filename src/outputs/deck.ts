import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PrintRequest } from '../browser/print.js';
import { cacheKey } from '../pipeline/pdf-cache.js';
import { joinDeck, renderDeck, renderDeckParts } from '../render/deck.js';
import { renderPrintDeck } from '../render/print-deck.js';
import { deckFiles, REVEAL_CSS } from '../render/theme-files.js';
import { usesMath, withMath } from '../render/math-files.js';
import type { MakeOutput } from './job.js';
import { measurePrintPage } from './measure-print-page.js';
import { PrintTab } from './print-tab.js';
import { PRINT_READY_EVENT } from '../render/print-centre.js';

/** The page the slides are printed from, beside the deck (it loads the same files); not a deliverable. */
const PRINT_PAGE = 'slides/.print.html';

/** slides/: the reveal.js deck with everything it loads beside it. */
export const makeDeck: MakeOutput<'deck'> = async ({ prepared, run, request }) => {
  const { config, stacks, assets, staticPrint } = prepared;
  const deck = withMath(deckFiles(config.theme, config.deck), usesMath(stacks));
  const parts = renderDeckParts({ config, stacks, stylesheets: deck.stylesheets, live: request.live });
  // serve patches the open pages now, while the rest of the build writes the files.
  request.onDeck?.({ parts, assets: assets.map((asset) => asset.to), ownScripts: config.deck.scripts.length > 0 });
  const html = joinDeck(parts);
  run.stageFolder('slides', html, deck, assets);
  const printKey = cacheKey(run.printParts(prepared, 'slides.pdf', html), [...deck.files.map((f) => f.from), ...assets.map((a) => a.from)]);
  // What the browser opens to print or measure the slides: reveal.js's print layout written out
  // as a static page, or, for what only reveal.js can lay out, a copy of the deck in which only
  // rfc-brief's own scripts run. Written when first asked for, removed once every output is made.
  let written: PrintRequest | undefined;
  const printPage = (): PrintRequest => {
    if (written) return written;
    const printHtml = staticPrint
      ? renderPrintDeck({ config, stacks, stylesheets: deck.stylesheets, revealCss: readFileSync(REVEAL_CSS, 'utf8') })
      : renderDeck({ config, stacks, stylesheets: deck.stylesheets, printNonce: randomBytes(16).toString('base64') });
    run.staging.write(PRINT_PAGE, printHtml);
    run.atEnd(() => run.staging.remove(PRINT_PAGE));
    written = run.printRequest(
      'slides',
      {
        ...(staticPrint ? {} : { query: 'print-pdf', readyEvent: PRINT_READY_EVENT }),
        htmlPath: run.staging.path(PRINT_PAGE),
        fitFigures: true,
      },
      stacks,
    );
    return written;
  };
  let tab: PrintTab | undefined;
  const printTab = (): PrintTab => {
    if (tab) return tab;
    const opened = new PrintTab(run.browser('print the PDFs'), printPage(), (page, found) => measurePrintPage(page, prepared, found));
    run.atEnd(() => opened.close());
    tab = opened;
    return tab;
  };
  return { printKey, printPage, printTab };
};
