import { InvalidArgumentError, type Command } from 'commander';
import { formatError, BriefError, formatWarning } from '../errors.js';
import { addBrowserOptions, addSourceOptions } from './build-command.js';
import { paint, printable, type CliIo } from './io.js';
import { plural } from '../words.js';

export function registerServe(program: Command, io: CliIo): void {
  const command = program.command('serve').description('serve the deck and the report on 127.0.0.1, rebuilt and reloaded on every save');
  addBrowserOptions(addSourceOptions(command))
    .option('-p, --port <port>', 'port (the next free one above it when it is taken)', parsePort, 8000)
    .option('--strict-port', 'fail when the port is taken instead of trying the next one')
    .option('--host <address>', 'address to listen on (only loopback unless you say otherwise)', '127.0.0.1')
    .option('--open', 'open the deck in the browser (BROWSER names another one; BROWSER=none opens nothing)')
    .option('--allow-scripts', 'let scripts written in the content run in the served report and its PDFs')
    .action(async (dir: string, flags: ServeFlags) => {
      const colour = paint(io);
      const { startServer } = await import('../serve/server.js');
      const server = await startServer({
        input: dir,
        cwd: io.cwd,
        port: flags.port,
        strictPort: flags.strictPort,
        host: flags.host,
        theme: flags.theme,
        safe: flags.safe,
        allowScripts: flags.allowScripts,
        browserPath: flags.browserPath,
        timeoutMs: flags.timeout,
        env: io.env,
        onBuild: ({ result, error, ms }) => {
          if (result) {
            for (const warning of new Set(result.warnings.map(formatWarning))) io.stderr(`${printable(warning)}\n`);
            io.stderr(`${colour(32, '✓')} rebuilt in ${ms} ms\n`);
          } else io.stderr(`${printable(error instanceof BriefError ? formatError(error) : String(error))}\n`);
        },
        onPdf: ({ name, result, error, ms }) => {
          const pages = result?.written[0]?.pages;
          if (result) io.stderr(`${colour(32, '✓')} ${name} in ${ms} ms${pages === undefined ? '' : ` (${plural(pages, 'page')})`}\n`);
          else io.stderr(`${name}: ${printable(error instanceof BriefError ? formatError(error) : String(error))}\n`);
        },
      });
      // Said, not done silently: a bookmark or a second server may expect the port asked for.
      if (flags.port !== 0 && server.address.port !== flags.port)
        io.stderr(`Port ${flags.port} is in use, took ${server.address.port} instead (--strict-port to fail instead).\n`);
      const deck = `${server.url}slides/`;
      io.stdout(`${deck}  (report: ${server.url}report/)\n`);
      io.stdout(`PDFs, made when asked for: ${['slides', 'handout', 'report'].map((name) => `${server.url}${name}.pdf`).join('  ')}\n`);
      io.stderr('Watching for changes; Ctrl-C to stop.\n');
      if (flags.open) {
        const { openBrowser } = await import('../serve/open-browser.js');
        // A browser that cannot be opened leaves the server running: the URL is printed above.
        await openBrowser(deck, io.env, process.platform).catch((error: unknown) =>
          io.stderr(`${printable(error instanceof BriefError ? formatError(error) : String(error))}\n`),
        );
      }
      await new Promise<void>((resolveStop) => {
        if (io.signal?.aborted) resolveStop();
        io.signal?.addEventListener('abort', () => resolveStop(), { once: true });
      });
      await server.close();
    });
}

interface ServeFlags {
  port: number;
  strictPort?: boolean;
  host: string;
  open?: boolean;
  theme?: string;
  safe?: boolean;
  allowScripts?: boolean;
  browserPath?: string;
  timeout: number;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number, 0 to 65535');
  return port;
}
