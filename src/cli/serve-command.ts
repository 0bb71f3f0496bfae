import { InvalidArgumentError, type Command } from 'commander';
import { formatError, BriefError, formatWarning } from '../errors.js';
import { addSourceOptions } from './build-command.js';
import { paint, type CliIo } from './io.js';

export function registerServe(program: Command, io: CliIo): void {
  const command = program.command('serve').description('serve the deck and the report on 127.0.0.1, rebuilt and reloaded on every save');
  addSourceOptions(command)
    .option('-p, --port <port>', 'port (a free one is used when it is taken)', parsePort, 8000)
    .option('--host <address>', 'address to listen on (only loopback unless you say otherwise)', '127.0.0.1')
    .option('--allow-scripts', 'let scripts written in the content run in the served report')
    .action(async (dir: string, flags: { port: number; host: string; theme?: string; safe?: boolean; allowScripts?: boolean }) => {
      const colour = paint(io);
      const { startServer } = await import('../serve/server.js');
      const server = await startServer({
        input: dir,
        cwd: io.cwd,
        port: flags.port,
        host: flags.host,
        theme: flags.theme,
        safe: flags.safe,
        allowScripts: flags.allowScripts,
        env: io.env,
        onBuild: ({ result, error, ms }) => {
          if (result) {
            for (const warning of new Set(result.warnings.map(formatWarning))) io.stderr(`${warning}\n`);
            io.stderr(`${colour(32, '✓')} rebuilt in ${ms} ms\n`);
          } else io.stderr(`${error instanceof BriefError ? formatError(error) : String(error)}\n`);
        },
      });
      io.stdout(`${server.url}slides/  (report: ${server.url}report/)\n`);
      io.stderr('Watching for changes; Ctrl-C to stop.\n');
      await new Promise<void>((resolveStop) => {
        if (io.signal?.aborted) resolveStop();
        io.signal?.addEventListener('abort', () => resolveStop(), { once: true });
      });
      await server.close();
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number, 0 to 65535');
  return port;
}
