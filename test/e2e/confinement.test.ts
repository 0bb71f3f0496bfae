import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

// A canary on 127.0.0.1 counts every request that reaches it: printing must send none.
describe('confinement while printing', () => {
  let server: Server;
  let hits: string[];
  let origin: string;
  let dir: string;

  beforeAll(async () => {
    hits = [];
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('canary');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-canary-'));
    mkdirSync(join(dir, 'deck'));
    writeFileSync(
      join(dir, 'deck/a.md'),
      [
        '---',
        'title: Canary',
        '---',
        '## Clean slide',
        '',
        'Note: nothing here.',
        '',
        '---',
        '',
        `<!-- .slide: data-background-image="${origin}/background.png" -->`,
        '## Greedy slide',
        '',
        `![remote](${origin}/image.png)`,
        '',
        `<link rel="stylesheet" href="${origin}/style.css">`,
        `<iframe src="${origin}/frame.html"></iframe>`,
        `<p style="background: url(${origin}/css-background.png)">styled</p>`,
        `<script>fetch('${origin}/fetch'); new WebSocket('${origin.replace('http', 'ws')}/socket');</script>`,
        '',
        `Note: also in the notes: <img src="${origin}/notes.png">`,
      ].join('\n'),
    );
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends no request outside the build, from any output, and names the slide of each URL', async () => {
    const result = await run(['build', 'deck', '--allow-scripts'], dir);
    expect(result.code).toBe(0);
    expect(hits).toEqual([]);
    expect(result.stderr).toContain(`warning: deck/a.md:10: refused to load ${origin}/image.png while printing`);
    for (const path of ['background.png', 'style.css', 'frame.html', 'css-background.png', 'fetch', 'notes.png']) {
      expect(result.stderr).toContain(`refused to load ${origin}/${path}`);
    }
    expect(result.stderr).toContain(`refused to load ${origin.replace('http', 'ws')}/socket`);
  });

  it('fails under --strict and writes nothing', async () => {
    const result = await run(['build', 'deck', '--allow-scripts', '--strict', '--out', 'strict-out'], dir);
    expect(result.code).toBe(1);
    // Refused loads are warnings, and --strict fails on warnings: each named with its line.
    expect(result.stderr).toMatch(/error\[CHECK_FAILED\]: the build found \d+ warnings \(--strict\), so nothing was written:/);
    expect(result.stderr).toMatch(
      /  deck\/a\.md:10: warning: refused to load http:\/\/127\.0\.0\.1:\d+\/image\.png while printing.* \[refused-request\]/,
    );
    expect(existsSync(join(dir, 'strict-out'))).toBe(false);
    expect(hits).toEqual([]);
  });
});
