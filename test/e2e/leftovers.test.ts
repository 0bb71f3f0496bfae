import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { generateDeck } from '../helpers/deck.js';
import { BIN, ROOT } from '../helpers/paths.js';
import { spawnBin } from '../helpers/spawn.js';

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error('waited too long');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Processes whose command line names a browser profile of process `pid`. */
function browsersOf(pid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes(`rfc-brief-chromium-${pid}-`))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

const profilesOf = (pid: number) => readdirSync(tmpdir()).filter((name) => name.startsWith(`rfc-brief-chromium-${pid}-`));
const stagingOf = (dir: string, out: string, pid: number) =>
  readdirSync(dir).filter((name) => name.startsWith(`.${out}.rfc-brief-${pid}-`));

describe('what a run that died leaves behind', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-leftovers-'));
    mkdirSync(join(dir, 'big'));
    writeFileSync(join(dir, 'big/deck.md'), generateDeck(600));
    mkdirSync(join(dir, 'small'));
    writeFileSync(join(dir, 'small/deck.md'), '## One\n\nNote: said.\n');
  });

  it('a build killed with SIGKILL leaves its staging folder and browser profile; the next build sweeps both', async () => {
    const child = spawn(process.execPath, [BIN, 'build', 'big', '--out', 'out', '--only', 'slides'], { cwd: dir, stdio: 'ignore' });
    const pid = child.pid ?? 0;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitFor(() => (browsersOf(pid).length > 0 && stagingOf(dir, 'out', pid).length > 0 ? true : undefined));
    child.kill('SIGKILL');
    await exited;
    // Its browser goes with its pipe; make sure, so that only the folders are left.
    for (const browser of browsersOf(pid)) execFileSync('kill', ['-9', String(browser)]);
    expect(stagingOf(dir, 'out', pid)).toHaveLength(1);
    expect(profilesOf(pid)).toHaveLength(1);
    const next = await run(['build', 'small', '--out', 'out', '--only', 'slides'], dir);
    expect(next.code).toBe(0);
    expect(stagingOf(dir, 'out', pid)).toEqual([]);
    expect(profilesOf(pid)).toEqual([]);
  });

  it('a process that leaves at once (as a second Ctrl-C makes it) takes its staging folder with it', () => {
    const script = [
      `const { Staging } = await import(${JSON.stringify(join(ROOT, 'build/pipeline/staging.js'))});`,
      `const staging = new Staging(${JSON.stringify(join(dir, 'gone'))});`,
      `staging.write('slides/index.html', 'x');`,
      'process.stdout.write(staging.dir);',
      'process.exit(130);',
    ].join('\n');
    let staged = '';
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    } catch (error) {
      staged = String((error as { stdout: string }).stdout);
    }
    expect(staged).toContain('.gone.rfc-brief-');
    expect(existsSync(staged)).toBe(false);
  });

  it('a double Ctrl-C while working leaves no staging folder and no profile', async () => {
    const child = spawn(process.execPath, [BIN, 'build', 'big', '--out', 'twice', '--only', 'slides'], { cwd: dir, stdio: 'ignore' });
    const pid = child.pid ?? 0;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitFor(() => (browsersOf(pid).length > 0 && stagingOf(dir, 'twice', pid).length > 0 ? true : undefined));
    child.kill('SIGINT');
    // A moment apart: two signals sent at once arrive as one.
    await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stagingOf(dir, 'twice', pid)).toEqual([]);
    expect(existsSync(join(dir, 'twice'))).toBe(false);
    await waitFor(() => (profilesOf(pid).length === 0 ? true : undefined), 5_000);
  });
});

