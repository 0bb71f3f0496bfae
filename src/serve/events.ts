import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeckPatch } from './live-deck.js';

/**
 * The pages listening for builds (server-sent events), and the state a page that connects later
 * must see: while the last build failed, its error is replayed on connecting, so the overlay
 * survives a reload and a new tab shows it too.
 *
 * Events: `patch` (deck pages replace some slides), `reload` (every page reloads), `updated` (a
 * build the open deck needs no reload for: other pages, such as the report, reload), `ready` (a
 * build succeeded: the overlay goes) and `failed` (the overlay, with the error).
 */
export class BuildEvents {
  private readonly clients = new Set<ServerResponse>();
  private failure: string | undefined;
  /** Whether any build has succeeded since the server started: until then there is no deck to serve. */
  private built = false;

  get hasBuilt(): boolean {
    return this.built;
  }

  /** A good build: the pages reload, or (`reload` false) only those that are not the patched deck. */
  succeeded(reload: boolean): void {
    this.built = true;
    this.failure = undefined;
    this.send('ready');
    this.send(reload ? 'reload' : 'updated');
  }

  /**
   * Sent at once: node's http holds a response's writes until the current task ends, and the
   * build that called this goes on to render the report and write the files first.
   */
  patch(patch: DeckPatch): void {
    this.send('patch', JSON.stringify(patch));
    for (const client of this.clients) client.socket?.uncork();
  }

  failed(message: string): void {
    this.failure = message;
    this.send('failed', message);
  }

  /** `stale`: the page shows an older deck than the latest (a save came while it loaded): it reloads. */
  connect(req: IncomingMessage, res: ServerResponse, stale: boolean): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    if (this.failure !== undefined) res.write(event('failed', this.failure));
    else if (stale) res.write(event('reload', ''));
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private send(name: string, data = ''): void {
    for (const client of this.clients) client.write(event(name, data));
  }
}

function event(name: string, data: string): string {
  return `event: ${name}\ndata: ${data.replace(/\n/g, '\ndata: ')}\n\n`;
}
