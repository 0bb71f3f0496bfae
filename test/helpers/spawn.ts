import { spawn } from 'node:child_process';
import { BIN } from './paths.js';

export interface SpawnedRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly ms: number;
  /** True when it was still running at the deadline and was killed (SIGKILL: a hang ignores SIGTERM). */
  readonly killed: boolean;
}

/**
 * The real binary in a process of its own, for input that would hang or exhaust the test runner
 * if it ran in-process: killed with SIGKILL at the deadline, its heap capped.
 */
export function spawnBin(
  args: readonly string[],
  cwd: string,
  { timeoutMs = 20_000, heapMb = 256, env = {} }: { timeoutMs?: number; heapMb?: number; env?: Record<string, string> } = {},
): Promise<SpawnedRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, BIN, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let killed = false;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const shown = stderr
        .split('\n')
        .filter((line) => !line.startsWith('rfc-brief: '))
        .join('\n');
      resolve({ code, signal, stderr: shown, ms: Date.now() - started, killed });
    }),
  );
}
