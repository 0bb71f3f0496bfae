import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { hostAllowed } from '../../src/serve/host.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';

/** A GET with the Host header as given: the status, and the body's first bytes (the event stream never ends). */
function getWithHost(
  server: RunningServer,
  path: string,
  host: string | undefined,
  extra: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = host === undefined ? extra : { host, ...extra };
    const req = request(
      { host: '127.0.0.1', port: server.address.port, path, method: 'GET', headers, setHost: host !== undefined },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.once('data', (chunk: string) => {
          body += chunk;
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('serve answers only names of this machine (DNS rebinding)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-serve-host-'));
    mkdirSync(join(dir, 'deck'));
    writeFileSync(join(dir, 'deck/a.md'), '---\ntitle: Secret plans\n---\n## One\n\nNote: n.\n');
    server = await startServer({ input: 'deck', cwd: dir, port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it.each(['/slides/', '/report/', '/__rfc-brief/events', '/__rfc-brief/client.js', '/', '/slides.pdf', '/handout.pdf', '/report.pdf'])(
    'refuses %s to another name with 403, and tells nothing of the briefing (starts no browser)',
    async (path) => {
      const launches = Browser.launches;
      for (const host of [
        'attacker.example',
        `attacker.example:${server.address.port}`,
        'localhost.attacker.example',
        '127.0.0.1.nip.io',
      ]) {
        const { status, body } = await getWithHost(server, path, host);
        expect(status).toBe(403);
        expect(body).not.toContain('Secret');
      }
      expect(Browser.launches).toBe(launches);
    },
  );

  it("refuses to make a PDF for another site's page (fetch metadata), and starts no browser", async () => {
    const launches = Browser.launches;
    for (const path of ['/slides.pdf', '/handout.pdf', '/report.pdf']) {
      const { status, body } = await getWithHost(server, path, `127.0.0.1:${server.address.port}`, { 'sec-fetch-site': 'cross-site' });
      expect(status).toBe(403);
      expect(body).toContain('a PDF is made only when asked from this machine');
    }
    expect(Browser.launches).toBe(launches);
  });

  it('answers localhost, 127.0.0.1 and [::1], with or without the port', async () => {
    const port = server.address.port;
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`, '127.0.0.1', `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const { status, body } = await getWithHost(server, '/report/', host);
      expect(status).toBe(200);
      expect(body).toContain('Secret plans');
    }
  });
});

describe('hostAllowed', () => {
  const req = (host: string | undefined) => ({ headers: host === undefined ? {} : { host } }) as IncomingMessage;
  const on = (address: string, family = 'IPv4'): AddressInfo => ({ address, family, port: 8000 });

  it('takes the address it listens on, and refuses a name, no Host, or a malformed one', () => {
    expect(hostAllowed(req('192.168.1.20:8000'), on('192.168.1.20'))).toBe(true);
    expect(hostAllowed(req('192.168.1.21:8000'), on('192.168.1.20'))).toBe(false);
    expect(hostAllowed(req('[fe80::1]:8000'), on('fe80::1', 'IPv6'))).toBe(true);
    expect(hostAllowed(req('my-laptop.lan:8000'), on('192.168.1.20'))).toBe(false);
    expect(hostAllowed(req(undefined), on('127.0.0.1'))).toBe(false);
    expect(hostAllowed(req('localhost:8000/x'), on('127.0.0.1'))).toBe(false);
    expect(hostAllowed(req('localhost@attacker.example'), on('127.0.0.1'))).toBe(false);
  });

  it('on every address (0.0.0.0): any address given as one, never a name', () => {
    expect(hostAllowed(req('10.0.0.5:8000'), on('0.0.0.0'))).toBe(true);
    expect(hostAllowed(req('attacker.example:8000'), on('0.0.0.0'))).toBe(false);
    expect(hostAllowed(req('localhost:8000'), on('0.0.0.0'))).toBe(true);
  });
});
