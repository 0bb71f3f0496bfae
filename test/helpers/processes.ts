import { execFileSync } from 'node:child_process';

/**
 * Chromium processes this test process started (its direct children running an rfc-brief profile);
 * counting only our own keeps the count true on a machine where other builds run.
 */
export function briefBrowsers(): number {
  const out = execFileSync('ps', ['-eo', 'ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m) => m !== null && Number(m[1]) === process.pid && (m[2] ?? '').includes('rfc-brief-chromium-')).length;
}
