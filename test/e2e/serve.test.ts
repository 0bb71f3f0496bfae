import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { fixture } from '../helpers/paths.js';

/** GET a raw path (no URL normalisation by the client), the status code back. */
function status(server: RunningServer, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: server.address.address, port: server.address.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('rfc-brief serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-serve-test-'));
  const deck = join(dir, 'deck/01-figures.md');
  // The browser of a build reaches no host at all; this one is let through to serve's.
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 30_000, ['127.0.0.1']);
  let server: RunningServer;

  beforeAll(async () => {
    cpSync(fixture('figures'), join(dir, 'deck'), { recursive: true });
    writeFileSync(deck, `${readFileSync(deck, 'utf8')}\n\n---\n\n## Third slide\n\nOriginal text\n\nNote: three.\n`);
    server = await startServer({ input: 'deck', cwd: dir, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
    await browser.dispose();
  });

  it('listens on loopback only', () => {
    expect(server.address.address).toBe('127.0.0.1');
  });

  it('refuses paths outside the build', async () => {
    expect(await status(server, '/slides/index.html')).toBe(200);
    expect(await status(server, '/../../../../etc/passwd')).toBe(403);
    expect(await status(server, '/slides/%2e%2e/%2e%2e/%2e%2e/etc/passwd')).toBe(403);
  });

  it('shows a save in a connected page, on the same slide, and a failed save as an overlay until fixed', async () => {
    await browser.withPage(async (page: Page) => {
      await page.goto(`${server.url}slides/#/2`);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      const h = () => page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
      expect(await h()).toBe(2);

      writeFileSync(deck, readFileSync(deck, 'utf8').replace('Original text', 'Edited text'));
      await page.waitForFunction(() => document.body.textContent?.includes('Edited text'), { timeout: 20_000 });
      expect(await h()).toBe(2);

      const good = readFileSync(deck, 'utf8');
      writeFileSync(deck, good.replace('title: Figures fixture', 'title: [broken'));
      await page.waitForSelector('#rfc-brief-error', { timeout: 20_000 });
      expect(await page.$eval('#rfc-brief-error', (el) => el.textContent)).toMatch(/error\[FRONT_MATTER\]: deck\/01-figures\.md:2/);

      const fixed = page.waitForNavigation();
      writeFileSync(deck, good);
      await fixed;
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      expect(await page.$('#rfc-brief-error')).toBeNull();
      expect(await h()).toBe(2);
    });
  });
});
