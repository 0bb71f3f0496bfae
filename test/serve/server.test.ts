import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentPolicy, policyMeta } from '../../src/render/document.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';

/** GET a raw path (no URL normalisation by the client): status and body. */
function get(server: RunningServer, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: server.address.address, port: server.address.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

// No browser: the pages are read as served, the policy checked as the code that wrote it gives it.
describe.each([false, true])('serve, allowScripts: %s', (allowScripts) => {
  let server: RunningServer;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-serve-unit-'));
    mkdirSync(join(dir, 'deck'));
    // The front matter's own say is ignored (a briefing cannot allow its own scripts): the flag decides.
    writeFileSync(join(dir, 'deck/a.md'), `---\ntitle: Served\nallowScripts: true\n---\n## One\n\nNote: n.\n`);
    server = await startServer({ input: 'deck', cwd: dir, port: 0, host: '127.0.0.1', allowScripts });
  });
  afterAll(() => server.close());

  it('serves the report with the live policy, asked of contentPolicy, and the live client', async () => {
    const { status, body } = await get(server, '/report/');
    expect(status).toBe(200);
    expect(body).toContain(policyMeta(contentPolicy({ scripts: 'live', content: allowScripts })));
    expect(body.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(body).toMatch(/<script src="\/__rfc-brief\/client\.js"><\/script>\n<\/body>\n<\/html>\n$/);
  });

  it('serves the deck as a person opens it, no policy, with the live client', async () => {
    const { body } = await get(server, '/slides/index.html');
    expect(body).not.toContain('Content-Security-Policy');
    // The client's URL says which version of the deck the page shows (patches apply to it).
    expect(body).toMatch(/<script src="\/__rfc-brief\/client\.js\?deck=\d+"><\/script>\n<\/body>/);
  });

  it('serves only files of the build', async () => {
    expect((await get(server, '/slides/lib/reveal/reveal.css')).status).toBe(200);
    expect((await get(server, '/slides/none.png')).status).toBe(404);
    expect((await get(server, '/slides/%2e%2e/%2e%2e/%2e%2e/etc/passwd')).status).toBe(403);
    expect((await get(server, '/%E0%A4%A')).status).toBe(400);
  });
});
