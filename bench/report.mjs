// Turns the raw runs into bench/results.md (tables, ratios, goals, machine and versions) and
// bench/results.svg (time against slide count).

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ANCHORS, ELSEWHERE_200, ROOT as ROOT_DIR } from './contenders.mjs';
import { median, SAMPLE_MS } from './measure.mjs';

export function machine() {
  const os = (() => {
    try {
      return readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)/m)?.[1];
    } catch {
      return undefined;
    }
  })();
  let kernel = 'unknown';
  try {
    kernel = execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim();
  } catch {
    // keep unknown
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: os ?? 'unknown',
    kernel,
    node: process.version,
  };
}

const MiB = (bytes) => bytes / 2 ** 20;
const fmt = (value, digits = 2) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
const times = (value) => (value === undefined ? '–' : `${value.toFixed(2)}×`);
const sizeName = (size) => (size === 'briefing' ? 'default briefing' : `${size} slides`);

/** Medians of the measured (not warm-up) successful runs, keyed by size, contender, measure. */
export function summarize(records) {
  const groups = new Map();
  for (const r of records) {
    if (r.warmup) continue;
    const key = `${r.size}|${r.contender}|${r.measure}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const stats = new Map();
  for (const [key, runs] of groups) {
    const good = runs.filter((r) => r.ok);
    stats.set(key, {
      runs: good.length,
      failed: runs.length - good.length,
      error: runs.find((r) => !r.ok)?.error,
      seconds: median(good.map((r) => r.seconds)),
      min: good.length ? Math.min(...good.map((r) => r.seconds)) : undefined,
      max: good.length ? Math.max(...good.map((r) => r.seconds)) : undefined,
      peakBytes: median(good.map((r) => r.peakBytes)),
      pages: good.find((r) => r.pages !== undefined)?.pages,
      browser: good.some((r) => r.browser),
      busy: runs.filter((r) => r.otherCores >= 0.35).length,
    });
  }
  return (size, contender, measure) => stats.get(`${size}|${contender}|${measure}`);
}

function goals(get, sizes) {
  const rows = [];
  const check = (goal, value, target, met, detail) => rows.push({ goal, value, target, met, detail });
  const rfc = (size, measure) => get(size, 'rfc-brief', measure);

  if (sizes.includes(200)) {
    const html = rfc(200, 'html')?.seconds;
    const anchors = ['marp-cli', 'reveal-md']
      .map((name) => ({ name, seconds: get(200, name, 'html')?.seconds }))
      .filter((a) => a.seconds !== undefined)
      .sort((a, b) => a.seconds - b.seconds);
    const fastest = anchors[0];
    const r = ratio(html, fastest?.seconds);
    check(
      'Markdown → HTML, 200 slides: ≤ 1/4 of the fastest anchor',
      fastest
        ? `${fmt(html)} s vs ${fastest.name} ${fmt(fastest.seconds)} s = ${times(r)}` +
            anchors
              .slice(1)
              .map((a) => `; vs ${a.name} ${fmt(a.seconds)} s = ${times(ratio(html, a.seconds))}`)
              .join('') +
            (fastest.name === 'reveal-md' ? ' (reveal-md --static leaves the Markdown to the browser: it converts nothing)' : '')
        : 'no anchor ran',
      '≤ 0.25×',
      r !== undefined && r <= 0.25,
    );
  }
  for (const [size, limit] of [
    [12, 1.1],
    [200, 1.1],
    [1000, 1.15],
  ]) {
    if (!sizes.includes(size)) continue;
    const pdf = rfc(size, 'pdf');
    const floor = get(size, 'floor', 'pdf');
    const shellFloor = get(size, 'floor (headless shell)', 'pdf');
    const r = ratio(pdf?.seconds, floor?.seconds);
    check(
      `Markdown → slides PDF, ${size} slides: ≤ ${limit.toFixed(2)}× the floor`,
      `${fmt(pdf?.seconds)} s vs ${fmt(floor?.seconds)} s = ${times(r)}` +
        (shellFloor
          ? `; vs the headless shell's own print ${fmt(shellFloor.seconds)} s = ${times(ratio(pdf?.seconds, shellFloor.seconds))}`
          : ''),
      `≤ ${limit.toFixed(2)}×`,
      r !== undefined && r <= limit,
    );
    const m = ratio(pdf?.peakBytes, floor?.peakBytes);
    check(
      `Process-tree memory, slides PDF, ${size} slides: ≤ 1.2× the floor's`,
      `${fmt(MiB(pdf?.peakBytes ?? NaN), 0)} MiB vs ${fmt(MiB(floor?.peakBytes ?? NaN), 0)} MiB = ${times(m)}`,
      '≤ 1.20×',
      m !== undefined && m <= 1.2,
    );
  }
  const all = rfc('briefing', 'all');
  const one = rfc('briefing', 'pdf');
  if (all || one) {
    const r = ratio(all?.seconds, one?.seconds);
    check(
      'Default briefing: deck + slides PDF + handout + report ≤ 1.5× one slides PDF',
      `${fmt(all?.seconds)} s vs ${fmt(one?.seconds)} s = ${times(r)}`,
      '≤ 1.50×',
      r !== undefined && r <= 1.5,
    );
  }
  const rebuild = rfc('briefing', 'rebuild');
  if (rebuild) {
    check(
      'Default briefing: a rebuild with nothing changed launches no browser and takes well under a second',
      `${fmt(rebuild.seconds)} s, ${rebuild.browser ? 'a browser was launched' : 'no browser'}`,
      'no browser, ≤ 0.5 s',
      !rebuild.browser && rebuild.seconds !== undefined && rebuild.seconds <= 0.5,
    );
  }
  return rows;
}

