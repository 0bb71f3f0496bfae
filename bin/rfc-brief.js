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

process.exitCode = await runCli(process.argv.slice(2), processIo(controller.signal));
