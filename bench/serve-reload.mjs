// Edit → reload in `rfc-brief serve`: a one-slide edit in a 200-slide deck, timed from the save
// to the moment a connected headless page shows the new text (median of several edits).
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { startServer } = await import(join(root, 'build/serve/server.js'));
const { Browser } = await import(join(root, 'build/browser/browser.js'));
const { findBrowser } = await import(join(root, 'build/browser/find-browser.js'));

export async function measureServeReload({ slides = 200, edits = 5 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-bench-serve-'));
  mkdirSync(join(dir, 'deck'));
  const parts = ['---', 'title: Serve bench', '---'];
  for (let i = 1; i <= slides; i++) {
    parts.push(
      `## Slide ${i}\n\n- first point of ${i}\n- second point\n\n| a | b |\n|---|---|\n| ${i} | ${i * 2} |\n\n\`\`\`js\nconst x = ${i};\n\`\`\`\n\nNote: notes ${i}.`,
    );
    if (i < slides) parts.push('---');
  }
  const file = join(dir, 'deck/deck.md');
  writeFileSync(file, parts.join('\n\n'));
  const server = await startServer({ input: 'deck', cwd: dir, port: 0, host: '127.0.0.1' });
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 60_000);
  const times = [];
  try {
    await browser.withPage(async (page) => {
      await page.goto(`${server.url}slides/#/100`);
      await page.waitForFunction(() => window.Reveal?.isReady());
      for (let n = 1; n <= edits; n++) {
        const marker = `Edited ${n}`;
        const started = performance.now();
        writeFileSync(file, readFileSync(file, 'utf8').replace(/## Slide 100\b.*\n/, `## Slide 100 ${marker}\n`));
        await page.waitForFunction((m) => document.body?.textContent?.includes(m) && window.Reveal?.isReady(), { timeout: 30_000 }, marker);
        times.push(performance.now() - started);
      }
    });
  } finally {
    await browser.dispose();
    await server.close();
  }
  times.sort((a, b) => a - b);
  return { slides, edits, medianMs: Math.round(times[Math.floor(times.length / 2)]), allMs: times.map(Math.round) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await measureServeReload());
