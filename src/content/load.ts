import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import JSON5 from 'json5';
import { BriefError } from '../errors.js';
import { readRegularFile } from './special-files.js';

export interface LoadedFile {
  readonly path: string;
  /** How the path is shown in messages: relative to the working directory when inside it. */
  readonly display: string;
  readonly text: string;
}

export interface LoadedBriefing {
  /** The folder that holds the briefing: asset paths resolve against it and may not leave it. */
  readonly root: string;
  readonly files: readonly LoadedFile[];
  /** reveal-md's options file beside the Markdown, when there is one. */
  readonly revealMdJson: SettingsFile | undefined;
  /** reveal.js's options, which reveal-md reads from reveal.json beside reveal-md.json. */
  readonly revealJson: SettingsFile | undefined;
}

export interface SettingsFile {
  readonly path: string;
  readonly data: Record<string, unknown>;
}

/**
 * A briefing is a folder of Markdown files taken in name order, or a single Markdown file (as
 * reveal-md takes one).
 */
export function loadBriefing(input: string, cwd: string): LoadedBriefing {
  if (!existsSync(input)) {
    throw new BriefError('INPUT_NOT_FOUND', `there is no file or folder at ${display(input, cwd)}`, {
      hint: 'Pass the folder that holds your Markdown, e.g. `rfc-brief build content`.',
    });
  }
  const isDir = statSync(input).isDirectory();
  const root = isDir ? input : dirname(input);
  const paths = isDir
    ? readdirSync(input, { withFileTypes: true, encoding: 'buffer' })
        .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name.toString('latin1')))
        .map((e) => join(input, utf8Name(e.name, input, cwd)))
        .sort((a, b) => basename(a).localeCompare(basename(b), 'en', { numeric: true }))
    : [input];
  if (paths.length === 0) {
    throw new BriefError('INPUT_EMPTY', `${display(input, cwd)} holds no Markdown (.md) files`, {
      hint: 'Add a Markdown file such as 01-intro.md, or pass the folder that holds them.',
    });
  }
  const files = paths.map((path) => ({ path, display: display(path, cwd), text: readText(path, cwd) }));
  if (files.every((f) => f.text.trim() === '')) {
    throw new BriefError('INPUT_EMPTY', `${files.length === 1 ? 'the file is' : 'every file is'} empty`, {
      where: { file: files[0]?.display ?? display(input, cwd) },
      hint: 'Write at least one slide: a heading such as "## Why" and a few lines under it.',
    });
  }
  return {
    root,
    files,
    revealMdJson: readSettingsFile(root, 'reveal-md', cwd),
    revealJson: readSettingsFile(root, 'reveal', cwd),
  };
}

/**
 * A file name as text: one that is not UTF-8 cannot be named to the file system as a string (it
 * would read another name), so it is refused, shown with its odd bytes escaped.
 */
function utf8Name(name: Buffer, dir: string, cwd: string): string {
  const text = name.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(name)) return text;
  const shown = [...name].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
  throw new BriefError('INPUT_NOT_TEXT', `the file name "${shown}" is not UTF-8, so it cannot be read`, {
    where: { file: display(dir, cwd) },
    hint: 'Rename the file with a UTF-8 name (for example `convmv -f latin1 -t utf-8 --notest FILE`).',
  });
}

function readText(path: string, cwd: string): string {
  const file = display(path, cwd);
  const bytes = readRegularFile(path, { subject: `the Markdown file ${file}`, where: { file } });
  if (bytes.includes(0)) {
    throw new BriefError('INPUT_NOT_TEXT', 'this is a binary file, not Markdown text', {
      where: { file },
      hint: 'Move it out of the briefing folder, or give it another extension than .md.',
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    throw new BriefError('INPUT_NOT_TEXT', 'the file is not UTF-8 text', {
      where: { file, line },
      hint: 'Save it as UTF-8 in your editor (for example `iconv -f latin1 -t utf-8`).',
    });
  }
}

function lineOfFirstInvalidByte(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/**
 * NAME.json5 or NAME.json, read as reveal-md reads them: as JSON5, so that the trailing commas and
 * comments real configs carry (cjsteel-ansible-stack's) are fine.
 */
function readSettingsFile(root: string, name: string, cwd: string): SettingsFile | undefined {
  const path = [`${name}.json5`, `${name}.json`].map((file) => join(root, file)).find((file) => existsSync(file));
  if (path === undefined) return undefined;
  const file = display(path, cwd);
  let data: unknown;
  try {
    data = JSON5.parse(readRegularFile(path, { subject: basename(path), where: { file } }).toString('utf8'));
  } catch (error) {
    if (error instanceof BriefError) throw error;
    const { lineNumber, message } = error as Error & { lineNumber?: number };
    throw new BriefError('FRONT_MATTER', `${basename(path)} cannot be read: ${message.replace(/^JSON5: /, '')}`, {
      where: { file, line: lineNumber },
      hint: 'Fix it, or remove it: rfc-brief reads it as reveal-md does (JSON5).',
    });
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) return { path: file, data: data as Record<string, unknown> };
  throw new BriefError('FRONT_MATTER', `${basename(path)} must hold one object of settings ({ ... })`, { where: { file } });
}

/** A path as the person reads it: relative to where they are, unless that means climbing out. */
export function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
