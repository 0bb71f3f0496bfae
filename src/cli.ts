import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { relative } from 'node:path';
import { build } from './build.js';
import { DEFAULT_TIMEOUT_MS, HANDOUT_LAYOUTS, OUTPUTS, PAPER_SIZES, type Output } from './config/defaults.js';
import { BriefError, formatError, formatWarning } from './errors.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly signal?: AbortSignal | undefined;
}

const defaultIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
});

interface BuildFlags {
  out: string;
  pdf: boolean;
  only?: Output[];
  theme?: string;
  handout?: string;
  paper?: string;
  browserPath?: string;
  timeout: number;
  quiet?: boolean;
  safe?: boolean;
  strict?: boolean;
  allowScripts?: boolean;
}

/** Runs the command line and returns the exit code; the only place that prints errors. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('rfc-brief')
    .description('Turn a folder of Markdown into a reveal.js deck and its PDF for an RFC review.')
    .version(await readVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text) })
    .showSuggestionAfterError(true);

  program
    .command('build')
    .description('build the deck, the slides PDF, the handout and the report')
    .argument('[dir]', 'the briefing: a folder of Markdown files, or one Markdown file', 'content')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .addOption(new Option('--only <outputs>', `write only these, comma-separated: ${OUTPUTS.join(', ')}`).argParser(parseOutputs))
    .option('--no-pdf', 'write the HTML (deck, report) only, without launching a browser')
    .addOption(new Option('--handout <layout>', 'handout layout: slides per page (1, 3 with notes; 6 without)').choices(HANDOUT_LAYOUTS))
    .addOption(new Option('--paper <size>', 'paper for the handout and the report').choices(PAPER_SIZES))
    .option('-t, --theme <name>', 'theme (overrides the front matter): light, dark, or a reveal.js theme')
    .option('--browser-path <path>', 'Chromium or Chrome to print with (else CHROME_PATH, PUPPETEER_EXECUTABLE_PATH, system)')
    .addOption(
      new Option('--timeout <ms>', 'how long printing may take, in milliseconds').default(DEFAULT_TIMEOUT_MS).argParser(parsePositive),
    )
    .option('--safe', 'sanitise raw HTML in the content (for a briefing from someone else)')
    .option('--allow-scripts', 'let scripts written in the content run while printing')
    .option('--strict', 'fail when the content asks to load anything outside the build')
    .option('-q, --quiet', 'print no warnings')
    .action(async (dir: string, flags: BuildFlags) => {
      const result = await build({
        input: dir,
        out: flags.out,
        cwd: io.cwd,
        pdf: flags.pdf,
        only: flags.only,
        theme: flags.theme,
        handout: flags.handout,
        paper: flags.paper,
        safe: flags.safe,
        strict: flags.strict,
        allowScripts: flags.allowScripts,
        browserPath: flags.browserPath,
        timeoutMs: flags.timeout,
        env: io.env,
        signal: io.signal,
      });
      // The same finding from several outputs (deck, report) is one line.
      if (!flags.quiet) for (const line of new Set(result.warnings.map(formatWarning))) io.stderr(`${line}\n`);
      for (const file of result.written) {
        const pages = file.pages === undefined ? '' : `, ${file.pages} pages`;
        io.stdout(`${shown(io.cwd, file.path)} (${formatBytes(file.bytes)}${pages})\n`);
      }
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    exitCode = handle(error, io);
  }
  return exitCode;
}

function handle(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help / version, with exit code 0).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof BriefError) {
    io.stderr(`${formatError(error)}\n`);
    return error.code === 'INTERRUPTED' ? 130 : 1;
  }
  io.stderr(`rfc-brief hit a bug; please report it with this trace:\n${error instanceof Error ? error.stack : String(error)}\n`);
  return 70;
}

function parseOutputs(value: string): Output[] {
  const names = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = names.filter((name) => !(OUTPUTS as readonly string[]).includes(name));
  if (bad.length > 0 || names.length === 0)
    throw new InvalidArgumentError(`expected some of ${OUTPUTS.join(', ')}${bad.length ? ` (not ${bad.join(', ')})` : ''}`);
  return names as Output[];
}

function parsePositive(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('expected a positive number of milliseconds');
  return number;
}

/** Relative to where the person is, unless that means climbing out of it. */
function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

async function readVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
