import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { BUILT, EventStream, fetchText } from '../helpers/events.js';

/** Each way an editor or a tool saves a file; every one must reach the browser. */
const SAVES = {
  'in-place write': (file: string, _old: string, marker: string) => writeFileSync(file, slide(marker)),
  // What vim (backupcopy=no), VS Code's atomic save and most tools do: a new file renamed over the old.
  'rename over': (file: string, _old: string, marker: string) => {
    const temp = join(file, '..', `.${Date.now()}.tmp`);
    writeFileSync(temp, slide(marker));
    renameSync(temp, file);
  },
  'sed -i': (file: string, old: string, marker: string) => execFileSync('sed', ['-i', `s/${old}/${marker}/`, file]),
  'new file': (file: string, _old: string, marker: string) => writeFileSync(join(file, '..', `02-${marker}.md`), slide(marker)),
} as const;
type Save = keyof typeof SAVES;

const slide = (marker: string, body = '') => `## Slide\n\nText ${marker}\n\n${body}\n\nNote: n.\n`;
/** One save: its wait for a reload is bounded so a missed save fails with its number and kind. */
const SAVE_TIMEOUT_MS = 15_000;

describe('rfc-brief serve sees every save', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-saves-'));
  const file = join(dir, 'deck/01-deck.md');
  let server: RunningServer;
  let events: EventStream;

  beforeAll(async () => {
    mkdirSync(join(dir, 'deck'));
    writeFileSync(file, slide('m0'));
    server = await startServer({ input: 'deck', cwd: dir, port: 0, host: '127.0.0.1' });
    events = await EventStream.open(server.url);
  });
  afterAll(async () => {
    events.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Waits for builds until the served deck shows the save: a save can come as a burst of events
   * that rebuilds twice, and the second build of the last save must not stand for this one.
   */
  const reloadedUntil = async (served: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + SAVE_TIMEOUT_MS;
    for (;;) {
      await events.next(BUILT, deadline - Date.now(), what);
      if (await served()) return;
    }
  };
  const reloadedWith = (marker: string, what: string) =>
    reloadedUntil(async () => (await fetchText(server.url, '/slides/')).body.includes(`Text ${marker}`), what);

  it('rebuilds on 20 saves in a row: in-place, rename over, sed -i, new file', async () => {
    const kinds = Object.keys(SAVES) as Save[];
    let old = 'm0';
    for (let n = 1; n <= 20; n++) {
      const kind = kinds[(n - 1) % kinds.length] as Save;
      const marker = `m${n}`;
      // A new file is a slide of its own; the others change the one slide, so sed finds the last marker.
      SAVES[kind](file, old, marker);
      if (kind !== 'new file') old = marker;
      await reloadedWith(marker, `save ${n} (${kind})`);
    }
    const deck = (await fetchText(server.url, '/slides/')).body;
    expect(deck).toContain(`Text ${old}`);
    for (const n of [4, 8, 12, 16, 20]) expect(deck).toContain(`Text m${n}`);
  });

  it('sees a file in a folder made after it started', async () => {
    writeFileSync(file, slide('pic', '![a picture](pictures/new/pic.svg)'));
    await reloadedWith('pic', 'adding the image reference');
    expect((await fetchText(server.url, '/slides/pictures/new/pic.svg')).status).toBe(404);
    mkdirSync(join(dir, 'deck/pictures/new'), { recursive: true });
    writeFileSync(join(dir, 'deck/pictures/new/pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><title>new</title></svg>');
    const picture = () => fetchText(server.url, '/slides/pictures/new/pic.svg');
    await reloadedUntil(async () => (await picture()).status === 200, 'writing pictures/new/pic.svg');
    expect((await picture()).body).toContain('<title>new</title>');
  });
});
