import { InvalidArgumentError, Option, type Command } from 'commander';
import { buildEarly } from '../pipeline/early-browser.js';
import { display } from '../content/load.js';
import { DEFAULT_TIMEOUT_MS, HANDOUT_LAYOUTS, IMAGE_FORMATS, PAPER_SIZES, TIMEOUT_SLIDES } from '../config/defaults.js';
import { SELECTABLE, type Selectable } from '../outputs/catalogue.js';
import { failures, formatFinding, uniqueDiagnostics } from '../errors.js';
import { printable, type CliIo } from './io.js';
import { createProgress } from './progress.js';
import { DEFAULT_DIR, watchHint } from './hints.js';
import { summariseWarnings } from './warning-summary.js';
import { plural } from '../words.js';

interface BuildFlags {
  out: string;
  pdf: boolean;
  cache: boolean;
  only?: Selectable[];
  theme?: string;
  handout?: string;
  paper?: string;
  pdfSeparateFragments?: boolean;
  imageFormat?: string;
  imageScale?: string;
  browserPath?: string;
  timeout: number;
  quiet?: boolean;
  json?: boolean;
  safe?: boolean;
  strict?: boolean;
  force?: boolean;
  allowScripts?: boolean;
}

/** Options `build` shares with `check` and `serve`. */
export function addSourceOptions(command: Command): Command {
  return command
    .argument('[dir]', 'the briefing: a folder of Markdown files, or one Markdown file', DEFAULT_DIR)
    .option('-t, --theme <name>', 'theme (overrides the front matter): light, dark, or a reveal.js theme')
    .option('--safe', 'sanitise raw HTML in the content (for a briefing from someone else)');
}

export function addBrowserOptions(command: Command): Command {
  return command
    .option('--browser-path <path>', 'Chromium or Chrome to use (else CHROME_PATH, PUPPETEER_EXECUTABLE_PATH, system)')
    .addOption(
      new Option(
        '--timeout <ms>',
        `how long a page may take to load and print (default: ${DEFAULT_TIMEOUT_MS}, and for a deck of more than ${TIMEOUT_SLIDES} slides that times (slides / ${TIMEOUT_SLIDES})²)`,
      ).argParser(parsePositive),
    );
}

/** Sets the exit code: 1 when the build's findings fail it and --force wrote the outputs anyway. */
export function registerBuild(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program.command('build').description('build the deck, the slides PDF, the handout and the report');
  addSourceOptions(command)
    .option('-o, --out <dir>', 'output folder', 'dist')
    .addOption(new Option('--only <outputs>', `write only these, comma-separated: ${SELECTABLE.join(', ')}`).argParser(parseOutputs))
    .option('--no-pdf', 'write the HTML (deck, report) only, without printing')
    .option('--no-cache', 'reuse nothing from earlier builds and keep nothing for later ones')
    .addOption(new Option('--handout <layout>', 'handout layout: slides per page (1, 3 with notes; 6 without)').choices(HANDOUT_LAYOUTS))
    .addOption(new Option('--paper <size>', 'paper for the handout and the report').choices(PAPER_SIZES))
    .option('--pdf-separate-fragments', 'slides.pdf: one page per fragment step, code steps included (as reveal.js prints them)')
    .addOption(new Option('--image-format <format>', 'format of the slide images (slides-images/)').choices(IMAGE_FORMATS))
    .option('--image-scale <scale>', 'size of the slide images over the slide size (1: 1280×720 for 16:9; up to 4)')
    .option('--allow-scripts', 'let scripts written in the content run while printing')
    .option('--strict', 'fail on warnings too (a load outside the build, a slide without notes, ...), as check --strict does')
    .option('--force', 'write the outputs even when errors fail the build (it still exits 1)')
    // Other tools' habit (tsc, vite build, marp): not an option here, but an answer that points to serve.
    .addOption(new Option('-w, --watch').hideHelp());
  command.on('option:watch', () => command.error(watchHint(io).trimEnd(), { code: 'rfc-brief.watch' }));
  addBrowserOptions(command)
    .option('--json', 'print the build report (files, pages, stage times, warnings) as JSON on stdout')
    .option('-q, --quiet', 'no progress and no warnings on stderr')
    .action(async (dir: string, flags: BuildFlags) => {
      const result = await buildEarly({
        input: dir,
        out: flags.out,
        cwd: io.cwd,
        pdf: flags.pdf,
        cache: flags.cache,
        only: flags.only,
        theme: flags.theme,
        handout: flags.handout,
        paper: flags.paper,
        pdfSeparateFragments: flags.pdfSeparateFragments,
        imageFormat: flags.imageFormat,
        imageScale: flags.imageScale,
        safe: flags.safe,
        strict: flags.strict,
        force: flags.force,
        allowScripts: flags.allowScripts,
        browserPath: flags.browserPath,
        timeoutMs: flags.timeout,
        env: io.env,
        signal: io.signal,
        onProgress: flags.quiet ? undefined : createProgress(io),
      });
      const all = uniqueDiagnostics([...result.warnings, ...result.findings]);
      const failed = new Set(failures(all, flags.strict));
      // What fails the build is printed in full, --quiet or not; the rest is summarised by kind.
      const lines = [
        ...all.filter((d) => failed.has(d)).map(formatFinding),
        ...(flags.quiet ? [] : summariseWarnings(all.filter((d) => !failed.has(d)))),
      ];
      for (const line of lines) io.stderr(`${printable(line)}\n`);
      if (!flags.quiet && result.removed?.length)
        io.stderr(
          printable(`removed ${result.removed.map((path) => shown(io.cwd, path)).join(', ')}: an earlier build's, not made by this one\n`),
        );
      // Only a forced build gets here with something that fails it: written, and said so.
      if (failed.size > 0) {
        io.stderr(`error[CHECK_FAILED]: the build found ${failed.size} problem${failed.size === 1 ? '' : 's'}; written anyway (--force)\n`);
        setExitCode(1);
      }
      if (flags.json) {
        const { buildReport } = await import('../pipeline/build-report.js');
        // ok tells it from the object a failed build prints (cli.ts).
        const report = { ok: true, ...(buildReport(result, (path) => shown(io.cwd, path)) as object) };
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      for (const file of result.written) {
        const pages = file.pages === undefined ? '' : `, ${plural(file.pages, 'page')}`;
        io.stdout(`${printable(shown(io.cwd, file.path))} (${formatBytes(file.bytes)}${pages})\n`);
      }
    });
}

function parseOutputs(value: string): Selectable[] {
  const names = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = names.filter((name) => !(SELECTABLE as readonly string[]).includes(name));
  if (bad.length > 0 || names.length === 0)
    throw new InvalidArgumentError(`expected some of ${SELECTABLE.join(', ')}${bad.length ? ` (not ${bad.join(', ')})` : ''}`);
  return names as Selectable[];
}

export function parsePositive(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('expected a positive number of milliseconds');
  return number;
}

/** Relative to where the person is, unless that means climbing out of it (as in messages). */
export function shown(cwd: string, path: string): string {
  return display(path, cwd);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
