import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { generateDeck } from '../helpers/deck.js';
import { BIN } from '../helpers/paths.js';
import { briefBrowsers } from '../helpers/processes.js';

/** Processes whose command line names a browser profile of process `pid`. */
function browsersOf(pid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes(`rfc-brief-chromium-${pid}-`))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error('waited too long');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('faults during a build', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-faults-'));
    mkdirSync(join(dir, 'big'));
    // Large enough that printing it takes seconds, also with Chromium's quick headless shell.
    writeFileSync(join(dir, 'big/deck.md'), generateDeck(1000));
  });

  it('a browser killed mid-print: a clear message, exit 1, nothing written, no browser left', async () => {
    const building = run(['build', 'big', '--out', 'killed', '--only', 'slides'], dir);
    // The print copy of the deck is staged just before printing starts.
    await waitFor(() =>
      readdirSync(dir).some((name) => name.startsWith('.killed.') && existsSync(join(dir, name, 'slides/.print.html'))) ? true : undefined,
    );
    // The browser is the first process with the profile (the full Chromium passes the profile
    // to some of its helpers too; its headless shell to none).
    const [browserPid] = await waitFor(() => {
      const pids = browsersOf(process.pid);
      return pids.length > 0 ? pids : undefined;
    });
    // Launched; give it a moment to open the page and start laying out 1,000 slides.
    await new Promise((resolve) => setTimeout(resolve, 700));
    // The first process with the profile is the browser itself (its helpers follow it).
    execFileSync('kill', ['-9', String(browserPid)]);
    const result = await building;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[BROWSER_FAILED\]: .*(stopped|closed|crash|killed)/i);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'killed'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('rfc-brief-'))).toEqual([]);
    await waitFor(() => (briefBrowsers() === 0 ? true : undefined), 5_000);
  });

  it('an output folder that cannot be written: a clear message and exit 1', async () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const result = await run(['build', 'big', '--out', 'a-file/out', '--no-pdf'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[OUTPUT_NOT_WRITABLE\]: cannot write the output folder .*a-file\/out/);
  });

  it('an output folder that cannot be written, on a build that prints: exit 1 and the browser started early is closed', async () => {
    writeFileSync(join(dir, 'another-file'), 'not a folder');
    const result = await run(['build', 'big', '--out', 'another-file/out', '--only', 'slides'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[OUTPUT_NOT_WRITABLE\]/);
    await waitFor(() => (briefBrowsers() === 0 ? true : undefined), 5_000);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`rfc-brief-chromium-${process.pid}-`))).toEqual([]);
  });

  it('Ctrl-C during export: exit 130, nothing written, no browser left', async () => {
    const child = spawn(process.execPath, [BIN, 'build', 'big', '--out', 'interrupted'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitFor(() => (browsersOf(child.pid ?? 0).length > 0 ? true : undefined));
    const interrupted = Date.now();
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    // At once, not after some protocol timeout (the browser may still be starting here).
    expect(Date.now() - interrupted).toBeLessThan(15_000);
    expect(stderr).toContain('error[INTERRUPTED]: the build was interrupted; nothing was written');
    expect(existsSync(join(dir, 'interrupted'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('rfc-brief-'))).toEqual([]);
    await waitFor(() => (browsersOf(child.pid ?? 0).length === 0 ? true : undefined), 5_000);
  });
});
