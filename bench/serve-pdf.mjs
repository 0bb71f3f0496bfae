// A PDF from the running `rfc-brief serve` (its browser warm) against a cold build of the same
// deck (`build --only slides`: a new process, a new browser, an empty cache), interleaved.
//
// Served: slide 100 is edited (so nothing comes from the cache), the live rebuild is let finish,
// then GET /slides.pdf (or /handout.pdf, /report.pdf) is timed to the last byte. Cold: the same
// edit, then `node bin/rfc-brief.js build deck --only slides` with a cache folder of its own.
//
//   node bench/serve-pdf.mjs [--slides 200] [--runs 5] [--only slides,handout,report]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeDeck } from './generate.mjs';
import { median, until } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin/rfc-brief.js');

export async function measureServePdf({ slides = 200, runs = 5, only = ['slides', 'handout', 'report'] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-bench-pdf-'));
  const file = writeDeck(join(dir, 'deck'), slides);
  const target = Math.ceil(slides / 2);
  let edits = 0;
  const edit = () => {
    edits++;
    const text = readFileSync(file, 'utf8').replace(new RegExp(`^## ${target}\\. .*$`, 'm'), `## ${target}. Edited ${edits}`);
    writeFileSync(file, text);
  };
  const env = { ...process.env, BROWSER: 'none', NO_COLOR: '1', RFC_BRIEF_CACHE_DIR: join(dir, 'serve-cache') };
  const child = spawn(process.execPath, [BIN, 'serve', 'deck', '--port', '0'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const builds = () => stderr.split('rebuilt in').length - 1;
  const results = Object.fromEntries(only.map((name) => [name, { cold: [], served: [], unchanged: [] }]));
  try {
    const base = await until(
      () => /http:\/\/[^/\s]+\//.exec(stdout)?.[0],
      30_000,
      () => `serve printed no URL: ${stderr}`,
    );
    // The first request launches the browser: not measured (the next ones find it warm).
    for (const name of only) await fetchPdf(`${base}${name}.pdf`);
    for (let run = 0; run < runs; run++) {
      // Alternate which goes first, so that drift on the machine hits both alike.
      const order = run % 2 ? ['served', 'cold'] : ['cold', 'served'];
      for (const name of only) {
        for (const how of order) {
          const before = builds();
          edit();
          await until(
            () => (builds() > before ? true : undefined),
            30_000,
            () => 'serve did not rebuild',
          );
          const started = performance.now();
          if (how === 'served') await fetchPdf(`${base}${name}.pdf`);
          else await coldBuild(dir, name, run);
          results[name][how].push(performance.now() - started);
        }
        const started = performance.now();
        await fetchPdf(`${base}${name}.pdf`);
        results[name].unchanged.push(performance.now() - started);
      }
    }
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
  return Object.fromEntries(
    Object.entries(results).map(([name, r]) => {
      const cold = median(r.cold);
      const served = median(r.served);
      return [
        name,
        {
          coldMs: Math.round(cold),
          servedMs: Math.round(served),
          ratio: Math.round((served / cold) * 100) / 100,
          unchangedMs: Math.round(median(r.unchanged)),
          coldAllMs: r.cold.map(Math.round),
          servedAllMs: r.served.map(Math.round),
        },
      ];
    }),
  );
}

function coldBuild(dir, name, run) {
  const out = join(dir, `cold-${name}-${run}`);
  const env = { ...process.env, RFC_BRIEF_CACHE_DIR: join(dir, `cold-cache-${name}-${run}`) };
  return new Promise((resolve, reject) => {
    const build = spawn(process.execPath, [BIN, 'build', 'deck', '--only', name, '--out', out, '--quiet'], {
      cwd: dir,
      env,
      stdio: 'ignore',
    });
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build --only ${name} exited ${code}`))));
  });
}

function fetchPdf(url) {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (res.statusCode !== 200 || body.subarray(0, 5).toString() !== '%PDF-') reject(new Error(`${url}: ${res.statusCode} ${body}`));
        else resolve(body);
      });
    }).on('error', reject);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { slides: { type: 'string' }, runs: { type: 'string' }, only: { type: 'string' } } });
  const result = await measureServePdf({
    slides: Number(values.slides ?? 200),
    runs: Number(values.runs ?? 5),
    only: values.only?.split(',') ?? ['slides', 'handout', 'report'],
  });
  console.log(JSON.stringify(result, null, 2));
}
