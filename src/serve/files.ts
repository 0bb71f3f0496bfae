import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { BriefError } from '../errors.js';
import { confine } from '../content/confine.js';
import { waitingPage } from './client.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
};

export function typeOf(name: string): string {
  return TYPES[extname(name)] ?? 'application/octet-stream';
}

export interface BuiltFiles {
  /** The folder the live build writes. */
  readonly out: string;
  /** Whether any build has succeeded yet. */
  readonly built: boolean;
  /** The deck page as the live build rendered it last (live-deck.ts), served for slides/index.html. */
  readonly deckPage: () => string | undefined;
}

/** Serves a file of the live build, the deck page from memory, or the page that waits for a build. */
export async function serveFile(req: IncomingMessage, res: ServerResponse, pathname: string, files: BuiltFiles): Promise<void> {
  let path: string | undefined;
  try {
    path = lookUp(files.out, decodeURIComponent(pathname));
  } catch (error) {
    if (error instanceof BriefError) return void end(res, 403, 'text/plain', 'forbidden');
    if (error instanceof URIError) return void end(res, 400, 'text/plain', 'bad request');
    throw error;
  }
  if (path === undefined) {
    // A page that is not there yet (the first build failed) or any more still listens for builds:
    // it shows the error and reloads once a save builds. Other files get a plain 404.
    if (!isPage(req, pathname)) return void end(res, 404, 'text/plain', 'not found');
    return void end(res, files.built ? 404 : 503, TYPES['.html'], waitingPage(files.built));
  }
  const type = typeOf(path);
  const deck = path === confine(files.out, 'slides/index.html', undefined) ? files.deckPage() : undefined;
  if (deck !== undefined) return void end(res, 200, type, deck);
  if (type.startsWith('text/html')) return void end(res, 200, type, await readFile(path, 'utf8'));
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * The build's file a URL path names, or undefined when there is none: only files of the build,
 * whatever the URL says (../, %2e%2e, absolute paths, a symlink out), by the same rule as every
 * path the content names (confine.ts throws for one outside). A folder serves its index.html.
 */
function lookUp(out: string, pathname: string): string | undefined {
  const name = `.${pathname}`;
  const found = confine(out, name, undefined);
  const file = found !== undefined && statSync(found).isDirectory() ? confine(out, join(name, 'index.html'), undefined) : found;
  return file !== undefined && statSync(file).isFile() ? file : undefined;
}

export function end(res: ServerResponse, status: number, type: string | undefined, body: string | Uint8Array): void {
  res.writeHead(status, { 'content-type': type ?? 'text/plain', 'cache-control': 'no-store' });
  res.end(body);
}

/** A request for a page (what a browser navigates to), not for a file a page loads. */
function isPage(req: IncomingMessage, pathname: string): boolean {
  return pathname.endsWith('/') || pathname.endsWith('.html') || (req.headers.accept ?? '').includes('text/html');
}
