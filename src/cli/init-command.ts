import type { Command } from 'commander';
import { resolve } from 'node:path';
import { scaffold } from '../content/scaffold.js';
import { shown } from './build-command.js';
import { printable, type CliIo } from './io.js';
import { DEFAULT_DIR, invocation } from './hints.js';

export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('start a new briefing: front matter, the four sections with notes, a data file and a chart')
    .argument('[dir]', 'folder to create', DEFAULT_DIR)
    .option('-f, --force', 'write into a folder that is not empty')
    .action((dir: string, flags: { force?: boolean }) => {
      for (const path of scaffold(resolve(io.cwd, dir), flags.force === true)) io.stdout(`${printable(shown(io.cwd, path))}\n`);
      const cli = invocation(io);
      io.stderr(printable(`Next: ${cli} check ${dir} && ${cli} build ${dir}  (or ${cli} serve ${dir}, rebuilt on every save)\n`));
    });
}
