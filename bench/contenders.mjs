// The contenders: how each is installed (into bench/.cache/<name>/, never into the project's own
// dependencies), which version, and the command line for each measure.
//
// Every tool prints with the same system Chromium (/usr/bin/chromium, or CHROME_PATH); no
// browser is downloaded (PUPPETEER_SKIP_DOWNLOAD). Node tools are started with `node <their
// bin script>`, not through npx, so no contender pays for a launcher the others do not.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pngInfo, pptxSlides } from './measure.mjs';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const CACHE = join(ROOT, 'bench', '.cache');
export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
/** Chromium's old headless shell (Debian's chromium-headless-shell), which rfc-brief prefers. */
export const HEADLESS_SHELL = ['/usr/lib/chromium/chromium-headless-shell'].find((path) => existsSync(path));

/** Node packages, pinned: versions whose `engines` accept Node 20 (checked with `npm view`). */
const PACKAGES = {
  'marp-cli': { pkg: '@marp-team/marp-cli', version: '4.5.1', bin: 'marp-cli.js' },
  'reveal-md': { pkg: 'reveal-md', version: '6.1.4', bin: 'bin/reveal-md.js' },
  decktape: { pkg: 'decktape', version: '3.16.1', bin: 'decktape.js' },
};

/** Flags for Chromium started by hand: headless, as root, offline, with a throw-away profile. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/**
 * rfc-brief finds its browser itself (the headless shell where it is installed, else the full
 * Chromium), as it does for a person who has not set CHROME_PATH; the other tools are pointed at
 * the system Chromium, which they do not find alone.
 */
export const RFC_BRIEF_ENV = () => {
  const env = { ...ENV };
  delete env.CHROME_PATH;
  delete env.PUPPETEER_EXECUTABLE_PATH;
  return env;
};

export const ENV = {
  ...process.env,
  CHROME_PATH: CHROMIUM,
  PUPPETEER_EXECUTABLE_PATH: CHROMIUM,
  PUPPETEER_SKIP_DOWNLOAD: '1',
  PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1',
  NO_UPDATE_NOTIFIER: '1',
  NODE_OPTIONS: '',
  FORCE_COLOR: '0',
};

/**
 * rfc-brief as compiled when the benchmark starts: build/, bin/, themes/ and package.json copied
 * to bench/out/rfc-brief/, so that a compile in the shared work tree during the run (tests do
 * one) cannot change the program under test halfway. Its dependencies still resolve from the
 * project's node_modules (the copy sits inside the project). Returns the version to report.
 */
export const RFC_BRIEF = join(ROOT, 'bench', 'out', 'rfc-brief');
export function snapshotRfcBrief() {
  rmSync(RFC_BRIEF, { recursive: true, force: true });
  for (const entry of ['build', 'bin', 'themes', 'package.json']) cpSync(join(ROOT, entry), join(RFC_BRIEF, entry), { recursive: true });
  // The scripts that load rfc-brief's modules (checks, serve) load them from the snapshot: `../build`.
  for (const script of readdirSync(join(ROOT, 'bench')).filter((name) => name.endsWith('.mjs')))
    cpSync(join(ROOT, 'bench', script), join(RFC_BRIEF, 'bench', script));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const puppeteer = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'puppeteer-core', 'package.json'), 'utf8')).version;
  let git = 'unknown commit';
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'themes', 'package.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    git = `${head}${dirty ? ' with uncommitted changes in src/ or themes/' : ''}`;
  } catch {
    // not a git checkout
  }
  return { version: `${pkg.version} (${git})`, browserLib: `puppeteer ${puppeteer}` };
}

/**
 * The outputs rfc-brief can write, read from the snapshot's catalogue (src/outputs/catalogue.ts):
 * the #18 outputs are measured only once it has them, whatever the name they were given.
 */
export async function loadCatalogue() {
  try {
    const { OUTPUTS } = await import(pathToFileURL(join(RFC_BRIEF, 'build', 'outputs', 'catalogue.js')).href);
    return OUTPUTS.map(({ id, select, file }) => ({ id, select, file }));
  } catch {
    return [];
  }
}

