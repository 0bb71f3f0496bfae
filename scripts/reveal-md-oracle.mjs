// What reveal-md itself makes of every deck of the corpus (test/fixtures/corpus, a copy of
// ../shared/corpus), written to test/fixtures/reveal-md-oracle.json for
// test/corpus-reveal-md.test.ts to compare rfc-brief's decks with.
//
// How it was measured (reveal-md 6.1.4, which bundles reveal.js 5.1.0):
//   mkdir -p /tmp/rmd && cd /tmp/rmd && PUPPETEER_SKIP_DOWNLOAD=1 npm install reveal-md@6.1.4
//   node scripts/reveal-md-oracle.mjs /tmp/rmd/node_modules/.bin/reveal-md
// For each deck (every .md file of the corpus but its README.md), the deck's folder is copied to a
// scratch folder, and `reveal-md FILE --static OUT` runs inside the copy, so that reveal-md reads the
// folder's reveal-md.json and reveal.json as it does for the deck's author. reveal-md 6 aborts on a
// css, scripts or staticDirs entry that is missing, on a template or preprocessor that is missing,
// and on a highlightTheme highlight.js 11 does not have: the copy gets an empty placeholder for each
// missing file or folder, and the missing template, preprocessor or highlightTheme key is dropped
// from the copy's reveal-md.json (what each SOURCE.txt lists as "oracle-only changes"). The corpus
// itself is never changed. The page reveal-md wrote is opened in the system Chromium with every
// request off this machine refused, and read once Reveal.isReady():
//   total       Reveal.getTotalSlides()
//   horizontal  Reveal.getHorizontalSlides().length
//   notes       how many slides' Reveal.getSlideNotes() have text
//   headings    for every slide (Reveal.getSlides()), the text of its first h1-h6, whitespace collapsed
//   fragments   how many .fragment elements the slides hold (the highlight plugin's code-step copies
//               included), and codeFragments how many of them are those copies (pre code.fragment)
//   separatePages  the pages of reveal.js's print layout (?print-pdf) with pdfSeparateFragments
//               (given in the query, as reveal.js reads it): a page per slide and one per fragment step
// Optional second argument: the Chromium to use (default: /usr/lib/chromium/chromium-headless-shell,
// else CHROME_PATH).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSON5 from 'json5';
import { parse as parseYaml } from 'yaml';
import puppeteer from 'puppeteer-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'test/fixtures/corpus');
const OUT = process.env.ORACLE_OUT ?? join(ROOT, 'test/fixtures/reveal-md-oracle.json');
const revealMd = process.argv[2];
const chromium =
  process.argv[3] ??
  (existsSync('/usr/lib/chromium/chromium-headless-shell') ? '/usr/lib/chromium/chromium-headless-shell' : process.env.CHROME_PATH);
if (!revealMd || !chromium) {
  console.error('usage: node scripts/reveal-md-oracle.mjs PATH/TO/reveal-md [chromium]');
  process.exit(2);
}
const highlightStyles = join(dirname(dirname(revealMd)), 'highlight.js', 'styles');

function decks(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return decks(path);
    // The corpus's own README and the decks' licences are no decks (bugli-collaborazione's deck is its README.md).
    if (!entry.name.endsWith('.md') || /^licen[cs]e/i.test(entry.name) || path === join(CORPUS, 'README.md')) return [];
    return [path];
  });
}

/** reveal-md's list settings: an array, or one string of comma-separated entries. */
const list = (value) => (typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : []);
const isRemote = (path) => /^[a-z]+:\/\//i.test(path);

function frontMatter(markdown) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown);
  if (!match) return {};
  try {
    return parseYaml(match[1]) ?? {};
  } catch {
    return {};
  }
}

