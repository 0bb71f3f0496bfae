// "Where the time goes": rfc-brief's own stage timings (build-report.json), per run, medians.
//
// How a build's stages nest (src/pipeline/build.ts): "read" then "figures" run one after the other;
// then every output's stage starts at once (each waits inside for what it is made from: the slides
// PDF for the deck), so the outputs' phase lasts as long as the longest of them; "measure" (the
// overflow and glyph measurement) runs inside "slides.pdf". What no stage covers is Node starting,
// loading rfc-brief, writing the files into place and closing the browser.

import { median } from './measure.mjs';
import { sizeName } from './goals.mjs';

const fmt = (value, digits = 2) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
const share = (part, whole) => (part === undefined || !whole ? '–' : `${((part / whole) * 100).toFixed(0)}%`);
const KNOWN_OUTPUTS = ['deck', 'slides.pdf', 'handout.pdf', 'report', 'report.pdf'];

function runsOf(data, size, measure) {
  return data.records.filter(
    (r) => !r.warmup && r.ok && r.contender === 'rfc-brief' && r.stages && r.size === size && r.measure === measure,
  );
}

/** One run's stages split into the sequence before the outputs, the outputs' phase, and the rest. */
function split(run, outputs) {
  const ms = (name) => run.stages.find((s) => s.stage === name)?.ms;
  const firstOutput = run.stages.findIndex((s) => outputs.includes(s.stage));
  const before = run.stages.slice(0, firstOutput < 0 ? run.stages.length : firstOutput).reduce((sum, s) => sum + s.ms, 0);
  const phase = Math.max(0, ...run.stages.filter((s) => outputs.includes(s.stage)).map((s) => s.ms));
  return { ms, before, phase, outside: run.seconds * 1000 - before - phase };
}

/**
 * The slides PDF's trace at one input: every stage, the time no stage covers, and beside it the
 * floor's print and the browser's bare start (what printing this content costs at all).
 */
export function pdfTrace(data, get, size) {
  const runs = runsOf(data, size, 'pdf');
  if (runs.length === 0) return undefined;
  const outputs = data.catalogue?.length ? data.catalogue.map((o) => o.id) : KNOWN_OUTPUTS;
  const parts = runs.map((run) => ({ run, ...split(run, outputs) }));
  const m = (pick) => median(parts.map(pick).filter((v) => typeof v === 'number'));
  const wall = m((p) => p.run.seconds * 1000);
  const names = [...new Set(runs.flatMap((r) => r.stages.map((s) => s.stage)))];
  const lines = ['| step | median (s) | share of the build |', '| --- | ---: | ---: |'];
  const line = (what, value) => lines.push(`| ${what} | ${fmt(value / 1000)} | ${share(value, wall)} |`);
  line(
    'Node starting, loading rfc-brief; writing the files, closing the browser (no stage)',
    m((p) => p.outside),
  );
  for (const name of names) {
    const value = m((p) => p.ms(name));
    if (name === 'slides.pdf') {
      line(
        'slides.pdf (from the outputs starting: waits for the deck, then for the browser, loads the print page, measures, prints)',
        value,
      );
      line(
        '  slides.pdf after the deck: browser ready, page loaded, measured, printed, metadata set',
        m((p) => (p.ms('deck') === undefined ? undefined : p.ms(name) - p.ms('deck'))),
      );
    } else if (name === 'measure') line('  of which measure: overflow and missing glyphs, on the page it prints (a check)', value);
    else line(outputs.includes(name) ? `${name} (an output)` : name, value);
  }
  lines.push(`| **the build, wall time** | **${fmt(wall / 1000)}** | 100% |`);
  const shell = get(size, 'floor (headless shell)', 'pdf');
  const start = get(size, 'browser start (headless shell)', 'start');
  if (shell?.seconds !== undefined) {
    lines.push(
      `| the floor: the headless shell printing the static page, start to exit | ${fmt(shell.seconds)} | ${share(shell.seconds * 1000, wall)} |`,
    );
    if (start?.seconds !== undefined)
      lines.push(
        `| of which the headless shell starting and stopping with no page | ${fmt(start.seconds)} | ${share(start.seconds * 1000, wall)} |`,
      );
    lines.push(`| rfc-brief over the floor | ${fmt(wall / 1000 - shell.seconds)} | ${share(wall - shell.seconds * 1000, wall)} |`);
  }
  return lines.join('\n');
}

/** Every measure's stages side by side (the outputs of one build print in parallel: they overlap). */
export function stageTable(data, sizes) {
  const runs = data.records.filter(
    (r) =>
      !r.warmup &&
      r.ok &&
      r.contender === 'rfc-brief' &&
      r.stages &&
      ['html', 'pdf', 'all', 'pdf-figures-cached', 'pptx', 'images'].includes(r.measure),
  );
  if (runs.length === 0) return undefined;
  const outputs = data.catalogue?.length ? data.catalogue.map((o) => o.id) : KNOWN_OUTPUTS;
  const names = [...new Set(runs.flatMap((r) => r.stages.map((s) => s.stage)))];
  const lines = [
    `| input | run | wall (s) | ${names.join(' | ')} | no stage |`,
    `| --- | --- | ---: | ${names.map(() => '---:').join(' | ')} | ---: |`,
  ];
  for (const size of sizes) {
    for (const measure of ['html', 'pdf', 'pdf-figures-cached', 'all', 'pptx', 'images']) {
      const group = runs.filter((r) => r.size === size && r.measure === measure);
      if (group.length === 0) continue;
      const stage = (name) => median(group.map((r) => r.stages.find((s) => s.stage === name)?.ms).filter((v) => v !== undefined));
      const outside = median(group.map((r) => split(r, outputs).outside));
      lines.push(
        `| ${sizeName(size, data)} | ${measure} | ${fmt(median(group.map((r) => r.seconds)))} | ${names.map((n) => fmt(stage(n) / 1000)).join(' | ')} | ${fmt(outside / 1000)} |`,
      );
    }
  }
  return lines.join('\n');
}
