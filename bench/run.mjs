// `npm run bench`: rfc-brief against marp-cli, reveal-md, decktape, pandoc and Chromium's own
// floor, on the default briefing, on generated decks of 12, 200 and 1,000 slides and on a mixed
// deck (layouts, callouts, math, code steps; 200 slides); then `rfc-brief serve` (200 slides).
//
// For each input, every measure runs once as a warm-up and then `--runs` times, the measures
// interleaved (round 1: all of them, round 2: all of them, ..., each round in a rotated order) so
// that a drift of the machine hits every contender alike. Before each run the harness waits for
// the machine to be quiet; a measured run during which something else used the CPU is run again.
//
//   node bench/run.mjs [--runs 3] [--warmup 1] [--sizes 12,200,1000] [--no-briefing]
//                      [--mixed-size 200 | --no-mixed] [--no-serve]
//                      [--no-apt] [--quick] [--only rfc-brief,floor,...] [--measures pdf,images,...]
//                      [--max-wait 300]
//                      [--baseline DIR (a compiled checkout of another commit, measured beside)]
//
// --max-wait: seconds, over the whole benchmark, that the harness may spend waiting for a quiet
// machine and repeating disturbed runs; once spent, runs go ahead and are only flagged.
//
// Writes bench/results.md and bench/results.svg, and the raw numbers to bench/out/results.json.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ENV, RFC_BRIEF, RFC_BRIEF_ENV, ROOT, install, loadCatalogue, snapshotRfcBrief, tasks, versions } from './contenders.mjs';
import { writeDeck, writeFloorPage } from './generate.mjs';
import { measure, pdfPages, waitForQuiet } from './measure.mjs';
import { machine, writeReport } from './report.mjs';

const OUT = join(ROOT, 'bench', 'out');

function parseArgs(argv) {
  const options = {
    runs: 3,
    warmup: 1,
    sizes: [12, 200, 1000],
    briefing: true,
    mixedSize: 200,
    serve: true,
    apt: true,
    only: undefined,
    maxWait: 120,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i];
    if (arg === '--runs') options.runs = Number(next());
    else if (arg === '--warmup') options.warmup = Number(next());
    else if (arg === '--sizes') options.sizes = next().split(',').filter(Boolean).map(Number);
    else if (arg === '--no-briefing') options.briefing = false;
    else if (arg === '--mixed-size') options.mixedSize = Number(next());
    else if (arg === '--no-mixed') options.mixedSize = 0;
    else if (arg === '--no-serve') options.serve = false;
    else if (arg === '--no-apt') options.apt = false;
    else if (arg === '--only') options.only = next().split(',');
    else if (arg === '--measures') options.measures = next().split(',');
    else if (arg === '--max-wait') options.maxWait = Number(next());
    else if (arg === '--baseline') options.baseline = next();
    else if (arg === '--quick') Object.assign(options, { runs: 1, warmup: 0, sizes: [12], mixedSize: 12 });
    else throw new Error(`bench: unknown option ${arg}`);
  }
  return options;
}

/**
 * What runs on which input, and why not elsewhere (the report says so). An input is the default
 * briefing, a generated size, the mixed deck or serve. decktape takes its default 1 s pause on
 * every slide: at 200 slides that is minutes per run, so it gets one run there and none at 1,000;
 * decktape with no pause does not run at 1,000 either. `absent`: not meant for this input at
 * all (nothing to report).
 */
function plan(task, size) {
  const generated = typeof size === 'number';
  const here =
    size === 'serve'
      ? task.serve
      : task.serve
        ? false
        : size === 'mixed'
          ? task.mixed
          : size === 'briefing'
            ? task.briefing || task.briefingOnly
            : !task.briefingOnly && !(task.upTo && size > task.upTo);
  if (!here) {
    if (size === 'briefing' && !/^(rfc-brief|floor|browser start)/.test(task.contender))
      return { skip: 'reads rfc-brief front matter, figures and several files: rfc-brief and the floor only' };
    if (generated && task.upTo && size > task.upTo)
      return {
        skip:
          task.measure === 'rebuild'
            ? 'measured on the briefing, 12 and 200 slides'
            : "#18's goals are at 200 slides; not run at 1,000 (minutes per run for marp-cli's images)",
      };
    return { absent: true };
  }
  if (task.skip) return { skip: task.skip };
  if (task.contender.startsWith('decktape') && size > 200)
    return { skip: 'not run at 1,000 slides: it would take most of the time budget' };
  if (task.slow && size > 12) return { runs: 1, warmup: 0, note: 'one run, no warm-up (about 1 s a slide)' };
  return { runs: undefined };
}

/**
 * Prepares one input: the deck's Markdown, rfc-brief's deck of it (decktape's input; its drawn
 * figures, kept in `figureCache`, are goal 5's), the floor page. The serve input needs none.
 */