const BASELINE = 'rfc-brief (baseline)';
const PDF_ORDER = [
  'rfc-brief',
  BASELINE,
  'floor',
  'browser start',
  'floor (headless shell)',
  'browser start (headless shell)',
  'marp-cli',
  'reveal-md',
  'decktape --pause 0',
  'decktape (default pause)',
  'pandoc',
];

function sizeTable(get, size) {
  const floor = get(size, 'floor', 'pdf');
  const lines = [
    `| contender | Markdown → HTML (s) | Markdown → PDF (s) | PDF ÷ floor | peak memory, PDF (MiB) | memory ÷ floor | PDF pages | runs |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const contender of PDF_ORDER) {
    const html = get(size, contender, 'html');
    const pdf = get(size, contender, 'pdf') ?? get(size, contender, 'start');
    if (!html && !pdf) continue;
    const cell = (s, measure) =>
      !s
        ? '–'
        : s.runs === 0
          ? `failed`
          : `${fmt(s.seconds)}${s.busy ? ' †' : ''}${measure === 'html' && s.browser ? ' ‡' : ''}${s.runs > 1 ? ` <sub>${fmt(s.min)}–${fmt(s.max)}</sub>` : ''}`;
    const name = contender.startsWith('browser start') ? contender.replace('browser start', 'browser start, no page') : contender;
    lines.push(
      `| ${name} | ${cell(html, 'html')} | ${cell(pdf, 'pdf')} | ${contender === 'floor' ? '1.00×' : times(ratio(pdf?.seconds, floor?.seconds))} | ${pdf?.runs ? fmt(MiB(pdf.peakBytes), 0) : '–'} | ${contender === 'floor' ? '1.00×' : times(ratio(pdf?.peakBytes, floor?.peakBytes))} | ${pdf?.pages ?? '–'} | ${Math.max(html?.runs ?? 0, pdf?.runs ?? 0)} |`,
    );
  }
  const extra = ['all', 'rebuild'].map((m) => [m, get(size, 'rfc-brief', m)]).filter(([, s]) => s);
  if (extra.length) {
    const one = get(size, 'rfc-brief', 'pdf');
    lines.push('');
    lines.push('| rfc-brief, also | time (s) | ÷ one slides PDF | peak memory (MiB) | browser launched | runs |');
    lines.push('| --- | ---: | ---: | ---: | --- | ---: |');
    for (const [m, s] of extra) {
      const what = m === 'all' ? 'deck + slides PDF + handout + report, one build' : 'rebuild, nothing changed';
      lines.push(
        `| ${what} | ${s.runs ? fmt(s.seconds) : 'failed'} | ${times(ratio(s.seconds, one?.seconds))} | ${s.runs ? fmt(MiB(s.peakBytes), 0) : '–'} | ${s.runs ? (s.browser ? 'yes' : 'no') : '–'} | ${s.runs} |`,
      );
    }
  }
  return lines.join('\n');
}

/** rfc-brief's own stage timings (build-report.json), medians over the measured runs. */
function stageTable(records, sizes) {
  const runs = records.filter(
    (r) => !r.warmup && r.ok && r.contender === 'rfc-brief' && r.stages && ['pdf', 'all', 'html'].includes(r.measure),
  );
  if (runs.length === 0) return undefined;
  const names = [...new Set(runs.flatMap((r) => r.stages.map((s) => s.stage)))];
  const lines = [
    `| input | measure | wall (s) | ${names.join(' | ')} | outside the stages |`,
    `| --- | --- | ---: | ${names.map(() => '---:').join(' | ')} | ---: |`,
  ];
  for (const size of sizes) {
    for (const measure of ['html', 'pdf', 'all']) {
      const group = runs.filter((r) => r.size === size && r.measure === measure);
      if (group.length === 0) continue;
      const stage = (name) => median(group.map((r) => r.stages.find((s) => s.stage === name)?.ms ?? 0));
      const wall = median(group.map((r) => r.seconds));
      const inside = median(group.map((r) => r.stages.reduce((sum, s) => sum + s.ms, 0)));
      lines.push(
        `| ${sizeName(size)} | ${measure} | ${fmt(wall)} | ${names.map((n) => fmt(stage(n) / 1000)).join(' | ')} | ${fmt(wall - inside / 1000)} |`,
      );
    }
  }
  return lines.join('\n');
}

function anchorTable(get, sizes) {
  const lines = [`| input | ${ANCHORS.map((a) => `rfc-brief ÷ ${a}`).join(' | ')} |`, `| --- | ${ANCHORS.map(() => '---').join(' | ')} |`];
  for (const size of sizes) {
    const cells = ANCHORS.map((anchor) => {
      const parts = [];
      for (const m of ['html', 'pdf']) {
        const r = ratio(get(size, 'rfc-brief', m)?.seconds, get(size, anchor, m)?.seconds);
        if (r !== undefined) parts.push(`${m.toUpperCase()} ${times(r)}`);
      }
      return parts.join(', ') || '–';
    });
    lines.push(`| ${sizeName(size)} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** `--baseline`: this rfc-brief against another commit's, measured in the same run. */
function baselineTable(get, sizes) {
  const lines = ['| input | HTML ÷ baseline | PDF ÷ baseline | all outputs ÷ baseline |', '| --- | ---: | ---: | ---: |'];
  for (const size of sizes) {
    const cell = (m) => times(ratio(get(size, 'rfc-brief', m)?.seconds, get(size, BASELINE, m)?.seconds));
    lines.push(`| ${sizeName(size)} | ${cell('html')} | ${cell('pdf')} | ${cell('all')} |`);
  }
  return lines.join('\n');
}

function elsewhereTable(get) {
  const lines = ['| 200 slides, Markdown → PDF | measured elsewhere (s) | here (s) | here ÷ elsewhere |', '| --- | ---: | ---: | ---: |'];
  for (const [name, seconds] of Object.entries(ELSEWHERE_200)) {
    const here = (get(200, name, 'pdf') ?? get(200, name, 'start'))?.seconds;
    lines.push(`| ${name} | ${fmt(seconds, 1)} | ${fmt(here)} | ${times(ratio(here, seconds))} |`);
  }
  return lines.join('\n');
}

/** The project's prettier style (its `format:check` covers bench/), when prettier is installed. */
async function formatted(markdown) {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(join(ROOT_DIR, 'bench', 'results.md'))) ?? {};
    return await prettier.format(markdown, { ...config, parser: 'markdown' });
  } catch {
    return `${markdown}\n`;
  }
}

