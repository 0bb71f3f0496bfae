import { describe, expect, it } from 'vitest';
import { formatWarning, uniqueDiagnostics, warning } from '../src/errors.js';

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