async function prepare(size, options) {
  const dir = join(OUT, String(size));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (size === 'serve') return { size, dir, slides: 200, slowTimeout: 300_000 };
  const slides = size === 'mixed' ? options.mixedSize : size;
  const deck = size === 'briefing' ? join(ROOT, 'content') : writeDeck(join(dir, 'input'), slides, { mixed: size === 'mixed' });
  const prep = join(dir, 'prep');
  const figureCache = join(dir, 'figure-cache');
  // Made first: a build that prints nothing keeps no figures in a cache folder that does not exist
  // yet ("could not keep the build cache: ENOENT", rfc-brief 0.1's trim of a missing folder).
  mkdirSync(figureCache, { recursive: true });
  const result = await measure(
    process.execPath,
    [join(RFC_BRIEF, 'bin', 'rfc-brief.js'), 'build', deck, '--out', prep, '--only', 'deck', '--quiet'],
    {
      env: { ...RFC_BRIEF_ENV(), RFC_BRIEF_CACHE_DIR: figureCache },
      logPath: join(dir, 'prep.log'),
    },
  );
  if (!result.ok) throw new Error(`bench: rfc-brief could not build the ${size} deck (see ${join(dir, 'prep.log')})`);
  const deckHtml = join(prep, 'slides', 'index.html');
  return {
    size,
    slides,
    dir,
    deck,
    deckHtml,
    figureCache,
    floorHtml: writeFloorPage(deckHtml),
    slowTimeout: slides >= 1000 ? 900_000 : 300_000,
  };
}

/** The last line a tool printed, for the report of a failure. */
function lastLine(path) {
  try {
    const lines = readFileSync(path, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return lines.at(-1)?.slice(0, 200);
  } catch {
    return undefined;
  }
}

const INPUT_NAMES = {
  briefing: 'the default briefing (content/)',
  mixed: 'the mixed deck (layouts, callouts, math, code steps)',
  serve: 'rfc-brief serve, 200 slides',
};

const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);
const label = (t) => `${t.contender} ${t.measure}`;

/** Seconds left for waiting on a busy machine (shared by every run of the benchmark). */
const patience = { left: 300 };

/** Seconds the first run of each measure took at each size: later runs time out at 4× that. */
const firstSeconds = new Map();

