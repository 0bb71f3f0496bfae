import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Names that always mean this machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * DNS rebinding: a page on another site can point its own host name at 127.0.0.1 and then read
 * what `serve` answers, the briefing included. The browser still sends that name in `Host`, so
 * only requests naming this machine (loopback, or the address `serve` listens on) are answered.
 */
export function hostAllowed(req: IncomingMessage, address: AddressInfo): boolean {
  const host = req.headers.host;
  if (host === undefined) return false;
  const name = hostName(host.trim().toLowerCase());
  if (name === undefined) return false;
  if (LOOPBACK.has(name)) return true;
  const listening = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // Listening on every address (--host 0.0.0.0 or ::): any address, given as one (a name is what
  // rebinding needs; an address names its own machine).
  if (address.address === '0.0.0.0' || address.address === '::') return /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/.test(name);
  return name === listening.toLowerCase();
}

/** The name in a Host header, without its port; undefined when it is not one. */
function hostName(host: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host);
  return match?.[1];
}
