import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { BUILT, EventStream, fetchText } from '../helpers/events.js';

const GOOD = '---\ntitle: Good\n---\n## The deck\n\nIt builds.\n\nNote: n.\n';
const BROKEN = '---\ntitle: [broken\n---\n## The deck\n';
const OVERLAY_MS = 20_000;

const revealReady = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(), { timeout: OVERLAY_MS });
const overlayText = async (page: Page) => {
  await page.waitForSelector('#rfc-brief-error', { timeout: OVERLAY_MS });
  return page.$eval('#rfc-brief-error', (el) => el.textContent);
};

describe('rfc-brief serve after a failed build', () => {
  const browser = new Browser(() => findBrowser({ env: process.env, platform: process.platform }), 30_000, ['127.0.0.1']);
  const dirs: string[] = [];
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
    await browser.dispose();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const serve = async (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-serve-fail-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'deck'));
    const file = join(dir, 'deck/01.md');
    writeFileSync(file, text);
    const server = await startServer({ input: 'deck', cwd: dir, port: 0, host: '127.0.0.1' });
    servers.push(server);
    return { server, file };
  };

  it('replays the last failure to a page that connects later, and forgets it after a good build', async () => {
    const { server, file } = await serve(GOOD);
    const first = await EventStream.open(server.url);
    writeFileSync(file, BROKEN);
    await first.next('failed', OVERLAY_MS, 'breaking the front matter');
    first.close();
    const later = await EventStream.open(server.url);
    expect((await later.next('failed', 1000, 'connecting after the failure')).data).toMatch(/error\[FRONT_MATTER\]: deck\/01\.md:2/);
    writeFileSync(file, GOOD);
    await later.next('reload', OVERLAY_MS, 'fixing the front matter');
    later.close();
    const after = await EventStream.open(server.url);
    // The replay is written as the stream opens: had there been one, it would come before this build.
    writeFileSync(file, GOOD.replace('It builds.', 'It still builds.'));
    await after.next(BUILT, OVERLAY_MS, 'another good save');
    expect(after.names).not.toContain('failed');
    after.close();
  });

  it('keeps the overlay on reload and shows it in a new tab', async () => {
    const { server, file } = await serve(GOOD);
    await browser.withPage(async (page) => {
      await page.goto(`${server.url}slides/`);
      await revealReady(page);
      writeFileSync(file, BROKEN);
      expect(await overlayText(page)).toMatch(/FRONT_MATTER/);
      await page.reload();
      expect(await overlayText(page)).toMatch(/error\[FRONT_MATTER\]: deck\/01\.md:2/);
    });
    await browser.withPage(async (page) => {
      await page.goto(`${server.url}slides/`);
      expect(await overlayText(page)).toMatch(/error\[FRONT_MATTER\]: deck\/01\.md:2/);
      const fixed = page.waitForNavigation({ timeout: OVERLAY_MS });
      writeFileSync(file, GOOD);
      await fixed;
      await revealReady(page);
      expect(await page.$('#rfc-brief-error')).toBeNull();
    });
  });

  it('serves a page with the client after a failed first build, which shows the error and turns into the deck when fixed', async () => {
    const { server, file } = await serve(BROKEN);
    const served = await fetchText(server.url, '/slides/');
    expect(served.status).toBe(503);
    expect(served.type).toMatch(/^text\/html/);
    expect(served.body).toContain('<script src="/__rfc-brief/client.js"></script>');
    // Files a page loads are still plain 404s.
    expect((await fetchText(server.url, '/slides/lib/reveal/reveal.js')).status).toBe(404);
    await browser.withPage(async (page) => {
      await page.goto(`${server.url}slides/`);
      expect(await overlayText(page)).toMatch(/error\[FRONT_MATTER\]: deck\/01\.md:2/);
      const fixed = page.waitForNavigation({ timeout: OVERLAY_MS });
      writeFileSync(file, GOOD);
      await fixed;
      await revealReady(page);
      expect(await page.evaluate(() => document.body.textContent)).toContain('It builds.');
    });
  });
});
