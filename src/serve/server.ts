import { createReadStream, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { build } from '../pipeline/build.js';
import type { BuildResult } from '../pipeline/request.js';
import { THEMES_DIR } from '../config/themes.js';
import { BriefError, formatError } from '../errors.js';
import type { SlideCache } from '../markdown/parse.js';
import { CLIENT_JS, waitingPage } from './client.js';
import { confine } from '../content/confine.js';
import { loadBriefing } from '../content/load.js';
import { makeTempDir } from '../content/scratch.js';
import { LIVE_CLIENT_PATH } from '../render/document.js';
import { BuildEvents } from './events.js';
import { listen } from './listen.js';
import { watchTree } from './watch.js';
import { hostAllowed } from './host.js';

export interface ServeOptions {
  readonly input: string;
  readonly cwd: string;
  readonly port: number;
  readonly host: string;
  /** Fail when the port is taken, instead of taking the next free one. */
  readonly strictPort?: boolean | undefined;
  readonly theme?: string | undefined;
  readonly safe?: boolean | undefined;
  /** --allow-scripts: the content's scripts run in the served report too. */
  readonly allowScripts?: boolean | undefined;
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
  const scratch = makeTempDir('serve');
  // In a folder of its own: the scratch folder holds the marker that lets a later run sweep it.
  const out = join(scratch, 'out');
  // A second Ctrl-C leaves at once (bin/rfc-brief.js): the scratch folder still goes with the process.
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  process.once('exit', removeScratch);
  const events = new BuildEvents();
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
        live: true,
        // While you write, the deck shows what is there (a missing image, a broken link): what
        // `check` would fail is said, not a reason to stop reloading.
        force: true,
        theme: options.theme,
        safe: options.safe,
        allowScripts: options.allowScripts,
        env: options.env,
        slideCache,
      });
      // Only what the latest build used is worth keeping.
      if (slideCache.size > 4 * result.slides + 64) slideCache.clear();
      options.onBuild?.({ result, ms: Math.round(performance.now() - started) });
      events.succeeded();
    } catch (error) {
      options.onBuild?.({ error, ms: Math.round(performance.now() - started) });
      events.failed(error instanceof BriefError ? formatError(error) : String(error));
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
    if (!hostAllowed(req, server.address() as AddressInfo))
      return void end(res, 403, 'text/plain', 'forbidden: not a name of this machine');
    handle(req, res, out, events).catch(() => {
      if (!res.headersSent) end(res, 500, 'text/plain', 'the file changed while it was being read; reload');
      else res.destroy();
    });
  });
  let address: AddressInfo;
  try {
    address = await listen(server, options.port, options.host, options.strictPort === true);
  } catch (error) {
    process.removeListener('exit', removeScratch);
    removeScratch();
    throw error;
  }
  const watcher = watchTree([root, THEMES_DIR], schedule);
  return {
    url: `http://${address.address}:${address.port}/`,
    address,
    nextBuild: () => new Promise((resolveWaiter) => waiting.push(resolveWaiter)),
    close: async () => {
      watcher.close();
      // Event streams ended, idle keep-alive sockets closed at once; a client still sending or
      // reading (a slow one) gets a moment, then its socket is closed too: Ctrl-C stops serve
      // within a second whoever is connected, not after the 60 s of a header timeout.
      events.close();
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), 500);
      await running;
      await closed;
      clearTimeout(cut);
      process.removeListener('exit', removeScratch);
      removeScratch();
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, out: string, events: BuildEvents): Promise<void> {
  const raw = req.url ?? '/';
  // The URL parser would quietly drop ../ segments; a request that tries them is refused outright.
  if (
    safeDecode(raw.split('?')[0] ?? '')
      .split(/[/\\]/)
      .includes('..')
  )
    return void end(res, 403, 'text/plain', 'forbidden');
  const url = new URL(raw, 'http://localhost');
  if (url.pathname === '/__rfc-brief/events') return events.connect(req, res);
  if (url.pathname === LIVE_CLIENT_PATH) return void end(res, 200, TYPES['.js'], CLIENT_JS);
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
  if (path === undefined) {
    // A page that is not there yet (the first build failed) or any more still listens for builds:
    // it shows the error and reloads once a save builds. Other files get a plain 404.
    if (!isPage(req, url.pathname)) return void end(res, 404, 'text/plain', 'not found');
    return void end(res, events.hasBuilt ? 404 : 503, TYPES['.html'], waitingPage(events.hasBuilt));
  }
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) return void end(res, 200, type, await readFile(path, 'utf8'));
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

/** A request for a page (what a browser navigates to), not for a file a page loads. */
function isPage(req: IncomingMessage, pathname: string): boolean {
  return pathname.endsWith('/') || pathname.endsWith('.html') || (req.headers.accept ?? '').includes('text/html');
}
