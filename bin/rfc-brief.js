#!/usr/bin/env node
import { runCli } from '../build/cli.js';

const controller = new AbortController();
// The first Ctrl-C cancels the build (the browser is closed, the staging folder removed); a second
// one leaves at once.
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});
process.once('SIGTERM', () => controller.abort());

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
});
