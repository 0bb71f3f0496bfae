import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';

/** `rfc-brief serve` in-process until the URL it prints, then stopped as Ctrl-C stops it. */
async function serveUntilUrl(args: string[], cwd: string, env: Record<string, string | undefined> = process.env) {
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  let printed: (() => void) | undefined;
  const url = new Promise<void>((resolve) => (printed = resolve));
  const exit = runCli(['serve', ...args], {
    stdout: (t) => {
      stdout += t;
      if (stdout.includes('/slides/')) printed?.();
    },
    stderr: (t) => (stderr += t),
    cwd,
    env,
    isTTY: false,
    signal: controller.signal,
  });
  const bound = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000).unref());
  const first = await Promise.race([url.then(() => 'url' as const), exit.then(() => 'exit' as const), bound]);
  if (first === 'timeout') throw new Error(`serve printed no URL within 20 s; stderr: ${stderr}`);
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      controller.abort();
      return exit;
    },
  };
}

/** Resolves when the file exists, or fails naming it after a bound. */
async function appears(file: string, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${what}: ${file} was not written within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('rfc-brief serve on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-serve-cli-'));
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    mkdirSync(join(dir, 'deck'));
    writeFileSync(join(dir, 'deck/01.md'), '## A\n\nNote: n.\n');
    busy = createServer();
    port = await new Promise<number>((resolve) => busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)));
  });
  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes the next free port when --port is busy, and says so', async () => {
    const serve = await serveUntilUrl(['deck', '--port', String(port)], dir);
    expect(await serve.stop()).toBe(0);
    const took = /^http:\/\/127\.0\.0\.1:(\d+)\/slides\//.exec(serve.stdout())?.[1];
    expect(Number(took)).toBeGreaterThan(port);
    expect(serve.stderr()).toContain(`Port ${port} is in use, took ${took} instead`);
  });

  it('fails with a clear error on a busy port with --strict-port', async () => {
    let stderr = '';
    const code = await runCli(['serve', 'deck', '--port', String(port), '--strict-port'], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      cwd: dir,
      env: process.env,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`error[SERVE]: cannot listen on 127.0.0.1:${port}`);
    expect(stderr).toContain(`Port ${port} is in use: stop what uses it, or choose another --port`);
  });

  it('prints the URLs of the PDFs, and says in the terminal each PDF it made', async () => {
    const serve = await serveUntilUrl(['deck', '--port', '0'], dir, { ...process.env, RFC_BRIEF_CACHE_DIR: join(dir, 'cache') });
    const pdfUrl = /PDFs, made when asked for: (\S+\/slides\.pdf) +\S+\/handout\.pdf +\S+\/report\.pdf/.exec(serve.stdout())?.[1];
    expect(pdfUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slides\.pdf$/);
    const status = await new Promise<number>((resolve, reject) =>
      get(pdfUrl ?? '', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      }).on('error', reject),
    );
    expect(status).toBe(200);
    expect(await serve.stop()).toBe(0);
    expect(serve.stderr()).toMatch(/✓ slides\.pdf in \d+ ms \(1 page\)/);
  });

  it('opens the deck in the browser BROWSER names with --open', async () => {
    const opened = join(dir, 'opened.txt');
    const fakeBrowser = join(dir, 'fake-browser.sh');
    writeFileSync(fakeBrowser, `#!/bin/sh\nprintf '%s' "$1" > '${opened}.part' && mv '${opened}.part' '${opened}'\n`);
    chmodSync(fakeBrowser, 0o755);
    const serve = await serveUntilUrl(['deck', '--port', '0', '--open'], dir, { ...process.env, BROWSER: fakeBrowser });
    await appears(opened, 'the fake browser');
    expect(await serve.stop()).toBe(0);
    expect(readFileSync(opened, 'utf8')).toBe(serve.stdout().split(/\s/)[0]);
    expect(readFileSync(opened, 'utf8')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slides\/$/);
  });
});
