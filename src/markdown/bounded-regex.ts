import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { limit, overLimit } from '../config/limits.js';
import type { SourceLocation } from '../errors.js';

/** One match: where it starts, how long it is, and (for a split) whether `test` matched it too. */
export interface BoundedMatch {
  readonly index: number;
  readonly length: number;
  readonly tested: boolean;
}

export interface BoundedRequest {
  readonly pattern: string;
  readonly flags: string;
  readonly text: string;
  /** Every match (the pattern must carry `g`), or only the first. */
  readonly all: boolean;
  /** A second pattern each match is tested against (a separator: horizontal or vertical). */
  readonly test?: string | undefined;
}

/**
 * Runs a regular expression the content wrote (a separator) with a deadline (issue 15). A pattern
 * such as `(a+)+$` backtracks for ever on a line of 35 a's, and a regex running on the main thread
 * cannot be interrupted: not by a timer, not by Ctrl-C. So it runs on a worker thread, and the
 * main thread waits for the answer at most the `regexMs` limit (Atomics.wait on a shared flag, so
 * the wait is synchronous and parsing stays a pure, synchronous function); past it the worker is
 * terminated, which stops even a regex mid-match, and the error names the limit.
 *
 * The worker starts on first use and then serves every file; it does not keep the process alive.
 */
export function boundedMatches(request: BoundedRequest, where: SourceLocation, what: string): BoundedMatch[] {
  const worker = regexWorker();
  Atomics.store(worker.flag, 0, 0);
  worker.port.postMessage(request);
  const outcome = Atomics.wait(worker.flag, 0, 0, limit('regexMs'));
  const reply = receiveMessageOnPort(worker.port)?.message as { matches?: BoundedMatch[]; error?: string } | undefined;
  if (outcome === 'timed-out' && !reply) {
    stopWorker();
    throw overLimit(
      'regexMs',
      `${what} ran for more than ${limit('regexMs').toLocaleString('en')} ms on this file (a pattern such as (a+)+ backtracks without end)`,
      where,
      'Write a simpler pattern: no quantifier inside a quantified group.',
    );
  }
  if (!reply?.matches) throw new Error(`the separator worker failed: ${reply?.error ?? 'no answer'}`);
  return reply.matches;
}

// The worker's whole program, evaluated as a script: nothing to resolve or bundle.
const WORKER = `
const { workerData } = require('node:worker_threads');
const { port, flag } = workerData;
const signal = new Int32Array(flag);
port.on('message', ({ pattern, flags, text, all, test }) => {
  let reply;
  try {
    const re = new RegExp(pattern, flags);
    const tester = test === undefined ? undefined : new RegExp(test);
    const matches = [];
    let match;
    while ((match = re.exec(text)) !== null) {
      if (match[0].length === 0 && all) { re.lastIndex++; continue; }
      matches.push({ index: match.index, length: match[0].length, tested: tester ? tester.test(match[0]) : false });
      if (!all) break;
    }
    reply = { matches };
  } catch (error) {
    reply = { error: String(error && error.message) };
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
Atomics.store(signal, 1, 1);
Atomics.notify(signal, 1);
`;

interface RegexWorker {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** [0]: an answer is waiting; [1]: the worker is ready. */
  readonly flag: Int32Array;
}

let current: RegexWorker | undefined;

function regexWorker(): RegexWorker {
  if (current) return current;
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(WORKER, { eval: true, workerData: { port: port2, flag: flag.buffer }, transferList: [port2] });
  worker.unref();
  port1.unref();
  // Starting a thread is not the pattern's time: wait for it apart, generously (a busy machine).
  Atomics.wait(flag, 1, 0, 30_000);
  current = { worker, port: port1, flag };
  return current;
}

function stopWorker(): void {
  const stopping = current;
  current = undefined;
  if (!stopping) return;
  stopping.port.close();
  void stopping.worker.terminate();
}