/** The scratch copy reveal-md needs to run at all: placeholders and dropped keys, as SOURCE.txt says. */
function prepare(copy, file) {
  const configFile = join(copy, 'reveal-md.json');
  const config = existsSync(configFile) ? JSON5.parse(readFileSync(configFile, 'utf8')) : undefined;
  const fm = frontMatter(readFileSync(join(copy, file), 'utf8'));
  for (const settings of [config ?? {}, fm]) {
    for (const path of [...list(settings.css), ...list(settings.scripts)]) {
      const target = join(copy, path.trim());
      if (isRemote(path) || existsSync(target)) continue;
      if (path.trim().endsWith('/')) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, '');
    }
    for (const dir of list(settings.staticDirs)) mkdirSync(join(copy, dir.trim()), { recursive: true });
  }
  if (!config) return;
  for (const key of ['template', 'preprocessor']) {
    if (typeof config[key] === 'string' && !existsSync(join(copy, config[key]))) delete config[key];
  }
  if (typeof config.highlightTheme === 'string' && !existsSync(join(highlightStyles, `${config.highlightTheme}.css`)))
    delete config.highlightTheme;
  writeFileSync(configFile, JSON.stringify(config, null, 2));
}

function render(deck, scratch) {
  const copy = join(scratch, 'deck');
  cpSync(dirname(deck), copy, { recursive: true });
  prepare(copy, basename(deck));
  const out = join(scratch, 'out');
  try {
    execFileSync(revealMd, [basename(deck), '--static', out], { cwd: copy, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    throw new Error(`reveal-md failed on ${relative(CORPUS, deck)}: ${error.stderr}`);
  }
  return join(out, 'index.html');
}

async function measure(browser, page) {
  const tab = await browser.newPage();
  try {
    await tab.setRequestInterception(true);
    tab.on('request', (request) => (request.url().startsWith('file:') ? request.continue() : request.abort()));
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load', timeout: 60_000 });
    await tab.waitForFunction(() => window.Reveal?.isReady?.(), { timeout: 60_000 });
    return await tab.evaluate(() => {
      const text = (html) => {
        const div = document.createElement('div');
        div.innerHTML = html ?? '';
        return div.textContent.trim();
      };
      const slides = Reveal.getSlides();
      return {
        total: Reveal.getTotalSlides(),
        horizontal: Reveal.getHorizontalSlides().length,
        notes: slides.filter((slide) => text(Reveal.getSlideNotes(slide)) !== '').length,
        headings: slides.map((slide) => (slide.querySelector('h1,h2,h3,h4,h5,h6')?.textContent ?? '').replace(/\s+/g, ' ').trim()),
        fragments: slides.reduce((sum, slide) => sum + slide.querySelectorAll('.fragment').length, 0),
        codeFragments: slides.reduce((sum, slide) => sum + slide.querySelectorAll('pre code.fragment').length, 0),
      };
    });
  } finally {
    await tab.close();
  }
}

async function separatePages(browser, page) {
  const tab = await browser.newPage();
  try {
    await tab.setRequestInterception(true);
    tab.on('request', (request) => (request.url().startsWith('file:') ? request.continue() : request.abort()));
    await tab.evaluateOnNewDocument(() => {
      window.__pdfReady = new Promise((resolve) => document.addEventListener('pdf-ready', resolve, { once: true }));
    });
    await tab.goto(`${pathToFileURL(page).href}?print-pdf&pdfSeparateFragments=true`, { waitUntil: 'load', timeout: 60_000 });
    await tab.evaluate(() => window.__pdfReady);
    return await tab.evaluate(() => document.querySelectorAll('.pdf-page').length);
  } finally {
    await tab.close();
  }
}

const version = JSON.parse(readFileSync(join(dirname(dirname(revealMd)), 'reveal-md', 'package.json'), 'utf8')).version;
const revealVersion = JSON.parse(readFileSync(join(dirname(dirname(revealMd)), 'reveal.js', 'package.json'), 'utf8')).version;
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--allow-file-access-from-files'],
});
const results = {};
try {
  for (const deck of decks(CORPUS).sort()) {
    const name = relative(CORPUS, deck);
    const scratch = mkdtempSync(join(tmpdir(), 'reveal-md-oracle-'));
    try {
      const page = render(deck, scratch);
      results[name] = { ...(await measure(browser, page)), separatePages: await separatePages(browser, page) };
      console.error(`${name}: ${results[name].total} slides, ${results[name].horizontal} horizontal, ${results[name].notes} with notes`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
const recorded = {
  measured: `reveal-md ${version} (reveal.js ${revealVersion}), scripts/reveal-md-oracle.mjs`,
  decks: results,
};
writeFileSync(OUT, `${JSON.stringify(recorded, null, 2)}\n`);
console.error(`wrote ${relative(ROOT, OUT)} (${Object.keys(results).length} decks)`);
