import { spawn } from 'node:child_process';
import { BriefError } from '../errors.js';

export interface Opener {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * The command that opens a URL in the user's browser. BROWSER names a browser to use instead of
 * the system's default (as Vite, Slidev and the `open` package read it), and BROWSER=none opens
 * nothing (for a terminal on a server, and for tests).
 */
export function opener(url: string, env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): Opener | undefined {
  const browser = env['BROWSER']?.trim();
  if (browser === 'none') return undefined;
  if (browser) return { command: browser, args: [url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // start is a cmd built-in; its first quoted argument is the window title, hence the "".
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}

/** Starts the browser and leaves it running on its own; rejects when the opener cannot be run. */
export function openBrowser(url: string, env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): Promise<void> {
  const command = opener(url, env, platform);
  if (!command) return Promise.resolve();
  return new Promise((resolveOpen, reject) => {
    const child = spawn(command.command, command.args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.once('spawn', () => {
      child.unref();
      resolveOpen();
    });
    child.once('error', (error) =>
      reject(
        new BriefError('SERVE', `could not open a browser with ${command.command}: ${error.message}`, {
          hint: `Open ${url} yourself, or set BROWSER to the browser to use.`,
        }),
      ),
    );
  });
}