async function runOne(task, input, round, warmup, log) {
  const key = `${input.size}|${label(task)}`;
  const timeoutMs = firstSeconds.has(key)
    ? Math.max(60, 4 * firstSeconds.get(key) + 30) * 1000
    : task.slow
      ? 900_000
      : input.slowTimeout + 60_000;
  const out = join(input.dir, `${task.contender.replace(/[^a-z0-9]+/gi, '-')}-${task.measure}`);
  if (!task.keepOut) rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const spec = task.command({ ...input, out });
  const attempts = [];
  // A measured run that shared the machine with someone else's work is run again, up to twice.
  for (let attempt = 0; attempt < (warmup ? 1 : 3); attempt++) {
    const waited = await waitForQuiet({ maxWaitMs: Math.max(0, Math.min(20_000, patience.left * 1000)) });
    patience.left -= waited.waitedMs / 1000;
    if (spec.output && !task.keepOut) rmSync(spec.output, { recursive: true, force: true });
    spec.reset?.();
    const result = await measure(spec.command, spec.args, {
      cwd: spec.cwd ?? out,
      env: spec.env ?? ENV,
      logPath: join(out, `run-${round}.log`),
      timeoutMs,
    });
    attempts.push({ ...result, loadBefore: waited.cores });
    if (!result.ok || result.otherCores < 0.35 || patience.left <= 0) break;
    patience.left -= result.seconds;
  }
  for (const dir of spec.cleanup ?? []) rmSync(dir, { recursive: true, force: true });
  const result = attempts.reduce((best, r) => (r.otherCores < best.otherCores ? r : best));
  // Some tools report a failed print on stderr and still exit 0 (reveal-md does).
  if (result.ok && spec.output && !existsSync(spec.output))
    Object.assign(result, { ok: false, error: `exited 0 but wrote no ${spec.output}` });
  if (result.ok && !firstSeconds.has(key)) firstSeconds.set(key, result.seconds);
  const record = {
    size: input.size,
    contender: task.contender,
    measure: task.measure,
    round,
    warmup,
    ok: result.ok,
    error: result.ok
      ? undefined
      : (result.error ?? `exit code ${result.code}${result.signal ? ` (${result.signal})` : ''}: see ${join(out, `run-${round}.log`)}`),
    seconds: result.seconds,
    peakBytes: result.peakBytes,
    processes: result.processes,
    browser: result.programs.some((p) => /chrom/i.test(p)),
    pages: result.ok && spec.output?.endsWith('.pdf') && existsSync(spec.output) ? pdfPages(spec.output) : undefined,
    otherCores: result.otherCores,
    loadBefore: result.loadBefore,
    harnessCpuSeconds: result.harnessCpuSeconds,
    attempts: attempts.length,
    detail: result.ok ? undefined : lastLine(join(out, `run-${round}.log`)),
    // What the run wrote besides its time: rfc-brief's stage timings and files (build-report.json),
    // the checks' and serve's own measures, PPTX slides, PNG count and size.
    ...(result.ok && spec.collect ? spec.collect() : {}),
  };
  log(
    `  ${warmup ? 'warm-up' : `run ${round}  `} ${label(task).padEnd(34)} ${record.ok ? `${record.seconds.toFixed(2).padStart(7)} s ${(record.peakBytes / 2 ** 20).toFixed(0).padStart(5)} MiB` : `FAILED: ${record.error}`}${record.pages ? `, ${record.pages} pages` : ''}${record.otherCores >= 0.35 ? `  (machine busy: ${record.otherCores.toFixed(2)} cores of other work)` : ''}`,
  );
  return record;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  patience.left = options.maxWait;
  const log = (line) => process.stderr.write(`${line}\n`);
  const started = Date.now();
  mkdirSync(CACHE, { recursive: true });
  mkdirSync(OUT, { recursive: true });
  const status = { 'rfc-brief': snapshotRfcBrief(), ...install({ allowApt: options.apt, log }) };
  const dashed = (name) => name.replace(/\s+/g, '-');
  // The outputs rfc-brief has at this commit: the #18 measures run only once it has them.
  const catalogue = await loadCatalogue();
  const allTasks = tasks(status, { baseline: options.baseline, catalogue }).filter(
    (t) =>
      (!options.only || options.only.some((name) => dashed(t.contender).startsWith(dashed(name)))) &&
      (!options.measures || options.measures.includes(t.measure)),
  );
  const inputs = [
    ...(options.briefing ? ['briefing'] : []),
    ...options.sizes,
    ...(options.mixedSize > 0 ? ['mixed'] : []),
    ...(options.serve ? ['serve'] : []),
  ];
  const records = [];
  const skipped = [];
  // Each measure is warmed up once, at the first input it runs on: after that the tool's files
  // are in the page cache, and nothing else carries over from one process to the next.
  const warmed = new Set();

  for (const size of inputs) {
    const active = [];
    const planned = allTasks.map((task) => ({ task, p: plan(task, size) })).filter(({ p }) => !p.absent);
    if (planned.length === 0) continue;
    log(`bench: ${INPUT_NAMES[size] ?? `${size} slides`}`);
    let input;
    try {
      input = await prepare(size, options);
    } catch (error) {
      skipped.push({ size, contender: 'all', reason: error.message });
      log(error.message);
      continue;
    }
    for (const { task, p } of planned) {
      if (p.skip) skipped.push({ size, contender: task.contender, measure: task.measure, reason: p.skip });
      else {
        const warmup = warmed.has(label(task)) ? 0 : (p.warmup ?? options.warmup);
        if (warmup > 0) warmed.add(label(task));
        active.push({ task, runs: p.runs ?? options.runs, warmup, note: p.note });
      }
      if (p.note) skipped.push({ size, contender: task.contender, measure: task.measure, reason: p.note, ran: true });
    }
    // The rebuild measure needs an up-to-date output to rebuild: build it once, untimed.
    for (const { task } of active.filter((a) => a.task.keepOut)) {
      const out = join(input.dir, `${task.contender.replace(/[^a-z0-9]+/gi, '-')}-${task.measure}`);
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      const spec = task.command({ ...input, out });
      const first = await measure(spec.command, spec.args, {
        cwd: out,
        env: spec.env ?? ENV,
        logPath: join(input.dir, 'rebuild-prep.log'),
      });
      if (!first.ok) log(`bench: the first build for the rebuild measure failed (see ${join(input.dir, 'rebuild-prep.log')})`);
    }
    const rounds = Math.max(...active.map((a) => a.runs + a.warmup));
    for (let round = 0; round < rounds; round++) {
      for (const a of rotate(active, round)) {
        // Tasks with fewer rounds (one slow run) take their rounds at the end.
        const offset = rounds - (a.runs + a.warmup);
        if (round < offset) continue;
        const index = round - offset;
        const warmup = index < a.warmup;
        records.push(await runOne(a.task, input, warmup ? 0 : index - a.warmup + 1, warmup, log));
      }
    }
  }

  const elapsed = (Date.now() - started) / 1000;
  const data = {
    date: new Date().toISOString(),
    elapsed,
    options,
    machine: machine(),
    versions: versions(status),
    catalogue,
    records,
    skipped,
  };
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(data, null, 2)}\n`);
  const written = await writeReport(data, join(ROOT, 'bench'));
  log(`bench: done in ${(elapsed / 60).toFixed(1)} min: ${written.join(', ')}`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
