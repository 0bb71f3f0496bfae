import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRunDir, RUN_MARKER, runMarkerText, sweepDead } from '../../src/content/scratch.js';

// Issue 15: a run killed with SIGKILL leaves its folders; the next one sweeps those of dead runs,
// and only those: rfc-brief's (the marker), of a pid that is gone, on this machine.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rfc-brief-scratch-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that surely ran and is gone: a process that has exited. */
const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));

/** A folder as a run of `pid` leaves it; `marker: null`, without the marker. */
function leftBy(pid: number, marker: string | null = runMarkerText(pid)): string {
  const path = join(dir, `x-${pid}-abc123`);
  mkdirSync(join(path, 'inside'), { recursive: true });
  if (marker !== null) writeFileSync(join(path, RUN_MARKER), marker);
  return path;
}

describe('makeRunDir', () => {
  it('names the folder with the pid and puts the marker in it', () => {
    const made = makeRunDir(dir, 'x-');
    expect(basename(made)).toMatch(new RegExp(`^x-${process.pid}-\\w{6}$`));
    expect(JSON.parse(readFileSync(join(made, RUN_MARKER), 'utf8'))).toMatchObject({ generator: 'rfc-brief', pid: process.pid });
  });
});

describe('sweepDead', () => {
  it("removes a dead run's folder that carries its marker", () => {
    const left = leftBy(deadPid());
    sweepDead(dir, ['x-']);
    expect(existsSync(left)).toBe(false);
  });

  it("never touches a live run's folder", () => {
    const alive = leftBy(process.ppid);
    const mine = makeRunDir(dir, 'x-');
    sweepDead(dir, ['x-']);
    expect([existsSync(alive), existsSync(mine)]).toEqual([true, true]);
  });

  it('leaves a folder without the marker, or with the marker of another pid, machine or pid namespace', () => {
    const pid = deadPid();
    const other = (change: object) => JSON.stringify({ ...JSON.parse(runMarkerText(pid)), ...change });
    const kept = [
      leftBy(pid, null),
      leftBy(pid + 1_000_000, runMarkerText(pid)),
      leftBy(pid + 2_000_000, other({ host: 'elsewhere' })),
      leftBy(pid + 3_000_000, other({ pidNamespace: 'pid:[1]' })),
    ];
    sweepDead(dir, ['x-']);
    expect(kept.map(existsSync)).toEqual([true, true, true, true]);
  });

  it('leaves a symlink of the name, and what it points to', () => {
    const target = leftBy(deadPid());
    const link = join(dir, `x-${deadPid()}-link`);
    symlinkSync(target, link);
    rmSync(join(target, RUN_MARKER));
    writeFileSync(join(target, RUN_MARKER), runMarkerText(Number(basename(link).split('-')[1])));
    sweepDead(dir, ['x-']);
    expect([existsSync(link), existsSync(target)]).toEqual([true, true]);
  });
});
