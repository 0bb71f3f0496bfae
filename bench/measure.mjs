// Runs one command and measures it from the outside: wall time from spawn to exit, and the peak
// memory of its whole process tree (the sum of the resident set sizes of the process and every
// descendant, sampled from /proc every ~20 ms). It also records which programs the tree ran, so
// the report can tell whether a browser was launched at all.
//
// Linux only. /proc/PID/task/TID/children is not available on every kernel, so descendants are
// found by parent PID in /proc/PID/stat. PIDs grow, so only PIDs at or above the root's are read
// on each sample; a process once seen in the tree stays counted while it lives, even if it is
// re-parented (Chromium's crashpad handler is).

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;
const TICKS = 100; // USER_HZ, 100 on every Linux that matters here
export const SAMPLE_MS = 20;

/** pid, ppid, comm and RSS in bytes from /proc/PID/stat, or undefined if it has gone. */
function stat(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // comm is in parentheses and may hold spaces or parentheses itself.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const comm = text.slice(open + 1, close);
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, starttime 22, rss 24.
  // utime 14, stime 15 (clock ticks).
  const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS;
  return { pid, ppid: Number(fields[1]), start: fields[19], comm, rss: Number(fields[21]) * PAGE, cpu };
}

/** Samples the tree under `root` until stopped; `peak` is the largest sum seen. */
class TreeSampler {
  constructor(root) {
    this.root = root;
    this.members = new Map(); // pid -> starttime (guards against PID reuse)
    this.members.set(root, undefined);
    this.peak = 0;
    this.programs = new Set();
    this.maxProcesses = 0;
    this.samples = 0;
    this.cpu = new Map(); // pid -> CPU seconds last seen (kept after the process has gone)
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
  }

  sample() {
    let names;
    try {
      names = readdirSync('/proc');
    } catch {
      return;
    }
    const seen = [];
    for (const name of names) {
      const code = name.charCodeAt(0);
      if (code < 48 || code > 57) continue;
      const pid = Number(name);
      if (pid < this.root && !this.members.has(pid)) continue;
      const s = stat(pid);
      if (s) seen.push(s);
    }
    // Parents are usually older (smaller PID) than their children: one pass in PID order finds
    // the whole tree; a second catches the rare child listed before its parent.
    seen.sort((a, b) => a.pid - b.pid);
    for (let pass = 0; pass < 2; pass++) {
      for (const s of seen) {
        if (this.members.has(s.pid)) {
          if (this.members.get(s.pid) === undefined) this.members.set(s.pid, s.start);
        } else if (this.members.has(s.ppid)) this.members.set(s.pid, s.start);
      }
    }
    let total = 0;
    let count = 0;
    for (const s of seen) {
      if (!this.members.has(s.pid) || this.members.get(s.pid) !== s.start) continue;
      total += s.rss;
      count++;
      this.cpu.set(s.pid, s.cpu);
      this.programs.add(s.comm);
    }
    this.samples++;
    if (total > this.peak) this.peak = total;
    if (count > this.maxProcesses) this.maxProcesses = count;
  }

  /** CPU seconds the tree used, as last seen (a process loses at most one sample's worth). */
  cpuSeconds() {
    let sum = 0;
    for (const value of this.cpu.values()) sum += value;
    return sum;
  }

  /** The members still alive (after the root has exited: stragglers). */
  alive() {
    return [...this.members.keys()].filter((pid) => pid !== this.root && stat(pid));
  }

  stop() {
    clearInterval(this.timer);
  }
}

/**
 * Runs `command` with `args`; resolves to { ok, code, signal, seconds, peakBytes, programs,
 * processes, samples, log }. stdout and stderr go to `logPath`. Never rejects for a failing
 * command: `ok` is false and the log says why.
 */
