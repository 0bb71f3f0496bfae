import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find-browser.js';
import { run } from '../helpers/cli.js';
import { CONTENT } from '../helpers/paths.js';
import { pagePixels } from '../helpers/pdf.js';

const SHELL = '/usr/lib/chromium/chromium-headless-shell';
const FULL = '/usr/bin/chromium';

// This project's setup installs both (Debian's chromium and chromium-headless-shell).
describe.runIf(existsSync(SHELL) && existsSync(FULL))("Chromium's headless shell", () => {
  it('is the browser found first', async () => {
    expect(await findBrowser({ env: {}, platform: 'linux', puppeteerDownloaded: false })).toBe(SHELL);
  });

  it('prints the same pages as the full Chromium: slides, handout and report of the default briefing', async () => {
    const out = (name: string) => join(mkdtempSync(join(tmpdir(), `rfc-brief-${name}-`)), 'out');
    const [shell, full] = [out('shell'), out('full')];
    for (const [path, dir] of [
      [SHELL, shell],
      [FULL, full],
    ] as const) {
      const result = await run(['build', CONTENT, '--out', dir, '--only', 'slides,handout,report'], process.cwd(), {
        ...process.env,
        CHROME_PATH: path,
      });
      expect(result.code, result.stderr).toBe(0);
    }
    for (const pdf of ['slides.pdf', 'handout.pdf', 'report.pdf']) {
      const [a, b] = [pagePixels(join(shell, pdf)), pagePixels(join(full, pdf))];
      expect(a.length).toBeGreaterThan(0);
      expect(a.length).toBe(b.length);
      a.forEach((page, i) => expect(page.equals(b[i]!), `${pdf} page ${i + 1}`).toBe(true));
    }
  }, 120_000);
});
