import { createSocket, type Socket } from 'node:dgram';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { run } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';

/**
 * Issue 15: a page of the briefing shown in a frame, or opened by a meta refresh, ran its own
 * scripts while printing, and popups, WebSockets and WebRTC reached a server on 127.0.0.1. A canary
 * on 127.0.0.1 (http and TCP on one port, UDP on another) records anything that reaches it.
 */
describe('hostile pages while printing', () => {
  let http: Server;
  let udp: Socket;
  let hits: string[];
  let origin: string;
  let dir: string;
  const pdfText = async (path: string) => (await readPdf(join(dir, path))).pages.join(' ');

  beforeAll(async () => {
    hits = [];
    http = createServer((req, res) => {
      hits.push(`http ${req.url}`);
      res.end('canary');
    });
    http.on('connection', () => hits.push('tcp'));
    http.on('upgrade', (req, socket) => {
      hits.push(`upgrade ${req.url}`);
      socket.destroy();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    udp = createSocket('udp4');
    udp.on('message', () => hits.push('udp'));
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
    // Bounded: the canary stops itself should a test not get to it.
    setTimeout(() => stop(), 300_000).unref();
    const port = (http.address() as AddressInfo).port;
    const udpPort = udp.address().port;
    origin = `http://127.0.0.1:${port}`;
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-hostile-'));
    const page = [
      '<!doctype html><html><body><p>Framed page text</p><script>',
      "document.body.insertAdjacentHTML('beforeend', '<p>FRAME SCRIPT RAN</p>');",
      `try { fetch('${origin}/fetch'); } catch (e) {}`,
      `try { new WebSocket('ws://127.0.0.1:${port}/socket'); } catch (e) {}`,
      `try { window.open('${origin}/popup'); } catch (e) {}`,
      `try { const a = document.createElement('a'); a.href = '${origin}/blank-link'; a.target = '_blank'; document.body.append(a); a.click(); } catch (e) {}`,
      `try { const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:${udpPort}' }, { urls: 'turn:127.0.0.1:${port}?transport=tcp', username: 'u', credential: 'p' }] }); pc.createDataChannel('x'); pc.createOffer().then((o) => pc.setLocalDescription(o)); } catch (e) {}`,
      `try { new Worker(URL.createObjectURL(new Blob(["fetch('${origin}/worker')"]))); } catch (e) {}`,
      `try { new Image().src = '${origin}/image'; } catch (e) {}`,
      '</script></body></html>',
    ].join('\n');
    for (const name of ['framed', 'refresh', 'local-refresh']) mkdirSync(join(dir, name));
    writeFileSync(join(dir, 'framed/page.html'), page);
    writeFileSync(
      join(dir, 'framed/a.md'), // The image reference makes page.html part of the build (an <iframe> alone does not copy it).
      '## Framed\n\n<img src="page.html" alt="" hidden>\n\n<iframe src="page.html" width="600" height="300"></iframe>\n\nNote: n.',
    );
    writeFileSync(
      join(dir, 'refresh/a.md'),
      `## Fine\n\nNote: n.\n\n---\n\n## Away\n\n<meta http-equiv="refresh" content="0; url=${origin}/refresh">\n\nNote: n.`,
    );
    writeFileSync(join(dir, 'local-refresh/page.html'), page);
    writeFileSync(
      join(dir, 'local-refresh/a.md'),
      '## Staying here\n\n<meta http-equiv="refresh" content="0; url=page.html">\n\n<img src="page.html" alt="" hidden>\n\nNote: n.',
    );
  });
  const stop = () => {
    http.closeAllConnections();
    http.close();
    udp.close();
  };
  afterAll(() => stop());

  it('with no flag, a page of the briefing in a frame runs no script, and nothing reaches the network', async () => {
    const result = await run(['build', 'framed', '--out', 'framed-out'], dir);
    expect(result.code).toBe(0);
    const text = await pdfText('framed-out/slides.pdf');
    expect(text).toContain('Framed page text');
    expect(text).not.toContain('FRAME SCRIPT RAN');
    expect(await pdfText('framed-out/report.pdf')).not.toContain('FRAME SCRIPT RAN');
    expect(result.stderr).toContain('a script written in the content was not run while printing');
    expect(hits).toEqual([]);
  });

  it('with --allow-scripts, the frame runs its scripts, and popups, WebRTC, workers and sockets are refused and reported', async () => {
    const result = await run(['build', 'framed', '--out', 'allowed-out', '--allow-scripts'], dir);
    expect(result.code).toBe(0);
    // The scripts did run (in the report: reveal.js, which prints the slides when scripts are
    // allowed, loads no frame in its print layout): what they tried is what was refused.
    expect(await pdfText('allowed-out/report.pdf')).toContain('FRAME SCRIPT RAN');
    expect(result.stderr).toContain(`refused to open a new window for ${origin}/popup`);
    expect(result.stderr).toContain('refused to open a WebRTC connection to stun:127.0.0.1');
    expect(result.stderr).toContain('refused to start a worker');
    expect(result.stderr).toContain(`refused to load ${origin}/fetch`);
    expect(result.stderr).toContain(`refused to load ws://127.0.0.1:`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hits).toEqual([]);
    const strict = await run(['build', 'framed', '--out', 'strict-out', '--allow-scripts', '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/error\[CHECK_FAILED\]: the build found \d+ warnings? \(--strict\)/);
    expect(existsSync(join(dir, 'strict-out'))).toBe(false);
    expect(hits).toEqual([]);
  });

  it('a meta refresh to an outside URL: refused with a warning naming the slide, the build goes on; --strict and check fail', async () => {
    const result = await run(['build', 'refresh', '--out', 'refresh-out'], dir);
    expect(result.stderr).not.toContain('BROWSER_FAILED');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: refresh/a.md:7: refused to go to ${origin}/refresh while printing`);
    expect(await pdfText('refresh-out/slides.pdf')).toContain('Away');
    const strict = await run(['build', 'refresh', '--out', 'refresh-strict', '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/error\[CHECK_FAILED\][\s\S]*refresh\/a\.md:7: warning: refused to go to/);
    const check = await run(['check', 'refresh', '--strict'], dir);
    expect(check.code).toBe(1);
    expect(`${check.stdout}${check.stderr}`).toContain(`refused to go to ${origin}/refresh`);
    expect(hits).toEqual([]);
  });

  it('a meta refresh to a page of the briefing: the page printed stays the page, and the other runs nothing', async () => {
    const result = await run(['build', 'local-refresh', '--out', 'local-out'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('refused to go to slides/page.html while printing');
    const text = await pdfText('local-out/slides.pdf');
    expect(text).toContain('Staying here');
    expect(text).not.toContain('FRAME SCRIPT RAN');
    expect(hits).toEqual([]);
  });

  it('the browser itself reaches nothing, should a script slip past the request filter: no host, no WebRTC, no popup', async () => {
    const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 30_000);
    try {
      const { ran, pages } = await browser.withPage(async (page) => {
        // No request filter and no policy here: only the browser's own switches stand.
        await page.goto(pathToFileURL(join(dir, 'framed/page.html')).href);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return { ran: await page.evaluate(() => document.body.textContent ?? ''), pages: (await page.browser().pages()).length };
      });
      expect(ran).toContain('FRAME SCRIPT RAN');
      expect(pages).toBe(1);
    } finally {
      await browser.dispose();
    }
    expect(hits).toEqual([]);
  });
});