export function measure(command, args, { cwd, env, logPath, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve) => {
    const log = openSync(logPath, 'w');
    const busyBefore = machineBusySeconds();
    const selfBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', log, log], detached: true });
    const sampler = new TreeSampler(child.pid);
    sampler.sample();
    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid);
    }, timeoutMs);
    const finish = async (code, signal, error) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearTimeout(killer);
      sampler.sample();
      sampler.stop();
      const self = process.cpuUsage(selfBefore);
      const harnessCpu = (self.user + self.system) / 1e6;
      // CPU time the machine spent on anything but this command and the harness: other people's
      // work on a shared machine. Reported per run so a disturbed run can be seen (and re-run).
      const otherCpu = Math.max(0, machineBusySeconds() - busyBefore - sampler.cpuSeconds() - harnessCpu);
      closeSync(log);
      // Leftover processes (a browser a tool forgot to close) would disturb the next run.
      const stragglers = sampler.alive();
      if (stragglers.length > 0) await settle(child.pid, stragglers);
      resolve({
        ok: !error && !timedOut && code === 0,
        code,
        signal,
        error: error?.message ?? (timedOut ? `timed out after ${timeoutMs / 1000} s` : undefined),
        seconds,
        peakBytes: sampler.peak,
        programs: [...sampler.programs],
        processes: sampler.maxProcesses,
        samples: sampler.samples,
        stragglers: stragglers.length,
        cpuSeconds: sampler.cpuSeconds(),
        harnessCpuSeconds: harnessCpu,
        otherCores: otherCpu / seconds,
      });
    };
    child.once('error', (error) => finish(null, null, error));
    child.once('exit', (code, signal) => finish(code, signal));
  });
}

/** Busy CPU seconds of the whole machine so far (all cores), from /proc/stat. */
export function machineBusySeconds() {
  const line = readFileSync('/proc/stat', 'latin1').split('\n', 1)[0];
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  void idle;
  void iowait;
  return (user + nice + system + irq + softirq + steal) / TICKS;
}

/**
 * Waits until the machine is quiet: less than `maxCores` of CPU busy over a 0.5 s window, for at
 * most `maxWaitMs`. Returns { cores: the load seen last, waitedMs }.
 */
export async function waitForQuiet({ maxCores = 0.25, maxWaitMs = 20_000 } = {}) {
  const started = Date.now();
  for (;;) {
    const before = machineBusySeconds();
    const self = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 500));
    const mine = process.cpuUsage(self);
    const cores = (machineBusySeconds() - before - (mine.user + mine.system) / 1e6) / 0.5;
    const waitedMs = Date.now() - started;
    if (cores < maxCores || waitedMs >= maxWaitMs) return { cores, waitedMs };
  }
}

/** Waits up to 5 s for leftover processes to exit, then kills them. */
async function settle(rootPid, pids) {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && pids.some((pid) => stat(pid))) await new Promise((r) => setTimeout(r, 50));
  killTree(rootPid);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** The command was started in its own process group (detached): end that group. */
function killTree(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Pages of a PDF, read by poppler's pdfinfo (rfc-brief's setup installs poppler-utils). */
export function pdfPages(path) {
  try {
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = info.match(/^Pages:\s+(\d+)/m);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Slides of a PPTX: the distinct ppt/slides/slideN.xml parts named in the zip. */
export function pptxSlides(path) {
  try {
    const names =
      readFileSync(path)
        .toString('latin1')
        .match(/ppt\/slides\/slide\d+\.xml/g) ?? [];
    return new Set(names).size || undefined;
  } catch {
    return undefined;
  }
}

/** The PNGs under `dir` (any depth, not the deck's lib/): how many, and the first one's size in pixels. */
export function pngInfo(dir) {
  const found = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = `${at}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'lib' && !entry.name.startsWith('.')) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.png')) found.push(path);
    }
  };
  try {
    walk(dir);
  } catch {
    return {};
  }
  found.sort();
  if (found.length === 0) return { images: 0 };
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  const head = readFileSync(found[0]).subarray(0, 24);
  return { images: found.length, imageSize: `${head.readUInt32BE(16)}×${head.readUInt32BE(20)}` };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? undefined : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Polls `probe` every 10 ms until it returns a value; throws `what()` after `timeoutMs`. */
export async function until(probe, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(what());
    await new Promise((r) => setTimeout(r, 10));
  }
}