/** The #18 outputs in a catalogue: { pptx, images, onefile }, each the entry or undefined. */
export function newOutputs(catalogue) {
  const named = (o) => `${o.id} ${o.select} ${o.file}`;
  return {
    pptx: catalogue.find((o) => /\.pptx$/i.test(o.file)),
    images: catalogue.find((o) => /\.(png|jpe?g)$|\bimages?\b|png/i.test(named(o))),
    onefile: catalogue.find((o) => /^[^/]+\.html$/.test(o.file)),
  };
}

const binPath = (name) => join(CACHE, name, 'node_modules', PACKAGES[name].pkg, PACKAGES[name].bin);

function installedVersion(name) {
  try {
    const file = join(CACHE, name, 'node_modules', PACKAGES[name].pkg, 'package.json');
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** The puppeteer a tool prints with (its own copy), for the report. */
function puppeteerVersion(name) {
  for (const pkg of ['puppeteer-core', 'puppeteer']) {
    try {
      return `${pkg} ${JSON.parse(readFileSync(join(CACHE, name, 'node_modules', pkg, 'package.json'), 'utf8')).version}`;
    } catch {
      // try the next
    }
  }
  return undefined;
}

/**
 * Installs the Node contenders into bench/.cache/<name>/ (each with its own package.json) and
 * pandoc from Debian when missing and allowed. Returns { name: { version, note } | { error } }.
 */
export function install({ allowApt = true, log = console.error } = {}) {
  const status = {};
  for (const [name, spec] of Object.entries(PACKAGES)) {
    const dir = join(CACHE, name);
    if (installedVersion(name) !== spec.version) {
      log(`bench: installing ${spec.pkg}@${spec.version} into bench/.cache/${name}/`);
      mkdirSync(dir, { recursive: true });
      if (!existsSync(join(dir, 'package.json'))) {
        writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `bench-${name}`, private: true }, null, 2)}\n`);
      }
      try {
        execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `${spec.pkg}@${spec.version}`], {
          cwd: dir,
          env: ENV,
          stdio: ['ignore', 'ignore', 'pipe'],
        });
      } catch (error) {
        status[name] = { error: `npm install ${spec.pkg}@${spec.version} failed: ${firstLine(error.stderr?.toString() || error.message)}` };
        continue;
      }
    }
    status[name] = { version: installedVersion(name), browserLib: puppeteerVersion(name) };
  }
  status.pandoc = installPandoc(allowApt, log);
  return status;
}

function installPandoc(allowApt, log) {
  const version = () => {
    try {
      return execFileSync('pandoc', ['--version'], { encoding: 'utf8' })
        .split('\n')[0]
        .replace(/^pandoc\s*/, '');
    } catch {
      return undefined;
    }
  };
  if (version()) return { version: version(), note: "Debian's pandoc" };
  if (!allowApt) return { error: 'pandoc is not installed (and --no-apt was given)' };
  if (process.getuid?.() !== 0) return { error: 'pandoc is not installed, and installing it needs root (apt-get install pandoc)' };
  try {
    log('bench: installing pandoc (apt-get)');
    const apt = (args) => execFileSync('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: 'ignore' });
    try {
      apt(['install', '-y', '-qq', '--no-install-recommends', 'pandoc']);
    } catch {
      apt(['update', '-qq']);
      apt(['install', '-y', '-qq', '--no-install-recommends', 'pandoc']);
    }
  } catch (error) {
    return { error: `apt-get install pandoc failed: ${firstLine(error.message)}` };
  }
  return version() ? { version: version(), note: "Debian's pandoc, installed by the harness" } : { error: 'pandoc did not install' };
}

const firstLine = (text) => String(text).trim().split('\n')[0];

/** A fresh Chromium profile folder for one run (made before the clock starts). */
const profile = () => mkdtempSync(join(tmpdir(), 'bench-chromium-'));

/**
 * The measures. Each entry: contender, measure ('html' | 'pdf' | 'all' | 'rebuild' | 'start' |
 * 'pptx' | 'images' | 'pdf-figures-cached' | 'checks' | 'serve'), where it runs, and
 * `command(ctx)` returning { command, args, output, cleanup?, reset?, collect? } for one run:
 * `reset()` runs before every attempt (a repeated run starts from the same state), `collect()`
 * after a successful one (what the run wrote besides its time: stage timings, files, counts).
 * `ctx` = { size, deck (deck.md or the briefing folder), out (this run's empty folder),
 * deckHtml (rfc-brief's deck of this input), floorHtml, figureCache, slowTimeout }.
 *
 * Where each runs: every generated size unless `upTo` (a largest size); the default briefing when
 * `briefing`, only there when `briefingOnly`; the mixed deck when `mixed`; the serve input only
 * when `serve` (and then nowhere else).
 */
/** Chromium's own print of the floor page (a plain static page of the same slides). */
function floor(contender, browser) {
  return {
    contender,
    measure: 'pdf',
    briefing: true,
    mixed: true,
    skip: browser ? undefined : `${contender}: the browser is not installed`,
    command: (ctx) => {
      const dir = profile();
      const pdf = join(ctx.out, 'floor.pdf');
      return {
        command: browser,
        args: [
          ...CHROMIUM_FLAGS,
          `--user-data-dir=${dir}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${pdf}`,
          pathToFileURL(ctx.floorHtml).href,
        ],
        output: pdf,
        cleanup: [dir],
      };
    },
  };
}

/** The browser started and stopped, with no page to print. */
function start(contender, browser) {
  return {
    contender,
    measure: 'start',
    briefing: true,
    skip: browser ? undefined : `${contender}: the browser is not installed`,
    command: () => {
      const dir = profile();
      return { command: browser, args: [...CHROMIUM_FLAGS, `--user-data-dir=${dir}`, '--dump-dom', 'about:blank'], cleanup: [dir] };
    },
  };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** What rfc-brief's build-report.json says: its stage timings and the files it wrote. */
function buildReport(dist) {
  const report = readJson(join(dist, 'build-report.json'));
  return report ? { stages: report.stages, files: report.files?.map(({ path, bytes, pages }) => ({ path, bytes, pages })) } : {};
}

/**
 * rfc-brief's deck alone, its slides PDF alone, every output of one build, and each #18 output
 * alone once the catalogue has it.
 */
function buildMeasures(contender, rfc, catalogue) {
  const measure = (name, only, output, extra = {}) => ({
    contender,
    measure: name,
    briefing: true,
    ...extra,
    command: (ctx) => ({ ...rfc(ctx, only ? ['--only', only] : []), output: join(ctx.out, 'dist', ...output.split('/')) }),
  });
  const added = newOutputs(catalogue);
  const named = catalogue.map((o) => o.select).filter((v, i, all) => all.indexOf(v) === i);
  const missing = (what) => `not in rfc-brief yet: src/outputs/catalogue.ts has no ${what} output (it has ${named.join(', ') || 'none'})`;
  const output = (name, entry, what, collect) =>
    entry
      ? {
          ...measure(name, entry.select, entry.file, { briefing: false, upTo: 200 }),
          command: (ctx) => {
            const spec = { ...rfc(ctx, ['--only', entry.select]), output: join(ctx.out, 'dist', ...entry.file.split('/')) };
            return { ...spec, collect: () => ({ ...spec.collect(), ...collect(join(ctx.out, 'dist'), spec.output) }) };
          },
        }
      : { contender, measure: name, upTo: 200, skip: missing(what) };
  return [
    measure('html', 'deck', 'slides/index.html'),
    measure('pdf', 'slides', 'slides.pdf', { mixed: true }),
    measure('all', undefined, 'slides.pdf'),
    output('pptx', added.pptx, 'PPTX', (_, file) => ({ slides: pptxSlides(file) })),
    output('images', added.images, 'slide-image', (dist) => pngInfo(dist)),
  ];
}

export function tasks(status, { baseline, catalogue = [] } = {}) {
  // rfc-brief keeps its cache in the user's cache folder: each run gets one of its own inside its
  // output folder, so that a run measures printing, not an earlier run's cache, and the rebuild
  // (whose output folder is kept) finds what its first build kept. A repeated attempt (a disturbed
  // run) starts again from an empty cache and no output folder (`reset`).
  const rfcFrom =
    (dir) =>
    (ctx, extra, { figuresCached = false } = {}) => {
      const dist = join(ctx.out, 'dist');
      const cache = join(ctx.out, '.rfc-brief-cache');
      return {
        env: { ...RFC_BRIEF_ENV(), RFC_BRIEF_CACHE_DIR: cache },
        command: process.execPath,
        args: [
          join(dir, 'bin', 'rfc-brief.js'),
          'build',
          ctx.deck,
          // A folder of its own: rfc-brief writes only into folders it made, and the harness keeps
          // each run's log beside it.
          '--out',
          dist,
          '--quiet',
          '--timeout',
          String(ctx.slowTimeout),
          ...extra,
        ],
        reset: () => {
          rmSync(dist, { recursive: true, force: true });
          rmSync(cache, { recursive: true, force: true });
          // The diagrams and charts drawn before the clock started, nothing printed (goal 5's
          // denominator): the cache of the input's `--only deck` build.
          if (figuresCached) cpSync(ctx.figureCache, cache, { recursive: true });
        },
        collect: () => buildReport(dist),
      };
    };
  const rfc = rfcFrom(RFC_BRIEF);
  // --baseline DIR: the same measures with another compiled checkout (an earlier commit), in the
  // same run, so that a change is compared with what it replaces on the same machine state.
  const rfcBase = baseline ? rfcFrom(baseline) : undefined;
  const node = (name, args) => ({ command: process.execPath, args: [binPath(name), ...args] });
  const missing = (name) => status[name]?.error;
  const marp = (measure, extra, file, collect, upTo) => ({
    contender: 'marp-cli',
    measure,
    skip: missing('marp-cli'),
    upTo,
    command: (ctx) => {
      const output = join(ctx.out, file);
      const timeout = String(Math.ceil(ctx.slowTimeout / 1000));
      const browser = extra.length ? ['--allow-local-files', '--browser-path', CHROMIUM, '--browser-timeout', timeout] : [];
      return {
        ...node('marp-cli', ['--no-config-file', ctx.deck, ...extra, ...browser, '-o', output]),
        // --images writes deck.001.png, deck.002.png, …
        output: measure === 'images' ? join(ctx.out, 'deck.001.png') : output,
        collect: collect ? () => collect(ctx.out, output) : undefined,
      };
    },
  });

  return [
    // rfc-brief (and with --baseline, another commit's, measured the same way)
    ...buildMeasures('rfc-brief', rfc, catalogue),
    {
      // The out folder is kept between runs: every run after the first is a rebuild of an
      // unchanged input into an up-to-date output. The harness builds it once before timing.
      contender: 'rfc-brief',
      measure: 'rebuild',
      briefing: true,
      upTo: 200,
      keepOut: true,
      command: (ctx) => ({ ...rfc(ctx, []), reset: undefined, output: join(ctx.out, 'dist', 'slides.pdf') }),
    },
    {
      // Goal 5's denominator: the briefing's slides PDF alone, its diagrams already drawn.
      contender: 'rfc-brief',
      measure: 'pdf-figures-cached',
      briefingOnly: true,
      command: (ctx) => ({ ...rfc(ctx, ['--only', 'slides'], { figuresCached: true }), output: join(ctx.out, 'dist', 'slides.pdf') }),
    },
    {
      // Goal 6: the checks build-report.json does not time on their own (bench/checks.mjs).
      contender: 'rfc-brief checks',
      measure: 'checks',
      briefing: true,
      command: (ctx) => {
        const json = join(ctx.out, 'checks.json');
        return {
          command: process.execPath,
          args: [join(RFC_BRIEF, 'bench', 'checks.mjs'), ctx.deck, json],
          env: RFC_BRIEF_ENV(),
          output: json,
          collect: () => ({ checks: readJson(json) }),
        };
      },
    },
    {
      // Goals 2 and 3: `serve` (bench/serve-goals.mjs → bench/serve-latency.mjs and serve-pdf.mjs), 200 slides.
      contender: 'rfc-brief serve',
      measure: 'serve',
      serve: true,
      command: (ctx) => {
        const json = join(ctx.out, 'serve.json');
        const tmp = join(ctx.out, 'tmp');
        mkdirSync(tmp, { recursive: true });
        return {
          command: process.execPath,
          args: [join(RFC_BRIEF, 'bench', 'serve-goals.mjs'), json, String(ctx.slides), '5'],
          env: { ...RFC_BRIEF_ENV(), TMPDIR: tmp, RFC_BRIEF_CACHE_DIR: join(ctx.out, '.rfc-brief-cache') },
          output: json,
          reset: () => rmSync(join(ctx.out, '.rfc-brief-cache'), { recursive: true, force: true }),
          collect: () => ({ serve: readJson(json) }),
        };
      },
    },
    // The baseline's #18 outputs are looked for under the names this commit's catalogue gives them.
    ...(rfcBase ? buildMeasures('rfc-brief (baseline)', rfcBase, catalogue).filter((t) => !t.skip) : []),
    // The floor: Chromium printing the same slides as a plain static page, and the bare start;
    // the same two with the headless shell, the browser rfc-brief prints with.
    floor('floor', CHROMIUM),
    start('browser start', CHROMIUM),
    floor('floor (headless shell)', HEADLESS_SHELL),
    start('browser start (headless shell)', HEADLESS_SHELL),
    // marp-cli: HTML, PDF, and (#18) PPTX and PNGs, each with its defaults (PPTX: one image per
    // slide at scale 2; PNG: scale 1).
    marp('html', [], 'deck.html'),
    marp('pdf', ['--pdf'], 'deck.pdf'),
    marp('pptx', ['--pptx'], 'deck.pptx', (_, file) => ({ slides: pptxSlides(file) }), 200),
    marp('images', ['--images', 'png'], 'deck.png', (dir) => pngInfo(dir), 200),
    // reveal-md (serves the deck on localhost:1948 and prints it with its own puppeteer)
    {
      contender: 'reveal-md',
      measure: 'html',
      skip: missing('reveal-md'),
      command: (ctx) => {
        const dir = join(ctx.out, 'static');
        return { ...node('reveal-md', [basename(ctx.deck), '--static', dir]), cwd: dirname(ctx.deck), output: join(dir, 'deck.html') };
      },
    },
    {
      contender: 'reveal-md',
      measure: 'pdf',
      skip: missing('reveal-md'),
      command: (ctx) => {
        const pdf = join(ctx.out, 'deck.pdf');
        return {
          cwd: dirname(ctx.deck),
          ...node('reveal-md', [
            basename(ctx.deck),
            '--print',
            pdf,
            '--disable-auto-open',
            '--puppeteer-chromium-executable',
            CHROMIUM,
            '--puppeteer-launch-args=--no-sandbox --disable-gpu',
          ]),
          output: pdf,
        };
      },
    },
    // decktape prints a deck that already exists: rfc-brief's own reveal.js deck of the same
    // Markdown (its time is HTML -> PDF; the Markdown -> HTML step is not counted).
    ...[
      ['decktape', ['--pause', '0'], 'decktape --pause 0'],
      ['decktape', [], 'decktape (default pause)'],
    ].map(([name, extra, label]) => ({
      contender: label,
      measure: 'pdf',
      skip: missing(name),
      slow: extra.length === 0,
      command: (ctx) => {
        const pdf = join(ctx.out, 'deck.pdf');
        return {
          ...node(name, [
            'reveal',
            ...extra,
            '--chrome-path',
            CHROMIUM,
            '--chrome-arg=--no-sandbox',
            '--chrome-arg=--disable-gpu',
            '--url-load-timeout',
            String(ctx.slowTimeout),
            pathToFileURL(ctx.deckHtml).href,
            pdf,
          ]),
          output: pdf,
        };
      },
    })),
    // pandoc's reveal.js writer: HTML only (it has no PDF path of its own for reveal.js).
    {
      contender: 'pandoc',
      measure: 'html',
      skip: status.pandoc?.error,
      command: (ctx) => {
        const html = join(ctx.out, 'deck.html');
        return { command: 'pandoc', args: ['-t', 'revealjs', '-s', '--metadata', 'title=deck', ctx.deck, '-o', html], output: html };
      },
    },
  ];
}

/** The anchors of the issue, with the times measured elsewhere (2 cores, 200 slides). */
export const ANCHORS = ['marp-cli', 'reveal-md', 'decktape --pause 0', 'decktape (default pause)'];
export const ELSEWHERE_200 = {
  'marp-cli': 6.4,
  'reveal-md': 12,
  'decktape --pause 0': 46,
  'decktape (default pause)': 250,
  floor: 3.7,
  'browser start': 1.8,
};

export function versions(status) {
  const chromium = (() => {
    try {
      return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return { ...status, chromium: { version: chromium } };
}
