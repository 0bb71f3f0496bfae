// What the checks of a build cost that build-report.json does not time on their own (#19 goal 6).
// The overflow and missing-glyph measurement is a stage of its own ("measure"); the cheap checks
// (missing files, broken links, required sections, alt text, notes present) run inside the
// "figures" → outputs gap of prepare() untimed, and the handout's notes fit (notes that do not fit
// their frame) runs inside "handout.pdf". This script runs those same compiled functions, once
// each, cold, in a fresh Node process on the same input, and writes their times as JSON:
//
//   node bench/checks.mjs <deck.md or briefing folder> <out.json>
//
// It is run from the benchmark's snapshot of rfc-brief (bench/out/rfc-brief/bench/), so `../build`
// is the program under test. A part that cannot run (a module moved) is left out with the reason.

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BUILD = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const load = (path) => import(pathToFileURL(join(BUILD, path)).href);
const firstLine = (error) => String(error?.message ?? error).split('\n')[0];
const ms = (since) => Math.round((performance.now() - since) * 10) / 10;

async function cheapChecks(input, result) {
  const { readBriefing } = await load('pipeline/read-briefing.js');
  const { lintBriefing } = await load('check/lint.js');
  const { resolveAssets } = await load('content/assets.js');
  const briefing = readBriefing(resolve(input), process.cwd());
  // As prepare() runs them: every asset the slides name found on disk, then the lint.
  let t = performance.now();
  resolveAssets(
    briefing.loaded.root,
    briefing.stacks.flatMap((stack) => stack.flatMap((slide) => slide.assets)),
  );
  result.assetsMs = ms(t);
  t = performance.now();
  lintBriefing({ config: briefing.config, stacks: briefing.stacks });
  result.lintMs = ms(t);
  return briefing;
}

/**
 * The handout's notes fit, on the handout page opened as the build opens it: the shrink pass
 * (a copy of print-handout.ts's shrinkNotes, which is not exported) and continueNotes.
 */
async function notesFit(briefing, result) {
  const { renderHandout } = await load('render/handout.js');
  const { handoutFiles } = await load('render/theme-files.js');
  const { openForPrint } = await load('browser/print.js');
  const { continueNotes } = await load('outputs/continue-notes.js');
  const { Browser } = await load('browser/browser.js');
  const { findBrowser } = await load('browser/find-browser.js');
  const files = handoutFiles();
  const { config, stacks } = briefing;
  const handout = renderHandout({ config, stacks, layout: config.handout, stylesheets: files.stylesheets });
  const dir = mkdtempSync(join(tmpdir(), 'bench-handout-'));
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 120_000);
  try {
    writeFileSync(join(dir, 'index.html'), handout.html);
    for (const file of files.files) {
      mkdirSync(dirname(join(dir, file.to)), { recursive: true });
      if (file.text === undefined) cpSync(file.from, join(dir, file.to));
      else writeFileSync(join(dir, file.to), file.text);
    }
    await browser.withPage(async (page) => {
      await openForPrint(page, { htmlPath: join(dir, 'index.html'), allowedDir: dir, timeoutMs: 120_000 }, []);
      const t = performance.now();
      await page.evaluate((minPt) => {
        for (const notes of document.querySelectorAll('.notes:not(.empty)')) {
          let size = parseFloat(getComputedStyle(notes).fontSize) * 0.75;
          while (notes.scrollHeight > notes.clientHeight + 1 && size > minPt) {
            size = Math.max(minPt, size - 0.5);
            notes.style.fontSize = `${size}pt`;
          }
          if (notes.scrollHeight > notes.clientHeight + 1) notes.style.fontSize = '';
        }
      }, 8);
      await continueNotes(page);
      result.notesFitMs = ms(t);
    });
  } finally {
    await browser.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

const [input, out] = process.argv.slice(2);
const result = {};
let briefing;
try {
  briefing = await cheapChecks(input, result);
} catch (error) {
  result.cheapError = firstLine(error);
}
if (briefing) {
  try {
    await notesFit(briefing, result);
  } catch (error) {
    result.notesFitError = firstLine(error);
  }
}
writeFileSync(out, `${JSON.stringify(result)}\n`);
