import { get, request, type ClientRequest } from 'node:http';

export interface ServedEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * A listener on serve's event stream, as a page's EventSource is: every event kept in order, and
 * next() waits for the next one of a name, with a bound whose failure says what was awaited.
 */
export class EventStream {
  private readonly received: ServedEvent[] = [];
  private read = 0;
  private wake: (() => void) | undefined;
  private constructor(private readonly req: ClientRequest) {}

  /** `query`: what a page adds (`?deck=` the version of the deck it shows). */
  static open(base: string, query = ''): Promise<EventStream> {
    return new Promise((resolve, reject) => {
      const req = request(new URL(`/__rfc-brief/events${query}`, base));
      const stream = new EventStream(req);
      req.on('response', (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            stream.push(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        resolve(stream);
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** The next event called `name` (or one of the names) after those already taken; others on the way are skipped. */
  async next(name: string | readonly string[], timeoutMs: number, what: string): Promise<ServedEvent> {
    const names: readonly string[] = typeof name === 'string' ? [name] : name;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.read < this.received.length) {
        const event = this.received[this.read++];
        if (event && names.includes(event.event)) return event;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${names.join('" or "')}" event within ${timeoutMs} ms after ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** The names of every event received so far, in order. */
  get names(): string[] {
    return this.received.map((e) => e.event);
  }

  close(): void {
    this.req.destroy();
  }

  private push(block: string): void {
    const lines = block.split('\n');
    const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
    if (!event) return;
    const data = lines
      .filter((l) => l.startsWith('data: '))
      .map((l) => l.slice(6))
      .join('\n');
    this.received.push({ event, data });
    this.wake?.();
  }
}

/** The events that end a good build: every page reloads, or all but the patched deck. */
export const BUILT = ['reload', 'updated'] as const;

/** GET a path: status, content type and body. */
export function fetchText(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    get(new URL(path, base), { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body }));
    }).on('error', reject);
  });
}
