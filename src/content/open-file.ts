import { closeSync, constants, fstatSync, openSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { BriefError, type SourceLocation } from '../errors.js';
import { isHiddenPath, isWithin } from './confine.js';

/**
 * Every file the content names is copied into the output, or read, through here: opened once,
 * and what was opened (not the name) is checked, then read from that same descriptor.
 *
 * confine() decides on a name, but between its check and the copy the name can change: a file
 * swapped for a symlink out in between was copied. So the final component is opened without
 * following a symlink (O_NOFOLLOW), the descriptor's own real path (/proc/self/fd on Linux)
 * must lie inside the root and have no hidden segment, and fstat must find a regular file with
 * one link. A hard link is refused outright: a second name of a file outside the briefing looks
 * like any file inside it, and which other names a file has cannot be found from the file.
 * Git never makes hard links in a checkout (nor do zip or a plain copy), so a briefing that
 * holds one was put together by hand; the error says how to turn it into a plain file.
 */
export function readContentFile(root: string, path: string, where?: SourceLocation, name = path): Buffer {
  const fd = openContentFile(root, path, where, name);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies a content file (see readContentFile) to `to`, from the descriptor that was checked. */
export function copyContentFile(root: string, path: string, to: string, where?: SourceLocation, name = path): void {
  writeFileSync(to, readContentFile(root, path, where, name));
}

/** Opens `path` for reading once it is known to be a plain file of the briefing (see above). */
export function openContentFile(root: string, path: string, where: SourceLocation | undefined, name: string): number {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO swapped in is opened without waiting for a writer, then refused below.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw refused(name, where, 'is a symlink (it was swapped in after it was checked)');
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw refused(name, where, 'is not a regular file');
    const real = openedPath(fd, path);
    const realRoot = realpathSync(root);
    if (!isWithin(realRoot, real)) throw refused(name, where, 'is outside the briefing folder');
    if (isHiddenPath(relative(realRoot, real))) throw refused(name, where, 'is a hidden file (a name starting with a dot)');
    if (stat.nlink > 1)
      throw refused(name, where, `is a hard link (${stat.nlink} names for one file): it may be a file from outside the briefing`, {
        hint: 'Replace it with a copy of its own (cp FILE FILE.tmp && mv FILE.tmp FILE), then build again.',
      });
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** What the descriptor really is: the kernel's name for it, not the one it was opened by. */
function openedPath(fd: number, path: string): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    // No /proc (macOS): the name, every symlink followed; O_NOFOLLOW above still kept a swapped
    // final symlink out.
    return realpathSync(resolve(path));
  }
}

function refused(name: string, where: SourceLocation | undefined, problem: string, extra: { hint?: string } = {}): BriefError {
  return new BriefError('ASSET_OUTSIDE', `${name} ${problem}; it is not copied into the output`, {
    where,
    hint: extra.hint ?? 'Put the file itself (not a link) in the briefing folder and refer to it by a relative path.',
  });
}
