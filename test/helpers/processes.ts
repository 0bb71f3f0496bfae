import { execFileSync } from 'node:child_process';

/** Chromium processes started by rfc-brief (they run with an rfc-brief profile folder). */
export function briefBrowsers(): number {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('rfc-brief-chromium-') && !line.startsWith('ps ')).length;
}
