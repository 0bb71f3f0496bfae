import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { BuildResult } from '../pipeline/request.js';
import { THEMES_DIR } from '../config/themes.js';
import { CLIENT_JS } from './client.js';
import { loadBriefing } from '../content/load.js';
import { makeTempDir } from '../content/scratch.js';
import { LIVE_CLIENT_PATH } from '../render/document.js';
import { browserFor } from '../pipeline/early-browser.js';
import { BuildEvents } from './events.js';
import { end, serveFile, typeOf } from './files.js';
import { listen } from './listen.js';
import { isServedPdf, servePdf, ServedPdfs } from './pdfs.js';
import { Rebuilds } from './rebuilds.js';
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
  /** --allow-scripts: the content's scripts run in the served report (and while printing its PDFs). */
  readonly allowScripts?: boolean | undefined;
  /** The browser the PDFs are printed with, and how long a page may take (as for build). */
  readonly browserPath?: string | undefined;
  readonly timeoutMs?: number | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Each rebuild: its result, or the error that stopped it. */
  readonly onBuild?: ((outcome: { result?: BuildResult; error?: unknown; ms: number }) => void) | undefined;
  /** Each PDF asked for: its build's result, or the error that stopped it. */
  readonly onPdf?: ((outcome: { name: string; result?: BuildResult; error?: unknown; ms: number }) => void) | undefined;
}

export interface RunningServer {
  readonly url: string;
  readonly address: AddressInfo;
  /** Resolves after the next build (started by a change) has finished. */
  nextBuild(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The author's loop: the deck and the report built (HTML only) into a scratch folder, served on
 * loopback, rebuilt on every save in the briefing or the themes; a save that changes some slides
 * is patched into the open decks, anything else reloads them. The PDFs are made on request.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  // The briefing must exist before anything starts: the same error as build gives, no server.
  const root = loadBriefing(resolve(options.cwd, options.input), options.cwd).root;
  const scratch = makeTempDir('serve');
  // The live build's folder, and beside it one per PDF (each build owns its output folder); the
  // scratch folder holds the marker that lets a later run sweep it.
  const out = join(scratch, 'live');
  mkdirSync(out);
  // A second Ctrl-C leaves at once (bin/rfc-brief.js): the scratch folder still goes with the process.
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  process.once('exit', removeScratch);
  const events = new BuildEvents();
  // One browser for the server's life, started when first needed (a PDF, a diagram to draw).
  const browser = browserFor({ ...options, out, pdf: true }, 'draw the diagrams and print the PDFs');
  browser.keepTabReady = true;
  const rebuilds = new Rebuilds({ ...options, root, out, browser }, events);
  const pdfs = new ServedPdfs({ ...options, scratch, slideCache: rebuilds.slideCache, browser });
  await rebuilds.rebuild();
  const files = {
    out,
    deckPage: () => rebuilds.deck.page(),
    get built() {
      return events.hasBuilt;
    },
  };
  const server = createServer((req, res) => {
    if (!hostAllowed(req, server.address() as AddressInfo))
      return void end(res, 403, 'text/plain', 'forbidden: not a name of this machine');
    route(req, res).catch(() => {
      if (!res.headersSent) end(res, 500, 'text/plain', 'the file changed while it was being read; reload');
      else res.destroy();
    });
  });
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
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
      const shows = url.searchParams.get('deck');
      return events.connect(req, res, shows !== null && Number(shows) !== rebuilds.deck.version);
    }
    if (url.pathname === LIVE_CLIENT_PATH) return void end(res, 200, typeOf('.js'), CLIENT_JS);
    if (isServedPdf(url.pathname)) return servePdf(req, res, url.pathname, pdfs);
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/slides/' });
      return void res.end();
    }
    return serveFile(req, res, url.pathname, files);
  };
  let address: AddressInfo;
  try {
    address = await listen(server, options.port, options.host, options.strictPort === true);
  } catch (error) {
    // The first build may have started the browser (a diagram to draw).
    await browser.dispose();
    process.removeListener('exit', removeScratch);
    removeScratch();
    throw error;
  }
  const watcher = watchTree([root, THEMES_DIR], (changed) => rebuilds.changed(changed));
  return {
    url: `http://${address.address}:${address.port}/`,
    address,
    nextBuild: () => rebuilds.nextBuild(),
    close: async () => {
      watcher.close();
      // Event streams ended, idle keep-alive sockets closed at once; a client still sending or
      // reading (a slow one) gets a moment, then its socket is closed too: Ctrl-C stops serve
      // within a second whoever is connected, not after the 60 s of a header timeout. A PDF being
      // printed fails with its browser.
      events.close();
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), 500);
      // No more PDFs; those under way end with the browser.
      const pdfsDone = pdfs.close();
      await browser.dispose();
      await pdfsDone;
      await rebuilds.settled();
      await closed;
      clearTimeout(cut);
      process.removeListener('exit', removeScratch);
      removeScratch();
    },
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
