#!/usr/bin/env node
// The bundled command line (scripts/bundle.mjs); npm run compile writes it.
import { processIo, runCli } from '../build/bundle/cli.js';

const controller = new AbortController();
// The first Ctrl-C stops the work cleanly (browser closed, staging folder removed, server shut);
// a second one leaves at once.
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});
process.once('SIGTERM', () => controller.abort());

const code = await runCli(process.argv.slice(2), processIo(controller.signal));
// When the command is done, nothing of rfc-brief's own is left running. puppeteer is: a
// connection it lost leaves a 100 ms timer behind (its frame manager waiting for a frame swap),
// a twentieth of a second on every build that printed. Leave once the output is flushed.
process.exitCode = code;
await Promise.all(
  [process.stdout, process.stderr].map((stream) =>
    stream.writableLength > 0 ? new Promise((done) => stream.once('drain', done)) : undefined,
  ),
);
process.exit(code);
