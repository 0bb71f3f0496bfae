import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

/**
 * The flags puppeteer's own launch passes (puppeteer.defaultArgs(), checked by a test), but one,
 * with rfc-brief's: a quiet, offline, headless start that never reaches the network.
 */
/**
 * The browser's own floor under the request filter (print.ts) and the pages' policy: whatever
 * slips past those reaches nothing. The pages are file:// and puppeteer talks over a pipe, so the
 * browser needs no network at all. Each was tried against a server on 127.0.0.1 with the headless
 * shell and the full Chromium (test/e2e/hostile-print.test.ts).
 */
const HOST_RULES = '--host-resolver-rules=MAP * ~NOTFOUND';

export const OFFLINE_ARGS: readonly string[] = [
  // No host name resolves and no address is reached, 127.0.0.1 and [::1] included (an IP address
  // is mapped too): http, WebSocket, a TURN server over TCP.
  HOST_RULES,
  // WebRTC's UDP (STUN) bypasses the host resolver; this leaves it only a proxy, and there is none.
  // The headless shell reads the first, the full Chromium's policy the second.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  // No window.open and no target=_blank: the headless shell refuses every new window with this;
  // the full Chromium's popup blocker (on: puppeteer's --disable-popup-blocking is left out) refuses
  // a popup no person asked for.
  '--block-new-web-contents',
];

/** puppeteer passes it; rfc-brief never wants a popup (see OFFLINE_ARGS). */
export const LEFT_OUT_ARGS: readonly string[] = ['--disable-popup-blocking'];

export const CHROMIUM_ARGS: readonly string[] = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-component-update',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-gpu',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--font-render-hinting=none',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--headless=new',
  '--hide-scrollbars',
  '--metrics-recording-only',
  '--mute-audio',
  '--no-default-browser-check',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  ...OFFLINE_ARGS,
];

export interface Chromium {
  readonly child: ChildProcess;
  /** The DevTools protocol over the browser's pipe (fd 3 in, fd 4 out): no port, no WebSocket. */
  readonly transport: ConnectionTransport;
  /** Resolves with the last lines the browser wrote to stderr when it exits. */
  readonly exited: Promise<string>;
}

/**
 * Starts the browser itself, without puppeteer: the process is up while puppeteer is still being
 * loaded (a fifth of a second), and puppeteer then connects over the pipe. It runs in a process
 * group of its own, so that the whole group (its helpers too) can be stopped at once.
 */
export function startChromium(executablePath: string, profileDir: string, reach: readonly string[] = []): Chromium {
  const args = launchArgs(profileDir, reach, process.getuid?.() === 0);
  const child = spawn(executablePath, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(error.message));
    child.once('exit', () => resolve(stderr));
  });
  return { child, transport: pipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable), exited };
}

const ENABLE_FEATURES = '--enable-features=';

/**
 * Features turned on besides puppeteer's (Chromium reads one --enable-features: they are joined).
 * The network service runs in the browser's own process, not one of its own: the pages are
 * file:// and puppeteer's pipe needs no network, and the process it saves is 60 MB of the tree
 * (the default briefing's slides PDF peaked at 615 MB with it, 550 MB without; the headless
 * shell's own print of the same page at 542 MB).
 */
export const OWN_FEATURES: readonly string[] = ['NetworkServiceInProcess2'];

/**
 * Chromium's sandbox (its renderers in namespaces of their own, under seccomp) is kept for every
 * user but root: Chromium refuses to run as root without --no-sandbox (crbug.com/638180). Measured
 * as an unprivileged user on a 2-core machine, the sandbox costs nothing measurable at start
 * (docs/security.md). `reach`: hosts let through the host resolver (a test that browses serve).
 */
export function launchArgs(profileDir: string, reach: readonly string[], root: boolean): string[] {
  const rules = `${HOST_RULES}${reach.map((host) => `, EXCLUDE ${host}`).join('')}`;
  const own = (arg: string) => (arg === HOST_RULES ? rules : arg.startsWith(ENABLE_FEATURES) ? [arg, ...OWN_FEATURES].join(',') : arg);
  return [
    ...CHROMIUM_ARGS.map(own),
    ...(root ? ['--no-sandbox'] : []),
    `--user-data-dir=${profileDir}`,
    '--remote-debugging-pipe',
    'about:blank',
  ];
}

/** Messages are JSON, each ended by a NUL byte, both ways. */
function pipeTransport(toBrowser: Writable, fromBrowser: Readable): ConnectionTransport {
  let pending: Buffer[] = [];
  let closed = false;
  let gone = false;
  const transport: ConnectionTransport = {
    send(message: string) {
      if (closed) return;
      if (gone) {
        // The browser went before puppeteer attached (a build stopped while it started): tell
        // it now, or its request would wait out the protocol timeout and hold the process.
        setImmediate(() => transport.onclose?.());
        return;
      }
      toBrowser.write(message);
      toBrowser.write('\0');
    },
    close() {
      closed = true;
      fromBrowser.destroy();
      toBrowser.destroy();
    },
  };
  fromBrowser.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      pending.push(chunk.subarray(start, end));
      const message = Buffer.concat(pending).toString('utf8');
      pending = [];
      start = end + 1;
      // As puppeteer's own pipe transport does: each message in a task of its own.
      setImmediate(() => transport.onmessage?.(message));
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
  fromBrowser.on('close', () => {
    gone = true;
    transport.onclose?.();
  });
  // A browser that dies mid-message closes its pipes; the close above reports it.
  fromBrowser.on('error', () => undefined);
  toBrowser.on('error', () => undefined);
  return transport;
}
