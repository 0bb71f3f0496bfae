// Save → shown in `rfc-brief serve`: a one-slide edit in a generated deck (generate.mjs), timed
// from the write to the moment an open page shows the new text, over several edits.
//
// The server runs as a person runs it (`node bin/rfc-brief.js serve`, its own process); a headless
// page is open on the edited slide. The page notes the time itself (a MutationObserver on the DOM,
// and reveal.js's `ready` when the deck was reloaded), against the same wall clock the write was
// timed by (performance.timeOrigin + performance.now() in both), so no polling delay is counted.
//
//   node bench/serve-latency.mjs [--slides 200] [--edits 11] [--root DIR]
//
// --root measures another compiled checkout's serve (a baseline); the page is driven from this one.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeDeck } from './generate.mjs';
import { median, until } from './measure.mjs';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const { Browser } = await import(join(here, 'build/browser/browser.js'));
const { findBrowser } = await import(join(here, 'build/browser/find-browser.js'));

const KEY = 'rfc-brief-bench';

/** Runs in every document the page loads (a reload too): notes when the awaited text is shown. */
function observe(key) {
  const now = () => performance.timeOrigin + performance.now();
  const want = () => sessionStorage.getItem(`${key}:want`);
  const shown = (at) => {
    const marker = want();
    if (marker && !sessionStorage.getItem(`${key}:shown:${marker}`)) sessionStorage.setItem(`${key}:shown:${marker}`, String(at));
  };
  const found = (marker, nodes) => nodes.some((node) => node.textContent?.includes(marker));
  new MutationObserver((records) => {
    const marker = want();
    if (!marker || sessionStorage.getItem(`${key}:seen:${marker}`)) return;
    const nodes = records.flatMap((r) => (r.type === 'characterData' ? [r.target] : [...r.addedNodes]));
    if (!found(marker, nodes)) return;
    const at = now();
    sessionStorage.setItem(`${key}:seen:${marker}`, String(at));
    // Shown once reveal.js has laid the deck out: at once for a patch, at `ready` after a reload.
    if (window.Reveal?.isReady?.()) shown(at);
  }).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('ready', () => (sessionStorage.getItem(`${key}:seen:${want()}`) ? shown(now()) : undefined), true);
}

export async function measureServeLatency({ slides = 200, edits = 11, root = here } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-bench-latency-'));
  const file = writeDeck(join(dir, 'deck'), slides);
  const target = Math.ceil(slides / 2);
  const heading = new RegExp(`^## ${target}\\. .*$`, 'm');
  const child = spawn(process.execPath, [join(resolve(root), 'bin/rfc-brief.js'), 'serve', 'deck', '--port', '0'], {
    cwd: dir,
    env: { ...process.env, BROWSER: 'none', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const builds = () => stderr.split('rebuilt in').length - 1;
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000, ['127.0.0.1']);
  const runs = [];
  try {
    const url = await until(
      () => /http:\/\/\S+\/slides\//.exec(stdout)?.[0],
      30_000,
      () => `serve printed no URL: ${stderr}`,
    );
    await browser.withPage(async (page) => {
      await page.evaluateOnNewDocument(observe, KEY);
      await page.goto(`${url}#/${target - 1}`);
      await page.waitForFunction(() => window.Reveal?.isReady());
      // One more edit than measured: the first warms the server's and the page's caches.
      for (let n = 0; n <= edits; n++) {
        const marker = `Edited ${n} ${Date.now()}`;
        await page.evaluate(
          (key, m) => {
            window.__benchAlive = true;
            sessionStorage.setItem(`${key}:want`, m);
          },
          KEY,
          marker,
        );
        const before = builds();
        const text = readFileSync(file, 'utf8').replace(heading, `## ${target}. ${marker}`);
        const wrote = performance.timeOrigin + performance.now();
        writeFileSync(file, text);
        const shownAt = await page.waitForFunction(
          (key, m) => sessionStorage.getItem(`${key}:shown:${m}`),
          { timeout: 30_000, polling: 5 },
          KEY,
          marker,
        );
        const shown = Number(await shownAt.jsonValue());
        const state = await page.evaluate(() => ({ reloaded: window.__benchAlive !== true, h: window.Reveal.getIndices().h }));
        // The next edit starts once the server has finished this one (the build behind a patch).
        await until(
          () => builds() > before || undefined,
          30_000,
          () => 'serve did not finish the build',
        );
        await new Promise((r) => setTimeout(r, 150));
        if (n > 0) runs.push({ ms: shown - wrote, reloaded: state.reloaded, onSlide: state.h === target - 1 });
      }
    });
  } finally {
    await browser.dispose();
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    slides,
    edits,
    medianMs: Math.round(median(runs.map((r) => r.ms))),
    allMs: runs.map((r) => Math.round(r.ms)),
    reloads: runs.filter((r) => r.reloaded).length,
    stayedOnSlide: runs.every((r) => r.onSlide),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { slides: { type: 'string' }, edits: { type: 'string' }, root: { type: 'string' } } });
  console.log(
    await measureServeLatency({
      slides: Number(values.slides ?? 200),
      edits: Number(values.edits ?? 11),
      root: values.root ?? here,
    }),
  );
}
