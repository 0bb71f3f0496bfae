import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BriefError } from '../errors.js';

/** How many ports above a busy one are tried, as Vite does, before giving up. */
const TRIES = 20;

/**
 * Listens on the port asked for; when it is taken, on the next free one above it (Vite's way: the
 * URL printed is the one that works, and the CLI says the port moved). With `strict`, a busy port
 * is an error instead, for a setup that expects the deck at one address.
 */
export async function listen(server: Server, port: number, host: string, strict: boolean): Promise<AddressInfo> {
  const last = port === 0 || strict ? port : Math.min(port + TRIES, 65535);
  for (let candidate = port; ; candidate++) {
    try {
      return await attempt(server, candidate, host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && candidate < last) continue;
      throw new BriefError('SERVE', `cannot listen on ${host}:${candidate}: ${(error as Error).message}`, {
        hint:
          code === 'EADDRINUSE'
            ? strict
              ? `Port ${port} is in use: stop what uses it, or choose another --port (or drop --strict-port to take the next free one).`
              : `Ports ${port} to ${last} are all in use: choose another --port, or --port 0 for any free one.`
            : 'Choose another --port or --host.',
      });
    }
  }
}

function attempt(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen(server.address() as AddressInfo);
    });
  });
}
