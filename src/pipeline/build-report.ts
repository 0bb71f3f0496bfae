import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildResult } from './request.js';

/**
 * build-report.json (and `build --json`): every file written, the time of each stage, every
 * warning with its place; paths as `showPath` gives them.
 */
export function buildReport(result: BuildResult, showPath: (path: string) => string): unknown {
  return {
    generator: 'rfc-brief',
    files: result.written.map((file) => ({
      path: showPath(file.path),
      bytes: file.bytes,
      ...(file.pages === undefined ? {} : { pages: file.pages }),
    })),
    slides: result.slides,
    stages: result.stages,
    warnings: [...result.warnings, ...result.findings].map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.message,
      file: f.where?.file,
      line: f.where?.line,
    })),
  };
}

/** A file's size; a folder's, the sizes of the files in it. */
export function entryBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + entryBytes(join(path, name)), 0);
}
