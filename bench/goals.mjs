// The goal rows of bench/results.md: #19's goals 1–7 and #18's speed goals, each a ratio within one
// run of medians. Every row is always written: a goal whose measure did not run says why.

import { median } from './measure.mjs';

const MiB = (bytes) => bytes / 2 ** 20;
const fmt = (value, digits = 2) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
const times = (value) => (value === undefined ? '–' : `${value.toFixed(2)}×`);
const SHELL = 'floor (headless shell)';

export const sizeName = (size, data) =>
  size === 'briefing'
    ? 'default briefing'
    : size === 'mixed'
      ? `mixed deck (${data?.options?.mixedSize ?? 200} slides: layouts, callouts, math, code steps)`
      : size === 'serve'
        ? 'rfc-brief serve'
        : `${size} slides`;

const dashed = (name) => name.replace(/\s+/g, '-');

/** Why a measure has no median in this run: not an input, not asked for, skipped, or failed. */
export function why(data, get, size, contender, measure) {
  const { options } = data;
  const stat = get(size, contender, measure);
  if (stat && stat.runs === 0) return `failed: ${stat.error ?? 'no successful run'}`;
  if (typeof size === 'number' && !options.sizes.includes(size))
    return `not run: ${size} slides were not among --sizes ${options.sizes.join(',')}`;
  if (size === 'briefing' && !options.briefing) return 'not run: --no-briefing';
  if (size === 'mixed' && !(options.mixedSize > 0)) return 'not run: --no-mixed';
  if (size === 'serve' && options.serve === false) return 'not run: --no-serve';
  if (options.only && !options.only.some((name) => dashed(contender).startsWith(dashed(name))))
    return `not run: ${contender} is not in --only ${options.only.join(',')}`;
  const skipped = data.skipped.find((s) => s.size === size && s.contender === contender && (!s.measure || s.measure === measure) && !s.ran);
  if (skipped) return `not run: ${skipped.reason}`;
  const all = data.skipped.find((s) => s.size === size && s.contender === 'all');
  if (all) return `not run: ${all.reason}`;
  return 'not measured';
}

/** The median over the measured runs of one value each run carries (a stage, a check time). */
function perRun(data, size, contender, measure, pick) {
  const values = data.records
    .filter((r) => !r.warmup && r.ok && r.size === size && r.contender === contender && r.measure === measure)
    .map(pick)
    .filter((v) => typeof v === 'number' && !Number.isNaN(v));
  return values.length ? median(values) : undefined;
}

const stageMs = (r, name) => r.stages?.find((s) => s.stage === name)?.ms;

