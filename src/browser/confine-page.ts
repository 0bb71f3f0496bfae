import { readFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { type Diagnostic, warning } from '../errors.js';
import { contentPolicy } from '../render/document.js';
import type { PrintRequest } from './print.js';

/** What a document in a frame is served as: the types a frame could show, the rest sniffed. */
const FRAME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

declare global {
  interface Window {
    __rfcBriefBlocked?: (uri: string, directive: string) => Promise<void>;
  }
}

/**
 * Only the build's own files load, in the page being printed and in every frame of it; anything
 * else is refused and reported. This is the first of three layers (docs/security.md): the pages'
 * Content-Security-Policy stops what passes by request interception (WebSocket, a script), and the
 * browser itself resolves no host name and sends no WebRTC packet (chromium.ts).
 */
export async function confinePage(page: Page, request: PrintRequest, pageUrl: string, warnings: Diagnostic[]): Promise<void> {
  const allowed = pathToFileURL(request.allowedDir).href.replace(/\/?$/, '/');
  const reported = new Set<string>();
  // A file of the build is named as the build names it (slides/page.html), not by the staging path.
  const base = pathToFileURL(dirname(request.allowedDir)).href.replace(/\/?$/, '/');
  const refuse = (url: string, what = 'load') => {
    if (reported.has(`${what} ${url}`)) return;
    reported.add(`${what} ${url}`);
    const shown = url.startsWith(base) ? decodeURI(url.slice(base.length)) : url;
    const message =
      what === 'load'
        ? `refused to load ${shown} while printing: a briefing's PDF uses only its own files`
        : `refused to ${what} ${shown} while printing: a page being printed stays where it is and opens nothing else`;
    const where = request.locate?.(url) ?? (shown === url ? undefined : request.locate?.(shown.replace(/^[^/]*\//, '')));
    warnings.push(warning('refused-request', message, where, { refused: shown }));
  };
  // WebSockets pass by request interception; the pages' security policy (connect-src 'none')
  // stops them, and this reports them.
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketCreated', (event) => refuse(event.url));
  // What the pages' security policy stops (fetch, WebSocket, a worker, a content script) is reported
  // too, and so is what the browser refuses without a word (a popup, a WebRTC connection).
  let scriptsReported = false;
  await page.exposeFunction('__rfcBriefBlocked', (uri: string, directive: string) => {
    if (directive === 'window.open') refuse(uri, 'open a new window for');
    else if (directive === 'webrtc') refuse(uri, 'open a WebRTC connection to');
    else if (directive.startsWith('worker-src')) refuse(uri || 'a script', 'start a worker from');
    else if (/^(https?|wss?|ftp):/.test(uri)) refuse(uri);
    else if (directive.startsWith('script-src') && !scriptsReported) {
      scriptsReported = true;
      warnings.push(
        warning(
          'script-not-run',
          "a script written in the content was not run while printing (pass --allow-scripts to run the content's scripts)",
        ),
      );
    }
  });
  await page.evaluateOnNewDocument(reportBlocked);
  await page.setRequestInterception(true);
  // A frame's document gets the policy of the content: its scripts run only if allowed, and it
  // opens no connection or worker either way.
  const framePolicy = contentPolicy({ scripts: request.allowScripts ? 'content' : 'none' }).directives.join('; ');
  let opened = false;
  page.on('request', (intercepted) => {
    const url = intercepted.url();
    const local = url.startsWith(allowed);
    if (intercepted.isNavigationRequest()) {
      if (isMainFrame(page, intercepted)) {
        // The page itself, once; after that (a meta refresh, a script setting location) the page
        // stays: an aborted navigation commits nothing, so the page printed is still the page.
        if (!opened && url === pageUrl) {
          opened = true;
          void intercepted.continue();
        } else {
          refuse(url, 'go to');
          void intercepted.abort('aborted');
        }
        return;
      }
      if (local) return void serveFrame(intercepted, url, framePolicy);
    } else if (local && /\.mjs$/.test(url)) {
      return void serveModule(intercepted, url);
    } else if (local || url.startsWith('data:') || url === 'about:blank') {
      return void intercepted.continue();
    }
    refuse(url);
    void intercepted.abort('blockedbyclient');
  });
}

function isMainFrame(page: Page, request: HTTPRequest): boolean {
  const frame = request.frame();
  return frame === null || frame === page.mainFrame();
}

/**
 * A file of the build shown in a frame (an <iframe> of an HTML page of the briefing) carries no
 * policy of its own: it is served here, with one as a response header.
 */
async function serveFrame(request: HTTPRequest, url: string, policy: string): Promise<void> {
  const file = fileURLToPath(url.replace(/[?#].*$/, ''));
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return request.abort('failed');
  }
  const type = FRAME_TYPES[extname(file).toLowerCase()];
  await request.respond({
    status: 200,
    headers: { 'content-security-policy': policy, ...(type ? { 'content-type': type } : {}) },
    body,
  });
}

/**
 * A JavaScript module of the build (mermaid's, which loads the parts a diagram needs): a file page's
 * origin is opaque, and a module loads only with a CORS header, which a file has none of.
 */
async function serveModule(request: HTTPRequest, url: string): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(fileURLToPath(url.replace(/[?#].*$/, '')));
  } catch {
    return request.abort('failed');
  }
  await request.respond({
    status: 200,
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*' },
    body,
  });
}

/**
 * Runs in every document before its own scripts. It reports; it does not enforce (a script could
 * undo it): the policy and the browser's switches do.
 */
function reportBlocked(): void {
  const report = (uri: string, directive: string) => void window.__rfcBriefBlocked?.(uri, directive);
  document.addEventListener('securitypolicyviolation', (event) => report(event.blockedURI, event.effectiveDirective));
  window.open = (url?: string | URL) => {
    report(String(url ?? 'about:blank'), 'window.open');
    return null;
  };
  const Original = window.RTCPeerConnection as typeof RTCPeerConnection | undefined;
  if (Original) {
    window.RTCPeerConnection = function (configuration?: RTCConfiguration) {
      const servers = (configuration?.iceServers ?? []).flatMap((server) => server.urls);
      report(servers.join(', ') || 'a peer', 'webrtc');
      throw new DOMException('WebRTC is not available while printing', 'NotAllowedError');
    } as unknown as typeof RTCPeerConnection;
  }
}