export async function writeReport(data, dir) {
  const get = summarize(data.records);
  const sizes = [...new Set(data.records.map((r) => r.size))];
  const numeric = sizes.filter((s) => typeof s === 'number');
  const goalRows = goals(get, sizes);
  const measured = data.records.filter((r) => !r.warmup);
  const rerun = measured.filter((r) => r.attempts > 1).length;
  const stillBusy = measured.filter((r) => r.otherCores >= 0.35).length;
  const failures = data.records.filter((r) => !r.ok);
  const m = data.machine;

  const md = [];
  md.push('# rfc-brief benchmark results');
  md.push('');
  md.push(
    `Produced by \`npm run bench\` (bench/run.mjs) on ${data.date.slice(0, 16).replace('T', ' ')} UTC in ${fmt(data.elapsed / 60, 1)} min. ` +
      `Times are wall-clock medians of ${data.options.runs} measured runs after ${data.options.warmup} warm-up run${data.options.warmup === 1 ? '' : 's'} ` +
      `(small print: range of the runs), contenders interleaved round by round. Memory is the peak of the whole process tree ` +
      `(sum of the resident set sizes of the command and every descendant, sampled every ${SAMPLE_MS} ms; shared pages count once per process, ` +
      `as for every contender alike). See bench/README.md for what each measure runs.`,
  );
  md.push('');
  md.push('## Goals (ratios within this one run)');
  md.push('');
  md.push('| goal | measured | target | met |');
  md.push('| --- | --- | --- | --- |');
  for (const g of goalRows) md.push(`| ${g.goal} | ${g.value} | ${g.target} | ${g.met ? '**yes**' : '**no**'} |`);
  md.push('');
  for (const size of sizes) {
    md.push(`## ${sizeName(size)}${size === 'briefing' ? ' (content/)' : ''}`);
    md.push('');
    md.push(sizeTable(get, size));
    md.push('');
    if (data.records.some((r) => r.size === size && !r.warmup && r.ok && r.measure === 'html' && r.browser)) {
      md.push('‡ launched a browser to make the HTML (rfc-brief draws mermaid diagrams in Chromium, cached in the output folder).');
      md.push('');
    }
    if (data.records.some((r) => r.size === size && !r.warmup && r.otherCores >= 0.35)) {
      md.push('† at least one measured run shared the CPU with other work on the machine (over a third of a core on average).');
      md.push('');
    }
  }
  const stages = stageTable(data.records, sizes);
  if (stages) {
    md.push("## Where rfc-brief's time goes (its own stage timings from build-report.json, medians, seconds)");
    md.push('');
    md.push(
      'A PDF stage includes launching the browser when it is the first to need one, loading the page and printing it. "Outside the stages" is Node starting, loading modules, writing the output and closing the browser.',
    );
    md.push('');
    md.push(stages);
    md.push('');
  }
  md.push('## rfc-brief against each anchor (time ratio; below 1 is faster)');
  md.push('');
  md.push(anchorTable(get, numeric));
  md.push('');
  if (sizes.some((size) => get(size, BASELINE, 'pdf'))) {
    md.push('## rfc-brief against the baseline commit (`--baseline`, same run; below 1 is faster)');
    md.push('');
    md.push(baselineTable(get, sizes));
    md.push('');
  }
  if (numeric.includes(200)) {
    md.push('## This machine against the figures measured elsewhere');
    md.push('');
    md.push(elsewhereTable(get));
    md.push('');
  }
  md.push('![time against slide count](results.svg)');
  md.push('');
  md.push('## Not run, and why');
  md.push('');
  // One line per input and reason, naming every contender it applies to.
  const notes = new Map();
  for (const s of data.skipped) {
    const key = `${sizeName(s.size)}|${s.reason}`;
    if (!notes.has(key)) notes.set(key, new Set());
    notes.get(key).add(s.measure && !['html', 'pdf'].includes(s.measure) ? `${s.contender} (${s.measure})` : s.contender);
  }
  for (const [key, names] of notes) {
    const [where, reason] = key.split('|');
    md.push(`- ${where}: ${[...names].join(', ')}: ${reason}`);
  }
  md.push(
    '- pandoc: Markdown → HTML only; its reveal.js writer has no PDF path of its own (its page loads reveal.js from a CDN, which this machine cannot reach).',
  );
  md.push(
    "- reveal-md: its Markdown → HTML (`--static`) copies reveal.js and embeds the Markdown in the page for reveal.js's Markdown plugin to convert in the browser; it converts nothing, so its time does not grow with the deck.",
  );
  md.push(
    "- decktape: prints rfc-brief's own reveal.js deck of the same Markdown, so its time is HTML → PDF and does not include a Markdown → HTML step.",
  );
  md.push(
    '- reveal-md prints its own default layout (960×700 reveal.js slides); marp-cli its default 1280×720 theme; page counts show where a tool split or added pages.',
  );
  if (failures.length) {
    md.push('');
    md.push('## Failures');
    md.push('');
    const seenFailure = new Set();
    for (const f of failures) {
      const text = `- ${sizeName(f.size)}, ${f.contender} ${f.measure}: ${f.error}`;
      if (!seenFailure.has(text)) md.push(f.detail ? `${text} (the tool said: "${f.detail}")` : text);
      seenFailure.add(text);
    }
  }
  md.push('');
  md.push('## Machine and versions');
  md.push('');
  md.push(`- ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; ${m.kernel}; Node ${m.node}`);
  for (const [name, v] of Object.entries(data.versions)) {
    md.push(
      `- ${name}: ${v.error ? `not available: ${v.error}` : `${v.version}${v.browserLib ? ` (${v.browserLib})` : ''}${v.note ? `, ${v.note}` : ''}`}`,
    );
  }
  md.push(
    `- A shared machine: before each run the harness waited for the CPU to be quiet; ${rerun} measured run${rerun === 1 ? ' was' : 's were'} repeated because other work used the CPU meanwhile, ${stillBusy} still shared it after two repeats.`,
  );
  md.push('');
  writeFileSync(join(dir, 'results.md'), await formatted(md.join('\n')));
  writeFileSync(join(dir, 'results.svg'), chart(get, numeric));
  return ['bench/results.md', 'bench/results.svg'];
}

