import puppeteer from 'puppeteer-core';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, LEFT_OUT_ARGS, OWN_FEATURES, launchArgs } from '../../src/browser/chromium.js';
import { findBrowser } from '../../src/browser/find-browser.js';

describe('the browser rfc-brief starts itself', () => {
  it("passes every flag puppeteer's own launch would, but the one that lets popups open", () => {
    const theirs = puppeteer.defaultArgs({ headless: true }).filter((arg) => arg !== 'about:blank' && !arg.startsWith('--user-data-dir'));
    expect(theirs.filter((arg) => !CHROMIUM_ARGS.includes(arg))).toEqual(LEFT_OUT_ARGS);
    expect(CHROMIUM_ARGS).not.toContain('--disable-popup-blocking');
  });

  it("adds its own features to puppeteer's in the one --enable-features Chromium reads", () => {
    const features = launchArgs('/p', [], true).filter((arg) => arg.startsWith('--enable-features='));
    expect(features).toHaveLength(1);
    expect(features[0]?.slice('--enable-features='.length).split(',')).toEqual(['PdfOopif', ...OWN_FEATURES]);
    expect(OWN_FEATURES).toContain('NetworkServiceInProcess2');
  });

  it('keeps the sandbox for every user but root, where Chromium will not start with it', () => {
    expect(launchArgs('/p', [], false)).not.toContain('--no-sandbox');
    expect(launchArgs('/p', [], true)).toContain('--no-sandbox');
    expect(launchArgs('/p', ['127.0.0.1'], false)).toContain('--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1');
  });

  it('starts the browser offline: no host name resolves, no WebRTC packet, no new window', () => {
    expect(CHROMIUM_ARGS).toContain('--host-resolver-rules=MAP * ~NOTFOUND');
    expect(CHROMIUM_ARGS).toContain('--force-webrtc-ip-handling-policy=disable_non_proxied_udp');
    expect(CHROMIUM_ARGS).toContain('--block-new-web-contents');
  });
});

describe('findBrowser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-find-'));
  const fake = join(dir, 'chrome');
  writeFileSync(fake, '#!/bin/sh\n');
  chmodSync(fake, 0o755);

  it('asks puppeteer first when its download folder exists', async () => {
    let asked = 0;
    const path = await findBrowser({ env: {}, platform: 'linux', puppeteerDownloaded: true, puppeteerPath: async () => (asked++, fake) });
    expect(path).toBe(fake);
    expect(asked).toBe(1);
  });

  it('does not load puppeteer when there is no download and a system browser is found', async () => {
    let asked = 0;
    await findBrowser({ env: {}, platform: 'linux', puppeteerDownloaded: false, puppeteerPath: async () => (asked++, fake) }).catch(
      () => undefined,
    );
    // On a machine with a system Chromium (this project's setup installs one) puppeteer is never asked.
    const system = await findBrowser({ env: {}, platform: 'linux', puppeteerDownloaded: false }).catch(() => undefined);
    expect(asked).toBe(system ? 0 : 1);
  });

  it('asks puppeteer last when there is no system browser', async () => {
    const path = await findBrowser({ env: {}, platform: 'aix', puppeteerDownloaded: false, puppeteerPath: async () => fake });
    expect(path).toBe(fake);
  });
});
