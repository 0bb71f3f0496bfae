import type { Command } from 'commander';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../content/scratch.js';
import { buildEarly } from '../pipeline/early-browser.js';
import { failures, formatLocation, uniqueDiagnostics, type Diagnostic } from '../errors.js';
import { addBrowserOptions, addSourceOptions } from './build-command.js';
import { paint, printable, type CliIo } from './io.js';
import { createProgress } from './progress.js';
import { plural } from '../words.js';

interface CheckFlags {
  theme?: string;
  safe?: boolean;
  browserPath?: string;
  timeout: number;
  json?: boolean;
  strict?: boolean;
  browser: boolean;
  quiet?: boolean;
}

/** Sets the exit code: 1 on errors, or on warnings with --strict. */
export function registerCheck(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command('check')
    .description(
      'check a briefing without writing outputs: overflowing slides, missing files, broken links, notes, alt text, required sections',
    );
  addSourceOptions(command);
  addBrowserOptions(command)
    .option('--no-browser', 'only the checks that need no browser (no overflow measurement)')
    .option('--json', 'print the findings as JSON')
    .option('--strict', 'fail on warnings too, as build --strict does')
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (dir: string, flags: CheckFlags) => {
      // Nothing is written: the deck is laid out in a temporary folder that is removed after.
      const scratch = makeTempDir('check');
      try {
        const result = await buildEarly({
          input: dir,
          out: join(scratch, 'out'),
          cwd: io.cwd,
          pdf: false,
          check: true,
          noBrowser: !flags.browser,
          theme: flags.theme,
          safe: flags.safe,
          browserPath: flags.browserPath,
          timeoutMs: flags.timeout,
          env: io.env,
          signal: io.signal,
          onProgress: flags.quiet ? undefined : createProgress(io),
        });
        const findings = sortFindings([...result.warnings, ...result.findings]);
        const errors = findings.filter((f) => f.severity === 'error').length;
        const warnings = findings.length - errors;
        if (flags.json)
          io.stdout(`${JSON.stringify({ slides: result.slides, errors, warnings, findings: findings.map(toJson) }, null, 2)}\n`);
        else printFindings(io, findings, result.slides, errors, warnings);
        setExitCode(failures(findings, flags.strict).length > 0 ? 1 : 0);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
}

function printFindings(io: CliIo, findings: readonly Diagnostic[], slides: number, errors: number, warnings: number): void {
  const colour = paint(io);
  for (const f of findings) {
    const place = f.where ? `${printable(formatLocation(f.where))}: ` : '';
    const severity = f.severity === 'error' ? colour(31, 'error') : colour(33, 'warning');
    io.stdout(`${place}${severity}: ${printable(f.message)} [${f.code}]\n`);
  }
  const summary =
    errors + warnings === 0
      ? `${slides} slides checked: no problems found`
      : `${slides} slides checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  io.stdout(`${summary}\n`);
}

function sortFindings(findings: readonly Diagnostic[]): Diagnostic[] {
  return uniqueDiagnostics(findings).sort(
    (a, b) => (a.where?.file ?? '').localeCompare(b.where?.file ?? '') || (a.where?.line ?? 0) - (b.where?.line ?? 0),
  );
}

function toJson(f: Diagnostic): unknown {
  return {
    severity: f.severity,
    code: f.code,
    message: f.message,
    file: f.where?.file,
    line: f.where?.line,
    slide: f.slide,
    title: f.title,
  };
}
