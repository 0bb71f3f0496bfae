import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The pages listening for builds (server-sent events), and the state a page that connects later
 * must see: while the last build failed, its error is replayed on connecting, so the overlay
 * survives a reload and a new tab shows it too.
 */
export class BuildEvents {
  private readonly clients = new Set<ServerResponse>();
  private failure: string | undefined;
  /** Whether any build has succeeded since the server started: until then there is no deck to serve. */
  private built = false;

  get hasBuilt(): boolean {
    return this.built;
  }

  succeeded(): void {
    this.built = true;
    this.failure = undefined;
    this.send('ready');
    this.send('reload');
  }

  failed(message: string): void {
    this.failure = message;
    this.send('failed', message);
  }

  connect(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    if (this.failure !== undefined) res.write(event('failed', this.failure));
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
