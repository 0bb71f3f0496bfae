// Turns the raw runs into bench/results.md (tables, ratios, goals, machine and versions) and
// bench/results.svg (time against slide count).

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ANCHORS, ELSEWHERE_200, ROOT as ROOT_DIR } from './contenders.mjs';
import { goalRows, sizeName } from './goals.mjs';
import { median, SAMPLE_MS } from './measure.mjs';
import { pdfTrace, stageTable } from './trace.mjs';

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
  // #19 measures against the headless shell's floor; the full Chromium's is the older anchor.
  const shell = get(size, 'floor (headless shell)', 'pdf');
  const lines = [
    `| contender | Markdown → HTML (s) | Markdown → PDF (s) | PDF ÷ floor (headless shell) | PDF ÷ floor (Chromium) | peak memory, PDF (MiB) | memory ÷ floor (headless shell) | PDF pages | runs |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
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
      `| ${name} | ${cell(html, 'html')} | ${cell(pdf, 'pdf')} | ${times(ratio(pdf?.seconds, shell?.seconds))} | ${times(ratio(pdf?.seconds, floor?.seconds))} | ${pdf?.runs ? fmt(MiB(pdf.peakBytes), 0) : '–'} | ${times(ratio(pdf?.peakBytes, shell?.peakBytes))} | ${pdf?.pages ?? '–'} | ${Math.max(html?.runs ?? 0, pdf?.runs ?? 0)} |`,
    );
  }
  const extra = Object.keys(ALSO)
    .map((m) => [m, get(size, 'rfc-brief', m)])
    .filter(([, s]) => s);
  if (extra.length) {
    const one = get(size, 'rfc-brief', 'pdf');
    lines.push('');
    lines.push('| rfc-brief, also | time (s) | ÷ one slides PDF | peak memory (MiB) | browser launched | runs |');
    lines.push('| --- | ---: | ---: | ---: | --- | ---: |');
    for (const [m, s] of extra) {
      lines.push(
        `| ${ALSO[m]} | ${s.runs ? fmt(s.seconds) : 'failed'} | ${times(ratio(s.seconds, one?.seconds))} | ${s.runs ? fmt(MiB(s.peakBytes), 0) : '–'} | ${s.runs ? (s.browser ? 'yes' : 'no') : '–'} | ${s.runs} |`,
      );
    }
  }
  return lines.join('\n');
}

/** What each extra rfc-brief measure is (bench/README.md says how each runs). */
const ALSO = {
  all: 'every output, one build (empty cache: a fresh clone)',
  'pdf-figures-cached': 'slides PDF alone, its diagrams already drawn (goal 5)',
  rebuild: 'rebuild, nothing changed',
  pptx: 'slides.pptx alone (#18)',
  images: 'slide images alone (#18)',
};

/** #18: slides.pptx and the slide PNGs, rfc-brief's against marp-cli's. */
function newOutputsTable(data, get, size) {
  const rows = [];
  for (const contender of ['rfc-brief', 'marp-cli']) {
    for (const [measure, what] of [
      ['pptx', 'PPTX'],
      ['images', 'PNGs'],
    ]) {
      const s = get(size, contender, measure);
      if (!s) continue;
      const run = data.records
        .filter((r) => !r.warmup && r.ok && r.size === size && r.contender === contender && r.measure === measure)
        .at(-1);
      const made = measure === 'pptx' ? `${run?.slides ?? '–'} slides` : `${run?.images ?? '–'} PNGs, ${run?.imageSize ?? '–'}`;
      rows.push(
        `| ${contender} | ${what} | ${s.runs ? `${fmt(s.seconds)}${s.runs > 1 ? ` <sub>${fmt(s.min)}–${fmt(s.max)}</sub>` : ''}` : 'failed'} | ${s.runs ? fmt(MiB(s.peakBytes), 0) : '–'} | ${made} | ${s.runs} |`,
      );
    }
  }
  if (rows.length === 0) return undefined;
  return ['| contender | output | time (s) | peak memory (MiB) | made | runs |', '| --- | --- | ---: | ---: | --- | ---: |', ...rows].join(
    '\n',
  );
}

/** The files of the all-outputs build (build-report.json of its last run): what it wrote, how big. */
function outputFiles(data, size) {
  const files = data.records
    .filter((r) => !r.warmup && r.ok && r.size === size && r.contender === 'rfc-brief' && r.measure === 'all')
    .at(-1)?.files;
  if (!files?.length) return undefined;
  const size_ = (bytes) => (bytes >= 2 ** 20 ? `${fmt(bytes / 2 ** 20, 1)} MiB` : `${fmt(bytes / 1024, 0)} KiB`);
  return `Files of the every-output build: ${files.map((f) => `\`${f.path}\` ${size_(f.bytes)}${f.pages ? ` (${f.pages} pages)` : ''}`).join(', ')}.`;
}

/** rfc-brief serve (goals 2 and 3): every run's saves and warm PDFs. */
function serveTable(data) {
  const runs = data.records.filter((r) => r.size === 'serve' && r.contender === 'rfc-brief serve');
  if (runs.length === 0) return undefined;
  const lines = ['| run | save → shown (ms): median, every save | warm PDF on request (ms) | said |', '| --- | --- | --- | --- |'];
  for (const r of runs) {
    const reload = r.serve?.reload;
    const warm = r.serve?.warmPdf;
    const said = [r.ok ? '' : r.error, r.serve?.error, reload?.error, warm?.error].filter(Boolean).join('; ');
    lines.push(
      `| ${r.warmup ? 'warm-up' : r.round} | ${reload?.medianMs !== undefined ? `${fmt(reload.medianMs, 0)}: ${(reload.allMs ?? []).join(', ')}` : '–'} | ${warm?.medianMs ?? warm?.warmMs ?? '–'}${warm?.coldMs !== undefined ? ` (its cold build ${fmt(warm.coldMs, 0)})` : ''} | ${said || '–'} |`,
    );
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
function baselineTable(get, sizes, data) {
  const lines = ['| input | HTML ÷ baseline | PDF ÷ baseline | all outputs ÷ baseline |', '| --- | ---: | ---: | ---: |'];
  for (const size of sizes) {
    const cell = (m) => times(ratio(get(size, 'rfc-brief', m)?.seconds, get(size, BASELINE, m)?.seconds));
    lines.push(`| ${sizeName(size, data)} | ${cell('html')} | ${cell('pdf')} | ${cell('all')} |`);
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
  const goals = goalRows(data, get);
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
  md.push('## Goals (#19 and the speed goals of #18; ratios within this one run, medians)');
  md.push('');
  md.push('| issue · goal | goal | measured | target | met |');
  md.push('| --- | --- | --- | --- | --- |');
  for (const g of goals)
    md.push(
      `| ${g.issue} | ${g.goal} | ${g.value} | ${g.target} | ${g.met === undefined ? 'not measured' : g.met ? '**yes**' : '**no**'} |`,
    );
  md.push('');
  const notMet = [...new Set(goals.filter((g) => g.met === false).map((g) => g.issue.replace(' · ', ' goal ')))];
  if (notMet.length > 0) {
    md.push(
      `Not met: ${notMet.join(', ')}. Where their time goes, what was tried and measured, and what design would reach them: [bench/README.md](README.md#goals-not-met-where-the-time-goes-what-was-tried-what-would-reach-them).`,
    );
    md.push('');
  }
  md.push(
    "The floor of goal 1 and goal 7's memory is Chromium's headless shell printing the equivalent static page (the browser rfc-brief prints with); the full Chromium's is given beside it. The retired goal \"Markdown → HTML ≤ ¼ of the fastest anchor\" is not measured: its anchor, reveal-md --static, converts no Markdown (bench/README.md).",
  );
  md.push('');
  for (const size of sizes) {
    md.push(`## ${sizeName(size, data)}${size === 'briefing' ? ' (content/)' : ''}`);
    md.push('');
    if (size === 'serve') {
      md.push(serveTable(data) ?? 'No run.');
      md.push('');
      continue;
    }
    md.push(sizeTable(get, size));
    md.push('');
    const files = outputFiles(data, size);
    if (files) {
      md.push(files);
      md.push('');
    }
    const added = newOutputsTable(data, get, size);
    if (added) {
      md.push(added);
      md.push('');
    }
    if (data.records.some((r) => r.size === size && !r.warmup && r.ok && r.measure === 'html' && r.browser)) {
      md.push(
        '‡ launched a browser to make the HTML (rfc-brief draws mermaid diagrams in Chromium; every run starts with an empty cache).',
      );
      md.push('');
    }
    if (data.records.some((r) => r.size === size && !r.warmup && r.otherCores >= 0.35)) {
      md.push('† at least one measured run shared the CPU with other work on the machine (over a third of a core on average).');
      md.push('');
    }
  }
  const traces = [200, 1000, 'mixed', 12, 'briefing']
    .filter((size) => sizes.includes(size))
    .map((size) => [size, pdfTrace(data, get, size)]);
  const stages = stageTable(
    data,
    sizes.filter((size) => size !== 'serve'),
  );
  if (stages || traces.some(([, t]) => t)) {
    md.push("## Where rfc-brief's time goes (its own stage timings from build-report.json, medians)");
    md.push('');
    md.push(
      'The browser starts at the beginning of the build, beside reading the Markdown; a PDF stage waits for it when it is not up yet. The outputs of one build start together, each waiting inside its stage for what it is made from (the slides PDF for the deck), and the PDFs print side by side, so output stages overlap. "No stage" is Node starting, loading rfc-brief, writing the files into place and closing the browser.',
    );
    md.push('');
    for (const [size, trace] of traces) {
      if (!trace) continue;
      md.push(`### The slides PDF, ${sizeName(size, data)}, stage by stage`);
      md.push('');
      md.push(trace);
      md.push('');
    }
    if (stages) {
      md.push('### Every measure, stage by stage (seconds)');
      md.push('');
      md.push(stages);
      md.push('');
    }
  }
  md.push('## rfc-brief against each anchor (time ratio; below 1 is faster)');
  md.push('');
  md.push(anchorTable(get, numeric));
  md.push('');
  if (sizes.some((size) => get(size, BASELINE, 'pdf'))) {
    md.push('## rfc-brief against the baseline commit (`--baseline`, same run; below 1 is faster)');
    md.push('');
    md.push(
      baselineTable(
        get,
        sizes.filter((size) => size !== 'serve'),
        data,
      ),
    );
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
    const key = `${sizeName(s.size, data)}|${s.reason}`;
    if (!notes.has(key)) notes.set(key, new Set());
    notes.get(key).add(s.measure && !['html', 'pdf'].includes(s.measure) ? `${s.contender} (${s.measure})` : s.contender);
  }
  for (const [key, names] of notes) {
    const [where, reason] = key.split('|');
    md.push(`- ${where}: ${[...names].join(', ')}: ${reason}`);
  }
  if (sizes.includes('mixed'))
    md.push(
      "- mixed deck: rfc-brief's slides PDF and the two floors only: it is written in rfc-brief's syntax for layouts, callouts and math, which the other tools read otherwise.",
    );
  if (sizes.includes('serve'))
    md.push(
      '- rfc-brief serve: its own 200-slide deck (bench/serve-latency.mjs and serve-pdf.mjs writes it), whatever the --sizes; the other tools have no server to compare.',
    );
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
      const text = `- ${sizeName(f.size, data)}, ${f.contender} ${f.measure}: ${f.error}`;
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