/** Time against slide count, both axes logarithmic; PDF solid, HTML dashed. */
export function chart(get, sizes) {
  const W = 800;
  const H = 460;
  const pad = { left: 64, right: 250, top: 36, bottom: 52 };
  const series = [
    ['rfc-brief', 'pdf', '#1d4f91', false],
    ['floor', 'pdf', '#111111', false],
    ['marp-cli', 'pdf', '#c2410c', false],
    ['reveal-md', 'pdf', '#15803d', false],
    ['decktape --pause 0', 'pdf', '#7e22ce', false],
    ['decktape (default pause)', 'pdf', '#a855f7', false],
    ['browser start', 'start', '#9ca3af', true],
    ['rfc-brief', 'html', '#1d4f91', true],
    ['marp-cli', 'html', '#c2410c', true],
    ['reveal-md', 'html', '#15803d', true],
    ['pandoc', 'html', '#6b7280', true],
  ]
    .map(([contender, measure, color, dashed]) => ({
      label: measure === 'start' ? 'browser start, no page' : `${contender} ${measure === 'pdf' ? '→ PDF' : '→ HTML'}`,
      color,
      dashed,
      points: sizes.map((size) => [size, get(size, contender, measure)?.seconds]).filter(([, s]) => s !== undefined),
    }))
    .filter((s) => s.points.length > 0);
  const all = series.flatMap((s) => s.points.map(([, y]) => y));
  if (all.length === 0 || sizes.length === 0)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="60"><text x="10" y="30">no data</text></svg>\n`;
  const xMin = Math.min(...sizes);
  const xMax = Math.max(...sizes);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...all)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...all)));
  const x = (v) =>
    pad.left +
    (xMax === xMin ? 0.5 : (Math.log10(v) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * (W - pad.left - pad.right);
  const y = (v) =>
    H - pad.bottom - ((Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (H - pad.top - pad.bottom);
  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(
    `<text x="${pad.left}" y="20" font-size="14" font-weight="bold">Wall time against slide count (log–log; median of the measured runs)</text>`,
  );
  for (let decade = yMin; decade <= yMax; decade *= 10) {
    for (const k of [1, 2, 5]) {
      const v = decade * k;
      if (v > yMax) break;
      out.push(
        `<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${k === 1 ? '#d0d7de' : '#eef1f4'}"/>`,
      );
      out.push(
        `<text x="${pad.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="#444">${v >= 1 ? v : v.toFixed(2).replace(/0+$/, '')}</text>`,
      );
    }
  }
  for (const size of sizes) {
    out.push(`<line x1="${x(size).toFixed(1)}" x2="${x(size).toFixed(1)}" y1="${pad.top}" y2="${H - pad.bottom}" stroke="#eef1f4"/>`);
    out.push(`<text x="${x(size).toFixed(1)}" y="${H - pad.bottom + 18}" text-anchor="middle" fill="#444">${size}</text>`);
  }
  out.push(`<text x="${(pad.left + W - pad.right) / 2}" y="${H - 12}" text-anchor="middle">slides</text>`);
  out.push(
    `<text x="16" y="${(pad.top + H - pad.bottom) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(pad.top + H - pad.bottom) / 2})">seconds</text>`,
  );
  series.forEach((s, i) => {
    const d = s.points.map(([px, py], j) => `${j ? 'L' : 'M'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
    const dash = s.label.startsWith('browser start') ? ' stroke-dasharray="2 3"' : s.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`);
    for (const [px, py] of s.points)
      out.push(
        `<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3" fill="${s.dashed ? '#fff' : s.color}" stroke="${s.color}" stroke-width="1.5"/>`,
      );
    const ly = pad.top + 10 + i * 20;
    const lx = W - pad.right + 16;
    out.push(`<line x1="${lx}" x2="${lx + 26}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${lx + 32}" y="${ly + 4}">${s.label.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

// `node bench/report.mjs` rewrites the report from bench/out/results.json without running anything.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL('.', import.meta.url).pathname;
  const data = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
  console.log((await writeReport(data, dir)).join(', '));
}
