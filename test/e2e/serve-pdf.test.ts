import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { briefBrowsers } from '../helpers/processes.js';

const DECK = `---
title: Served PDFs
---
## First

Original words.

Note: one.

---

## Second

More words.

\`\`\`mermaid
flowchart LR
  accTitle: Two steps
  one[Step one] --> two[Step two]
\`\`\`

Note: two.
`;

/** GET a path: status, content type and the body as bytes. */
function fetchBytes(base: string, path: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(new URL(path, base), (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('rfc-brief serve makes the PDFs on request', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-serve-pdf-'));
  const file = join(dir, 'deck/01.md');
  let server: RunningServer;
  let launches: number;
  /** The PDF as poppler reads it: its pages and its text. */
  const pdf = (body: Buffer) => {
    const path = join(dir, 'got.pdf');
    writeFileSync(path, body);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
    return { pages, text: execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }) };
  };

  beforeAll(async () => {
    mkdirSync(join(dir, 'deck'));
    writeFileSync(file, DECK);
    launches = Browser.launches;
    // A cache of its own: what it finds there was made by this test.
    server = await startServer({
      input: 'deck',
      cwd: dir,
      port: 0,
      host: '127.0.0.1',
      env: { ...process.env, RFC_BRIEF_CACHE_DIR: join(dir, 'cache') },
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves /slides.pdf of the briefing as it is, and of the edit after a save', async () => {
    const first = await fetchBytes(server.url, '/slides.pdf');
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/pdf');
    expect(pdf(first.body)).toMatchObject({ pages: 2 });
    expect(pdf(first.body).text).toContain('Original words.');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Original words.', 'Edited words.'));
    const second = await fetchBytes(server.url, '/slides.pdf');
    expect(second.status).toBe(200);
    const read = pdf(second.body);
    expect(read.pages).toBe(2);
    expect(read.text).toContain('Edited words.');
    expect(read.text).not.toContain('Original words.');
  });

  it('serves the handout and the report as PDFs too', async () => {
    for (const [path, words] of [
      ['/handout.pdf', 'Edited words.'],
      ['/report.pdf', 'Served PDFs'],
    ] as const) {
      const got = await fetchBytes(server.url, path);
      expect(got.status, path).toBe(200);
      expect(got.type).toBe('application/pdf');
      expect(pdf(got.body).text).toContain(words);
    }
  });

  it('draws the diagrams and prints every PDF with the one browser it keeps', () => {
    expect(Browser.launches - launches).toBe(1);
    expect(briefBrowsers()).toBe(1);
  });

  it('answers a slide that overflows with a page that says so, not a PDF and not a hang', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `- point ${i}`).join('\n');
    writeFileSync(file, readFileSync(file, 'utf8').replace('More words.', long));
    const got = await fetchBytes(server.url, '/slides.pdf');
    expect(got.status).toBe(422);
    expect(got.type).toMatch(/^text\/html/);
    const page = got.body.toString('utf8');
    expect(page).toContain('rfc-brief could not make slides.pdf');
    expect(page).toMatch(/error\[CHECK_FAILED\]/);
    expect(page).toMatch(/deck\/01\.md:\d+.*overflow/);
  });

  it('closes its browser with the server', async () => {
    await server.close();
    expect(briefBrowsers()).toBe(0);
  });
});
