#!/usr/bin/env node
import { runCli } from '../build/cli.js';
import { processIo } from '../build/cli/io.js';

const controller = new AbortController();
// The first Ctrl-C stops the work cleanly (browser closed, staging folder removed, server shut);
// a second one leaves at once.
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});
process.once('SIGTERM', () => controller.abort());

process.exitCode = await runCli(process.argv.slice(2), processIo(controller.signal));
