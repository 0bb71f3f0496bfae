import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { limit, LIMITS_ENV, overLimit } from '../config/limits.js';
import type { SourceLocation } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { ChartReply, ChartRequest } from './chart-process.js';

/** Starting the process and loading vega is not the chart's time: waited for apart, generously. */
const START_MS = 60_000;

interface ChartProcess {
  readonly child: ChildProcess;
  /** The limits it was started with: its heap, and what it reads of RFC_BRIEF_LIMITS. */
  readonly limits: string;
  readonly ready: Promise<void>;
  /** The end of what it wrote on stderr: node's own words when it ran out of memory. */
  stderr: string;
}

let current: ChartProcess | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Charts are drawn in a process of their own (chart-process.ts), bounded (issue 15): its heap is
 * capped at the `chartHeapMb` limit and each chart may take at most `chartMs`. A specification
 * that goes past either (an expression doubling a string, a regular expression that backtracks
 * for ever) ends that process, which is started afresh for the next chart, and the build fails
 * naming the limit. A process, not a worker thread: a worker out of memory in the middle of one
 * large allocation (a string flattened) takes the whole process down with it. Returns the SVG
 * and vega's warnings, or the message of the error vega gave.
 */
export async function drawSvg(
  spec: Record<string, unknown>,
  config: Record<string, unknown>,
  where: SourceLocation,
): Promise<{ readonly svg: string; readonly warnings: readonly string[] } | { readonly error: string }> {
  const reply = await ask({ kind: 'draw', spec, config }, where, 'drawing the chart');
  if ('svgBytes' in reply) throw overLimit('chartBytes', `the chart draws ${reply.svgBytes.toLocaleString('en')} bytes of SVG`, where);
  if ('rows' in reply) throw new Error('the chart process answered a drawing with rows');
  return reply;
}

/** The rows of a CSV or TSV data file, read by vega's reader in the chart process, bounded alike. */
export async function readTable(text: string, type: 'csv' | 'tsv', where: SourceLocation): Promise<Record<string, unknown>[]> {
  const reply = await ask({ kind: 'read', text, type }, where, "reading the chart's data file");
  if (!('rows' in reply)) throw new Error(`the chart process could not read the data: ${'error' in reply ? reply.error : 'no rows'}`);
  return reply.rows;
}

/** One request at a time, so that each one's deadline is its own. */
function ask(request: ChartRequest, where: SourceLocation, what: string): Promise<ChartReply> {
  pending++;
  const turn = queue.then(() => askOne(request, where, what)).finally(() => pending--);
  queue = turn.catch(() => undefined);
  return turn;
}

let pending = 0;

/**
 * Ends the chart process when no chart is being drawn: a build whose charts are drawn has no more
 * use for it, and its 80 MB were held while the diagrams were drawn and the PDFs printed. serve
 * keeps it.
 */
export function stopChartProcess(): void {
  if (pending === 0 && current) stopProcess(current);
}

async function askOne(request: ChartRequest, where: SourceLocation, what: string): Promise<ChartReply> {
  const proc = chartProcess();
  // The process keeps the build alive only while it works.
  hold(proc.child, true);
  try {
    await proc.ready;
    return await answerOf(proc, request, where, what);
  } finally {
    hold(proc.child, false);
  }
}

/** Its reply within `chartMs`; past it, or when it died (out of memory), it is gone. */
function answerOf(proc: ChartProcess, request: ChartRequest, where: SourceLocation, what: string): Promise<ChartReply> {
  const { child } = proc;
  return new Promise<ChartReply>((resolve, reject) => {
    const settle = (reply: ChartReply | undefined, error?: unknown) => {
      clearTimeout(timer);
      child.off('message', onMessage).off('close', onClose);
      if (reply) return resolve(reply);
      stopProcess(proc);
      reject(error);
    };
    const endless = request.kind === 'draw' ? " (an expression such as test(regexp('(a+)+$'), ...) can run without end)" : '';
    const timer = setTimeout(
      () => settle(undefined, overLimit('chartMs', `${what} did not end in time${endless}`, where)),
      limit('chartMs'),
    );
    const onMessage = (reply: ChartReply) => settle(reply);
    // 'close', not 'exit': after it, all it wrote on stderr has been read.
    const onClose = (code: number | null, signal: string | null) => {
      if (!/heap out of memory|Reached heap limit/.test(proc.stderr))
        return settle(
          undefined,
          new Error(`the chart process stopped (${signal ?? `exit code ${code}`}): ${proc.stderr.trim().slice(-300)}`),
        );
      const huge = request.kind === 'draw' ? ' (an expression such as "datum.s + datum.s", repeated, builds a string of gigabytes)' : '';
      settle(undefined, overLimit('chartHeapMb', `${what} ran out of memory${huge}`, where));
    };
    child.on('message', onMessage).on('close', onClose);
    child.send(request);
  });
}

function chartProcess(): ChartProcess {
  const limits = process.env[LIMITS_ENV] ?? '';
  if (current?.limits === limits) return current;
  if (current) stopProcess(current);
  const child = fork(processFile(), [], {
    // Its own heap cap, whatever node options the build runs with (a command line's flag wins
    // over NODE_OPTIONS); stdout unused, stderr kept for node's out-of-memory message.
    execArgv: [`--max-old-space-size=${limit('chartHeapMb')}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const proc: ChartProcess = { child, limits, ready: started(child), stderr: '' };
  child.stderr?.on('data', (chunk: Buffer) => (proc.stderr = (proc.stderr + chunk.toString()).slice(-4096)));
  // An error of the process between two charts only ends it: the next chart starts another.
  child.on('error', () => stopProcess(proc)).on('exit', () => current === proc && (current = undefined));
  hold(child, false);
  current = proc;
  return current;
}

function started(child: ChildProcess): Promise<void> {
  const ready = new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.off('message', onReady).off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`the chart process did not start within ${START_MS / 1000} s`)), START_MS);
    const onReady = () => done();
    const onExit = (code: number | null) => done(new Error(`the chart process stopped as it started (exit code ${code})`));
    child.once('message', onReady).once('exit', onExit);
  });
  ready.catch(() => undefined);
  return ready;
}

/** ref or unref everything of the child that keeps an event loop alive. */
function hold(child: ChildProcess, on: boolean): void {
  for (const handle of [child, child.channel, child.stderr as Socket | null]) {
    if (on) handle?.ref();
    else handle?.unref();
  }
}

function stopProcess(proc: ChartProcess): void {
  if (current === proc) current = undefined;
  proc.child.kill('SIGKILL');
}

/**
 * Compiled (build/figures/ or the bundle), the process's program is beside this module. Run from
 * the sources (the tests, through vitest), it is the compiled one: node runs JavaScript only,
 * and `npm test` compiles first.
 */
function processFile(): string {
  const beside = fileURLToPath(new URL('./chart-process.js', import.meta.url));
  return existsSync(beside) ? beside : join(PACKAGE_ROOT, 'build', 'figures', 'chart-process.js');
}
