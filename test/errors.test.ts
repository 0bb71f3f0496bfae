import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, formatWarning, uniqueDiagnostics, warning } from '../src/errors.js';
import { ROOT } from './helpers/paths.js';

describe('diagnostics: one type for what a build says and what check finds', () => {
  it('makes a warning with its code and place', () => {
    expect(warning('slide', 'this slide is empty', { file: 'a.md', line: 3 })).toEqual({
      severity: 'warning',
      code: 'slide',
      message: 'this slide is empty',
      where: { file: 'a.md', line: 3 },
    });
  });

  it('prints it as the build does', () => {
    expect(formatWarning(warning('slide', 'this slide is empty', { file: 'a.md', line: 3 }))).toBe('warning: a.md:3: this slide is empty');
  });

  it('keeps each once by what it says and where, in order', () => {
    const a = warning('chart', 'x', { file: 'a.md', line: 1 });
    const b = warning('chart', 'x', { file: 'a.md', line: 2 });
    const c = { ...a, severity: 'error' as const };
    expect(uniqueDiagnostics([a, b, a, c])).toEqual([a, b]);
  });
});

describe('error codes', () => {
  it('lists only codes that something throws: a stable code nothing gives is a promise to no one', () => {
    const src = join(ROOT, 'src');
    const code = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && file !== 'errors.ts')
      .map((file) => readFileSync(join(src, file), 'utf8'))
      .join('\n');
    expect(ERROR_CODES.filter((name) => !code.includes(`'${name}'`))).toEqual([]);
  });
});