export function goalRows(data, get) {
  const rows = [];
  const row = (issue, goal, target, limit, value, measured, missing) =>
    rows.push({
      issue,
      goal,
      target,
      value: measured === undefined ? missing : value,
      met: measured === undefined ? undefined : measured <= limit,
    });
  const rfc = (size, measure) => get(size, 'rfc-brief', measure);
  // Why a row has no ratio: each missing measure and why; a reason of the whole input once.
  const reason = (...parts) => {
    const missing = parts
      .filter(([size, contender, measure]) => get(size, contender, measure)?.seconds === undefined)
      .map(([size, contender, measure]) => ({ what: `${contender} ${measure}`, size, why: why(data, get, size, contender, measure) }));
    const input = missing.find((m) => /^not run: (\d+ slides were not|--no-)/.test(m.why));
    return input ? input.why : missing.map((m) => `${m.what}, ${sizeName(m.size, data)}: ${m.why}`).join('; ');
  };

  // 1. Slides PDF against the headless shell's print of the same static page.
  for (const size of [12, 200, 1000, 'mixed']) {
    const pdf = rfc(size, 'pdf');
    const shell = get(size, SHELL, 'pdf');
    const full = get(size, 'floor', 'pdf');
    const r = ratio(pdf?.seconds, shell?.seconds);
    row(
      '#19 · 1',
      `Slides PDF, ${sizeName(size, data)}: ≤ 1.15× the headless shell's own print of the equivalent static page`,
      '≤ 1.15×',
      1.15,
      `${fmt(pdf?.seconds)} s vs ${fmt(shell?.seconds)} s = ${times(r)}` +
        (full?.seconds !== undefined
          ? `; vs the full Chromium's print ${fmt(full.seconds)} s = ${times(ratio(pdf?.seconds, full.seconds))}`
          : ''),
      r,
      reason([size, 'rfc-brief', 'pdf'], [size, SHELL, 'pdf']),
    );
  }

  // 2 and 3. serve: a save shown, a warm PDF on request.
  const serveRuns = data.records.filter((r) => !r.warmup && r.size === 'serve' && r.contender === 'rfc-brief serve');
  const serveWhy = (part) => {
    if (serveRuns.length === 0) return why(data, get, 'serve', 'rfc-brief serve', 'serve');
    const failed = serveRuns.find((r) => !r.ok);
    if (failed && !serveRuns.some((r) => r.ok)) return `failed: ${failed.error}${failed.detail ? ` (${failed.detail})` : ''}`;
    const said = serveRuns.map((r) => r.serve?.error ?? r.serve?.[part]?.error).find(Boolean);
    return `not measured: ${said ?? 'bench/serve-goals.mjs wrote nothing'}`;
  };
  const pooled = (part) => serveRuns.flatMap((r) => r.serve?.[part]?.allMs ?? r.serve?.[part]?.medianMs ?? r.serve?.[part]?.warmMs ?? []);
  const saves = pooled('reload');
  const slidesServed = serveRuns.find((r) => r.serve)?.serve?.slides ?? 200;
  const reload = median(saves);
  row(
    '#19 · 2',
    `serve: a save shows in the open browser, ${slidesServed} slides`,
    '≤ 100 ms',
    100,
    `median ${fmt(reload, 0)} ms of ${saves.length} saves (${[...saves]
      .sort((a, b) => a - b)
      .map((ms) => fmt(ms, 0))
      .join(', ')} ms)`,
    reload,
    serveWhy('reload'),
  );
  const warm = median(pooled('warmPdf'));
  const ownCold = median(serveRuns.map((r) => r.serve?.warmPdf?.coldMs).filter((v) => typeof v === 'number'));
  const cold = ownCold ?? (rfc(200, 'pdf')?.seconds !== undefined ? rfc(200, 'pdf').seconds * 1000 : undefined);
  const r3 = ratio(warm, cold);
  row(
    '#19 · 3',
    "serve: the deck's PDF on request from the running server ≤ half a cold build",
    '≤ 0.50×',
    0.5,
    `${fmt(warm, 0)} ms vs ${fmt(cold, 0)} ms = ${times(r3)} (cold: ${ownCold !== undefined ? "the serve measure's own cold build of its deck" : "the 200-slide bench deck's `build --only slides` with an empty cache"})`,
    warm === undefined ? undefined : r3,
    warm === undefined ? serveWhy('warmPdf') : `cold build: ${reason([200, 'rfc-brief', 'pdf'])}`,
  );

  // 4. All outputs of one build against one slides PDF.
  for (const size of [200, 1000, 'briefing']) {
    const all = rfc(size, 'all');
    const one = rfc(size, 'pdf');
    const r = ratio(all?.seconds, one?.seconds);
    row(
      '#19 · 4',
      `All outputs of one build, ${sizeName(size, data)}: ≤ 1.5× one slides PDF`,
      '≤ 1.50×',
      1.5,
      `${fmt(all?.seconds)} s vs ${fmt(one?.seconds)} s = ${times(r)}${outputsOf(data, size)}`,
      r,
      reason([size, 'rfc-brief', 'all'], [size, 'rfc-brief', 'pdf']),
    );
  }

  // 5. A fresh clone: every output, empty caches (diagrams drawn), against the slides PDF alone
  // with its diagrams already drawn (README: "Goal 5").
  {
    const all = rfc('briefing', 'all');
    const alone = rfc('briefing', 'pdf-figures-cached');
    const cold = rfc('briefing', 'pdf');
    const figures = perRun(data, 'briefing', 'rfc-brief', 'all', (r) => stageMs(r, 'figures'));
    const kept = perRun(data, 'briefing', 'rfc-brief', 'pdf-figures-cached', (r) => stageMs(r, 'figures'));
    const r = ratio(all?.seconds, alone?.seconds);
    row(
      '#19 · 5',
      'Default briefing from a fresh clone, empty caches (every output, diagrams drawn): ≤ 1.5× its slides PDF alone (diagrams already drawn)',
      '≤ 1.50×',
      1.5,
      `${fmt(all?.seconds)} s vs ${fmt(alone?.seconds)} s = ${times(r)}; drawing the figures took ${fmt(figures / 1000)} s of it (${fmt(kept / 1000)} s in the denominator, from the cache)` +
        (cold?.seconds !== undefined
          ? `; against the slides PDF alone drawing its diagrams too (${fmt(cold.seconds)} s): ${times(ratio(all?.seconds, cold.seconds))}`
          : ''),
      r,
      reason(['briefing', 'rfc-brief', 'all'], ['briefing', 'rfc-brief', 'pdf-figures-cached']),
    );
  }

  // 6. The checks a build runs while printing, against the build.
  for (const size of ['briefing', 200, 1000]) {
    const all = rfc(size, 'all');
    const measured = perRun(data, size, 'rfc-brief', 'all', (r) => stageMs(r, 'measure'));
    const cheap = perRun(data, size, 'rfc-brief checks', 'checks', (r) =>
      r.checks?.lintMs === undefined ? undefined : r.checks.lintMs + (r.checks.assetsMs ?? 0),
    );
    const notes = perRun(data, size, 'rfc-brief checks', 'checks', (r) => r.checks?.notesFitMs);
    const checkRun = data.records.find((r) => !r.warmup && r.size === size && r.contender === 'rfc-brief checks' && r.ok);
    const left = [
      cheap === undefined
        ? `missing files and links (${checkRun?.checks?.cheapError ?? why(data, get, size, 'rfc-brief checks', 'checks')})`
        : '',
      notes === undefined ? `notes fit (${checkRun?.checks?.notesFitError ?? why(data, get, size, 'rfc-brief checks', 'checks')})` : '',
    ].filter(Boolean);
    const sum = (measured ?? 0) + (cheap ?? 0) + (notes ?? 0);
    const r = all?.seconds ? sum / 1000 / all.seconds : undefined;
    const pdf = rfc(size, 'pdf');
    const pdfMeasured = perRun(data, size, 'rfc-brief', 'pdf', (r) => stageMs(r, 'measure'));
    row(
      '#19 · 6',
      `The checks a build runs while printing, ${sizeName(size, data)}: ≤ 10% of the build (all outputs)`,
      '≤ 10%',
      0.1,
      `${fmt(sum, 0)} ms of ${fmt(all?.seconds)} s = ${fmt(r === undefined ? undefined : r * 100, 1)}% ` +
        `(overflow and glyphs measured ${fmt(measured, 0)} ms, missing files and links ${fmt(cheap, 1)} ms, notes fit ${fmt(notes, 1)} ms)` +
        (pdf?.seconds !== undefined && pdfMeasured !== undefined
          ? `; slides PDF alone: ${fmt(pdfMeasured + (cheap ?? 0), 0)} ms of ${fmt(pdf.seconds)} s = ${fmt(((pdfMeasured + (cheap ?? 0)) / 1000 / pdf.seconds) * 100, 1)}%`
          : '') +
        (left.length ? `; not counted: ${left.join(', ')}` : ''),
      measured === undefined ? undefined : r,
      all?.seconds === undefined ? reason([size, 'rfc-brief', 'all']) : 'not measured: build-report.json has no "measure" stage',
    );
  }

  // 7. Markdown → HTML against marp-cli; memory against the floor at every size.
  {
    const html = rfc(200, 'html');
    const marp = get(200, 'marp-cli', 'html');
    const r = ratio(html?.seconds, marp?.seconds);
    row(
      '#19 · 7',
      "Markdown → HTML, 200 slides: ≤ half of marp-cli's time",
      '≤ 0.50×',
      0.5,
      `${fmt(html?.seconds)} s vs ${fmt(marp?.seconds)} s = ${times(r)}`,
      r,
      reason([200, 'rfc-brief', 'html'], [200, 'marp-cli', 'html']),
    );
  }
  for (const size of [12, 200, 1000, 'briefing', 'mixed']) {
    const pdf = rfc(size, 'pdf');
    const shell = get(size, SHELL, 'pdf');
    const full = get(size, 'floor', 'pdf');
    const m = ratio(pdf?.peakBytes, shell?.peakBytes);
    row(
      '#19 · 7',
      `Process-tree memory, slides PDF, ${sizeName(size, data)}: ≤ the floor's (headless shell)`,
      '≤ 1.00×',
      1,
      `${fmt(MiB(pdf?.peakBytes ?? NaN), 0)} MiB vs ${fmt(MiB(shell?.peakBytes ?? NaN), 0)} MiB = ${times(m)}` +
        (full?.peakBytes ? `; the full Chromium's floor ${fmt(MiB(full.peakBytes), 0)} MiB` : ''),
      pdf?.runs && shell?.runs ? m : undefined,
      reason([size, 'rfc-brief', 'pdf'], [size, SHELL, 'pdf']),
    );
  }

  // #18: the new outputs against marp-cli's, and the briefing's whole build.
  for (const [measure, what, flag] of [
    ['pptx', 'slides.pptx', '--pptx'],
    ['images', 'the slide PNGs', '--images png'],
  ]) {
    const own = rfc(200, measure);
    const marp = get(200, 'marp-cli', measure);
    const r = ratio(own?.seconds, marp?.seconds);
    const made = (run) => (measure === 'pptx' ? `${run?.slides ?? '?'} slides` : `${run?.images ?? '?'} PNGs of ${run?.imageSize ?? '?'}`);
    row(
      '#18',
      `${what}, 200 slides: ≤ half of marp-cli's \`${flag}\``,
      '≤ 0.50×',
      0.5,
      `${fmt(own?.seconds)} s (${made(lastRun(data, 200, 'rfc-brief', measure))}) vs ${fmt(marp?.seconds)} s (${made(lastRun(data, 200, 'marp-cli', measure))}) = ${times(r)}`,
      r,
      reason([200, 'rfc-brief', measure], [200, 'marp-cli', measure]),
    );
  }
  {
    const all = rfc('briefing', 'all');
    const one = rfc('briefing', 'pdf');
    const r = ratio(all?.seconds, one?.seconds);
    row(
      '#18',
      'Default briefing: the build with all outputs ≤ 2× its slides PDF alone',
      '≤ 2.00×',
      2,
      `${fmt(all?.seconds)} s vs ${fmt(one?.seconds)} s = ${times(r)}${outputsOf(data, 'briefing')}`,
      r,
      reason(['briefing', 'rfc-brief', 'all'], ['briefing', 'rfc-brief', 'pdf']),
    );
  }
  return rows;
}

/** The last successful measured run of a measure (for what it wrote: counts, files). */
function lastRun(data, size, contender, measure) {
  return data.records.filter((r) => !r.warmup && r.ok && r.size === size && r.contender === contender && r.measure === measure).at(-1);
}

/** "; outputs: …" of the all-outputs build, from its build-report.json. */
function outputsOf(data, size) {
  const files = lastRun(data, size, 'rfc-brief', 'all')?.files;
  return files?.length ? `; outputs: ${files.map((f) => f.path).join(', ')}` : '';
}
