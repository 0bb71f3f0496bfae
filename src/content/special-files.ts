import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { BriefError, type ErrorCode, type SourceLocation } from '../errors.js';
import { limit, overLimit } from '../config/limits.js';

/** How a refusal names the file and what it is. */
export interface FileRole {
  /** e.g. "the chart's data file data/x.csv". */
  readonly subject: string;
  readonly where?: SourceLocation | undefined;
  readonly code?: ErrorCode;
}

/**
 * Reads a file the content names, and only a regular one (issue 15): a FIFO blocks `read` for
 * ever (and Node's SIGTERM handler with it), /dev/zero or /dev/urandom never end, a socket or a
 * device is nothing a briefing holds. The path is checked before it is opened (stat), and what was
 * opened is checked again (fstat: a file swapped after the check is caught); the open does not
 * block (O_NONBLOCK), whatever is there by then. No more than the `fileBytes` limit is read.
 */
export function readRegularFile(path: string, role: FileRole): Buffer {
  refuseSpecial(statSync(path), role);
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    refuseSpecial(stats, role);
    const max = limit('fileBytes');
    if (stats.size > max) throw tooBig(stats.size, role);
    // Read to the end, not to the size stat gave: a file may grow while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > max) throw tooBig(total, role);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Refuses a path that is there but is not a regular file (a folder is the caller's to judge). */
export function assertRegularFile(path: string, role: FileRole): void {
  refuseSpecial(statSync(path), role);
}

/** What a non-regular file is, in words; undefined for a regular file or a folder. */
export function specialKind(stats: Stats): string | undefined {
  if (stats.isFile() || stats.isDirectory()) return undefined;
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device (such as /dev/zero)';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function refuseSpecial(stats: Stats, role: FileRole): void {
  const kind = specialKind(stats) ?? (stats.isDirectory() ? 'a folder' : undefined);
  if (kind === undefined) return;
  throw new BriefError(role.code ?? 'INPUT_NOT_TEXT', `${role.subject} is ${kind}, not a regular file; rfc-brief reads regular files only`, {
    where: role.where,
    hint: 'Replace it with an ordinary file (a pipe or a device would block the build or never end).',
  });
}

function tooBig(size: number, role: FileRole): BriefError {
  return overLimit('fileBytes', `${role.subject} is ${size.toLocaleString('en')} bytes`, role.where);
}
