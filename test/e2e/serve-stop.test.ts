import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDeck } from '../helpers/deck.js';
import { BIN } from '../helpers/paths.js';

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** GET a path to its end (or its connection's end): the status, 0 when the connection broke. */
const status = (url: string) =>
  new Promise<number>((resolve) => {
    get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    }).on('error', () => resolve(0));
  });

/** Processes whose command line names a browser profile of process `pid`. */
const browsersOf = (pid: number) =>
  execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`rfc-brief-chromium-${pid}-`));

describe('Ctrl-C on serve with its browser warm', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-serve-stop-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops within a few seconds while a PDF is being printed; no browser and no scratch folder is left', async () => {
    const scratch = join(dir, 'tmp');
    mkdirSync(scratch);
    mkdirSync(join(dir, 'deck'));
    const file = join(dir, 'deck/deck.md');
    writeFileSync(file, generateDeck(150));
    const child = spawn(process.execPath, [BIN, 'serve', 'deck', '--port', '0'], {
      cwd: dir,
      env: { ...process.env, TMPDIR: scratch, RFC_BRIEF_CACHE_DIR: join(dir, 'cache'), BROWSER: 'none' },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const base = await waitFor(() => /http:\/\/[^/\s]+\//.exec(stdout)?.[0], 20_000, 'the URL');
    expect(await status(`${base}slides.pdf`)).toBe(200);
    expect(browsersOf(child.pid ?? 0).length).toBeGreaterThan(0);
    // A second PDF, of an edit, under way when Ctrl-C comes.
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n---\n\n## One more\n\nA slide.\n`);
    const printing = status(`${base}slides.pdf`);
    // The page the slides print from is written just before they print, and removed after.
    const printPage = () => {
      try {
        return readdirSync(scratch, { recursive: true, encoding: 'utf8' }).some((name) => name.endsWith('.print.html')) || undefined;
      } catch {
        return undefined; // a folder went while it was listed
      }
    };
    await waitFor(printPage, 20_000, 'the print to begin');
    const stopped = Date.now();
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(5_000);
    expect(await printing).not.toBe(200);
    expect(browsersOf(child.pid ?? 0)).toEqual([]);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
