import { createReadStream, mkdtempSync, rmSync, statSync, watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build } from '../pipeline/build.js';
import type { BuildResult } from '../pipeline/request.js';
import { THEMES_DIR } from '../config/themes.js';
import { BriefError, formatError } from '../errors.js';
import type { SlideCache } from '../markdown/parse.js';
import { CLIENT_JS } from './client.js';
import { confine } from '../content/confine.js';
import { loadBriefing } from '../content/load.js';
import { withLivePolicy } from '../render/document.js';

export interface ServeOptions {
  readonly input: string;
  readonly cwd: string;
  readonly port: number;
  readonly host: string;
  readonly theme?: string | undefined;
  readonly safe?: boolean | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Each rebuild: its result, or the error that stopped it. */
  readonly onBuild?: ((outcome: { result?: BuildResult; error?: unknown; ms: number }) => void) | undefined;
}

export interface RunningServer {
  readonly url: string;
  readonly address: AddressInfo;
  /** Resolves after the next build (started by a change) has finished. */
  nextBuild(): Promise<void>;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.mp4': 'video/mp4',
};

/**
 * The author's loop: the deck and the report built (HTML only) into a scratch folder, served on
 * loopback, rebuilt on every save in the briefing or the themes, and reloaded in the browser.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  // The briefing must exist before anything starts: the same error as build gives, no server.
  const root = loadBriefing(resolve(options.cwd, options.input), options.cwd).root;
  const out = mkdtempSync(join(tmpdir(), 'rfc-brief-serve-'));
  const clients = new Set<ServerResponse>();
  const send = (event: string, data = '') => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${data.replace(/\n/g, '\ndata: ')}\n\n`);
  };
  // A one-slide edit re-parses one slide: the others come from here.
  const slideCache: SlideCache = new Map();
  let waiting: (() => void)[] = [];
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    try {
      const result = await build({
        input: options.input,
        out,
        cwd: options.cwd,
        pdf: false,
        only: ['deck', 'report'],
        // While you write, the deck shows what is there (a missing image, a broken link): what
        // `check` would fail is said, not a reason to stop reloading.
        force: true,
        theme: options.theme,
        safe: options.safe,
        env: options.env,
        slideCache,
      });
      // Only what the latest build used is worth keeping.
      if (slideCache.size > 4 * result.slides + 64) slideCache.clear();
      options.onBuild?.({ result, ms: Math.round(performance.now() - started) });
      send('ready');
      send('reload');
    } catch (error) {
      options.onBuild?.({ error, ms: Math.round(performance.now() - started) });
      send('failed', error instanceof BriefError ? formatError(error) : String(error));
    }
  };
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await rebuild();
      } while (again);
      running = undefined;
      const done = waiting;
      waiting = [];
      for (const resolveWaiter of done) resolveWaiter();
    })();
  };

  await rebuild();
  const server = createServer((req, res) => {
    handle(req, res, out, clients).catch(() => {
      if (!res.headersSent) end(res, 500, 'text/plain', 'the file changed while it was being read; reload');
      else res.destroy();
    });
  });
  let address: AddressInfo;
  try {
    address = await listen(server, options.port, options.host);
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    throw new BriefError('SERVE', `cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`, {
      hint: 'Choose another --port or --host.',
    });
  }
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    // Editors save in bursts (write, rename, touch): one rebuild per burst.
    clearTimeout(timer);
    timer = setTimeout(schedule, 60);
  };
  const watchers: FSWatcher[] = [root, THEMES_DIR].map((dir) => watch(dir, { recursive: true }, changed));
  return {
    url: `http://${address.address}:${address.port}/`,
    address,
    nextBuild: () => new Promise((resolveWaiter) => waiting.push(resolveWaiter)),
    close: async () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      for (const client of clients) client.end();
      await running;
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      rmSync(out, { recursive: true, force: true });
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, out: string, clients: Set<ServerResponse>): Promise<void> {
  const raw = req.url ?? '/';
  // The URL parser would quietly drop ../ segments; a request that tries them is refused outright.
  if (
    safeDecode(raw.split('?')[0] ?? '')
      .split(/[/\\]/)
      .includes('..')
  )
    return void end(res, 403, 'text/plain', 'forbidden');
  const url = new URL(raw, 'http://localhost');
  if (url.pathname === '/__rfc-brief/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return;
  }
  if (url.pathname === '/__rfc-brief/client.js') return void end(res, 200, TYPES['.js'], CLIENT_JS);
  if (url.pathname === '/') {
    res.writeHead(302, { location: '/slides/' });
    return void res.end();
  }
  let path: string | undefined;
  try {
    path = lookUp(out, decodeURIComponent(url.pathname));
  } catch (error) {
    if (error instanceof BriefError) return void end(res, 403, 'text/plain', 'forbidden');
    if (error instanceof URIError) return void end(res, 400, 'text/plain', 'bad request');
    throw error;
  }
  if (path === undefined) return void end(res, 404, 'text/plain', 'not found');
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) return void end(res, 200, type, withClient(await readFile(path, 'utf8')));
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * The build's file a URL path names, or undefined when there is none: only files of the build,
 * whatever the URL says (../, %2e%2e, absolute paths, a symlink out), by the same rule as every
 * path the content names (confine.ts throws for one outside). A folder serves its index.html.
 */
function lookUp(out: string, pathname: string): string | undefined {
  const name = `.${pathname}`;
  const found = confine(out, name, undefined);
  const file = found !== undefined && statSync(found).isDirectory() ? confine(out, join(name, 'index.html'), undefined) : found;
  return file !== undefined && statSync(file).isFile() ? file : undefined;
}

/**
 * The live-reload client in every page. A page that carries a policy is given the live one
 * (document.ts), which lets this one script load from the server and connect back to it.
 */
function withClient(html: string): string {
  const live = withLivePolicy(html);
  // Before the document's own </body> (the last one): one in the content's text is no end.
  const at = live.lastIndexOf('</body>');
  const client = '<script src="/__rfc-brief/client.js"></script>\n';
  return at < 0 ? `${live}${client}` : `${live.slice(0, at)}${client}${live.slice(at)}`;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function end(res: ServerResponse, status: number, type: string | undefined, body: string): void {
  res.writeHead(status, { 'content-type': type ?? 'text/plain', 'cache-control': 'no-store' });
  res.end(body);
}

/** The port asked for, or any free one when it is taken. */
async function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  const attempt = (p: number) =>
    new Promise<AddressInfo>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(p, host, () => {
        server.off('error', reject);
        resolveListen(server.address() as AddressInfo);
      });
    });
  try {
    return await attempt(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return attempt(0);
  }
}
