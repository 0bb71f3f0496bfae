import { Command, CommanderError } from 'commander';
import { registerBuild } from './cli/build-command.js';
import { registerCheck } from './cli/check-command.js';
import { registerInit } from './cli/init-command.js';
import { registerServe } from './cli/serve-command.js';
import { printable, processIo, type CliIo } from './cli/io.js';
import { briefingAsCommand, errorJson, explain } from './cli/hints.js';
import { BriefError, formatError } from './errors.js';
import { VERSION } from './version.js';

export type { CliIo } from './cli/io.js';
export { processIo };

/** Runs the command line and returns the exit code; the only place that prints errors. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('rfc-brief')
    .description('Turn a folder of Markdown into a reveal.js deck, its PDF, a handout and a report for an RFC review.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text) })
    .showSuggestionAfterError(true);
  registerBuild(program, io, (code) => (exitCode = code));
  registerCheck(program, io, (code) => (exitCode = code));
  registerServe(program, io);
  registerInit(program, io);
  const asCommand = briefingAsCommand(argv, program, io);
  if (asCommand) {
    io.stderr(asCommand);
    return 2;
  }
  // The command that ran, for the hints and the --json of an error.
  let action: Command | undefined;
  program.hook('preAction', (_program, actionCommand) => {
    action = actionCommand;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    const explained = explain(error, action, io);
    if (action?.opts()['json'] === true && !(explained instanceof CommanderError)) io.stdout(errorJson(explained));
    exitCode = handle(explained, io);
  }
  return exitCode;
}

function handle(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help / version, with exit code 0).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof BriefError) {
    io.stderr(`${printable(formatError(error))}\n`);
    return error.code === 'INTERRUPTED' ? 130 : 1;
  }
  io.stderr(
    `rfc-brief hit a bug; please report it with this trace:\n${printable(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
  );
  return 70;
}
