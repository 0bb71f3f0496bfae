import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { BriefError } from '../errors.js';
import type { CliIo } from './io.js';

/** The folder every command reads when it is given none (init writes it). */
export const DEFAULT_DIR = 'content';

/**
 * How the person runs rfc-brief, for the commands a hint suggests: `npx rfc-brief` when the running
 * bin is inside a project's node_modules (a dev dependency, or npx's own scratch project), since
 * its bin is then not on PATH; plain `rfc-brief` from a clone or a global install. A global install
 * lives in node_modules too (prefix/lib/node_modules), but the folder holding that node_modules has
 * no package.json; the first node_modules is the one that counts (pnpm nests its store inside it).
 */
export function invocation(io: CliIo): string {
  if (!io.bin) return 'rfc-brief';
  const parts = resolve(io.bin).split(/[/\\]/);
  const at = parts.indexOf('node_modules');
  if (at <= 0) return 'rfc-brief';
  return existsSync(`${parts.slice(0, at).join('/')}/package.json`) ? 'npx rfc-brief' : 'rfc-brief';
}

/**
 * `rfc-brief deck.md` (reveal-md's and Marp's habit): the first word names a briefing, not a
 * command. The message for it, or undefined when argv is anything else.
 */
export function briefingAsCommand(argv: readonly string[], program: Command, io: CliIo): string | undefined {
  const first = argv[0];
  if (first === undefined || first.startsWith('-')) return undefined;
  const commands = new Set(['help', ...program.commands.flatMap((c) => [c.name(), ...c.aliases()])]);
  if (commands.has(first)) return undefined;
  if (!/\.(md|markdown)$/i.test(first) && !existsSync(resolve(io.cwd, first))) return undefined;
  const rest = argv.slice(1).join(' ');
  return `error: unknown command '${first}'\n(Did you mean \`${invocation(io)} build ${[first, rest].filter(Boolean).join(' ')}\`?)\n`;
}

/** What `build --watch` says: the watching is done by serve. */
export function watchHint(io: CliIo): string {
  return `error: ${invocation(io)} build does not watch; use \`${invocation(io)} serve\` (it rebuilds on every save)\n`;
}

/**
 * An error with the hint the command line can give and the library cannot: a missing default
 * folder means no briefing was started here yet, so the next step is init, not the same command.
 */
export function explain(error: unknown, action: Command | undefined, io: CliIo): unknown {
  if (!(error instanceof BriefError) || error.code !== 'INPUT_NOT_FOUND' || !action) return error;
  const input: unknown = action.processedArgs[0];
  if (typeof input !== 'string') return error;
  const cli = invocation(io);
  const hint =
    resolve(io.cwd, input) === resolve(io.cwd, DEFAULT_DIR)
      ? `There is no briefing here yet: \`${cli} init\` starts one in ${DEFAULT_DIR}/. Or pass the folder that holds your Markdown: \`${cli} ${action.name()} <folder>\`.`
      : `Pass the folder that holds your Markdown: \`${cli} ${action.name()} <folder>\`.`;
  return new BriefError(error.code, error.message, { hint, cause: error });
}

/** A failure as `--json` prints it on stdout, so a script reading stdout always gets an object. */
export function errorJson(error: unknown): string {
  const body =
    error instanceof BriefError
      ? {
          code: error.code,
          message: error.message,
          file: error.where?.file ?? null,
          line: error.where?.line ?? null,
          hint: error.hint ?? null,
        }
      : { code: 'BUG', message: error instanceof Error ? error.message : String(error), file: null, line: null, hint: null };
  return `${JSON.stringify({ ok: false, error: body }, null, 2)}\n`;
}