describe('Ctrl-C on serve', () => {
  it('stops within a few seconds with an event stream, an idle keep-alive and a slow client connected; its scratch folder goes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-serve-stop-'));
    const scratch = join(dir, 'tmp');
    mkdirSync(scratch);
    mkdirSync(join(dir, 'deck'));
    // A file larger than the socket buffers: a client that does not read it keeps its response open.
    writeFileSync(join(dir, 'deck/a.md'), '## One\n\n![big](big.png)\n');
    writeFileSync(join(dir, 'deck/big.png'), Buffer.alloc(32 * 1024 * 1024));
    const child = spawn(process.execPath, [BIN, 'serve', 'deck', '--port', '0'], { cwd: dir, env: { ...process.env, TMPDIR: scratch } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const url = new URL(await waitFor(() => /http:\/\/\S+\/slides\//.exec(stdout)?.[0], 20_000));
    expect(readdirSync(scratch).some((name) => name.startsWith('rfc-brief-serve-'))).toBe(true);
    // An event stream, open.
    await new Promise<void>((resolve) => {
      request({ host: url.hostname, port: url.port, path: '/__rfc-brief/events', agent: false }, (res) => {
        res.on('data', () => undefined);
        resolve();
      }).end();
    });
    // An idle keep-alive connection: one request answered, the socket kept.
    const idle = connect(Number(url.port), url.hostname);
    idle.write(`GET /slides/ HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n\r\n`);
    idle.on('data', () => undefined).on('error', () => undefined);
    // Slow clients: one that sends half a request, one that announces a body it never sends, and
    // one that asks for a large file and does not read it.
    const half = connect(Number(url.port), url.hostname);
    half.write(`GET /slides/ HTTP/1.1\r\nHost: ${url.host}\r\n`);
    const body = connect(Number(url.port), url.hostname);
    body.write(`POST /slides/ HTTP/1.1\r\nHost: ${url.host}\r\nContent-Length: 100000\r\n\r\nx`);
    const reader = connect(Number(url.port), url.hostname);
    reader.write(`GET /slides/big.png HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
    reader.pause();
    const slow = [half, body, reader];
    for (const socket of slow) socket.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopped = Date.now();
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(5_000);
    expect(readdirSync(scratch)).toEqual([]);
    for (const socket of [idle, ...slow]) socket.destroy();
  });
});

describe('serve and check killed with SIGKILL (their scratch folders carry the pid)', () => {
  let dir: string;
  let scratch: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rfc-brief-killed-'));
    scratch = join(dir, 'tmp');
    mkdirSync(scratch);
    mkdirSync(join(dir, 'big'));
    writeFileSync(join(dir, 'big/deck.md'), generateDeck(600));
    mkdirSync(join(dir, 'small'));
    writeFileSync(join(dir, 'small/deck.md'), '## One\n\nNote: said.\n');
  });
  const env = () => ({ ...process.env, TMPDIR: scratch });
  const foldersOf = (kind: string, pid: number) => readdirSync(scratch).filter((name) => name.startsWith(`rfc-brief-${kind}-${pid}-`));
  const serve = async () => {
    const child = spawn(process.execPath, [BIN, 'serve', 'small', '--port', '0'], {
      cwd: dir,
      env: env(),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitFor(() => (/http:\/\/\S+\/slides\//.test(stdout) ? true : undefined), 30_000);
    return { pid: child.pid ?? 0, child, exited };
  };

  it("serve's folder is swept by the next run once serve was killed, and a live serve's folder is not", async () => {
    const alive = await serve();
    const killed = await serve();
    expect(foldersOf('serve', killed.pid)).toHaveLength(1);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(foldersOf('serve', killed.pid)).toHaveLength(1);
    const next = await spawnBin(['check', 'small', '--no-browser'], dir, { env: { TMPDIR: scratch } });
    expect(next.code).toBe(0);
    expect(foldersOf('serve', killed.pid)).toEqual([]);
    expect(foldersOf('serve', alive.pid)).toHaveLength(1);
    alive.child.kill('SIGINT');
    expect(await alive.exited).toBe(0);
    expect(foldersOf('serve', alive.pid)).toEqual([]);
  });

  it("check's folder and its browser profile are swept by the next run once check was killed", async () => {
    const child = spawn(process.execPath, [BIN, 'check', 'big'], { cwd: dir, env: env(), stdio: 'ignore' });
    const pid = child.pid ?? 0;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitFor(() => (foldersOf('check', pid).length > 0 && foldersOf('chromium', pid).length > 0 ? true : undefined));
    child.kill('SIGKILL');
    await exited;
    for (const browser of browsersOf(pid)) execFileSync('kill', ['-9', String(browser)]);
    expect([foldersOf('check', pid).length, foldersOf('chromium', pid).length]).toEqual([1, 1]);
    const next = await spawnBin(['build', 'small', '--out', 'out', '--no-pdf'], dir, { env: { TMPDIR: scratch } });
    expect(next.code).toBe(0);
    expect([foldersOf('check', pid), foldersOf('chromium', pid)]).toEqual([[], []]);
  });

  it('a build killed while a chart is drawn takes the chart process with it', async () => {
    mkdirSync(join(dir, 'endless'));
    const endless = `test(regexp('(a+)+$'), '${'a'.repeat(40)}!')`;
    writeFileSync(
      join(dir, 'endless/deck.md'),
      `## C\n\n\`\`\`chart\ndata: {values: [{a: 1}]}\ntransform: [{calculate: "${endless}", as: s}]\nmark: text\nencoding: {text: {field: s}}\n\`\`\`\n`,
    );
    const child = spawn(process.execPath, [BIN, 'build', 'endless', '--no-pdf', '--no-cache', '--out', 'endless-out'], {
      cwd: dir,
      stdio: 'ignore',
    });
    const pid = child.pid ?? 0;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const chartProcess = await waitFor(() => childrenOf(pid).find((c) => c.args.includes('chart-process.js'))?.pid);
    // Busy in the regular expression: only its watchdog thread can notice that the build is gone.
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGKILL');
    await exited;
    await waitFor(() => (isRunning(chartProcess) ? undefined : true), 5_000);
  });
});

function childrenOf(pid: number): { pid: number; args: string }[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === pid)
    .map((m) => ({ pid: Number(m[1]), args: m[3] ?? '' }));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
