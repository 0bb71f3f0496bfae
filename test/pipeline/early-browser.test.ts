import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserPurpose } from '../../src/pipeline/early-browser.js';

describe('browserPurpose: whether a build starts the browser before reading anything', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'rfc-brief-early-'));
  const request = { input: 'content', out: 'dist', cwd, pdf: true };

  it('starts it for a build that prints', () => {
    expect(browserPurpose(request)).toBe('print the PDFs');
    expect(browserPurpose({ ...request, only: ['report'] })).toBe('print the PDFs');
  });

  it('does not for HTML only', () => {
    expect(browserPurpose({ ...request, pdf: false })).toBeUndefined();
    expect(browserPurpose({ ...request, only: ['deck'] })).toBeUndefined();
  });

  it('does not for a rebuild whose PDFs may all be in its cache', () => {
    mkdirSync(join(cwd, 'cached'), { recursive: true });
    writeFileSync(join(cwd, 'cached', 'build-report.json'), '{}');
    expect(browserPurpose({ ...request, out: 'cached' })).toBeUndefined();
    expect(browserPurpose({ ...request, out: 'cached', cache: false })).toBe('print the PDFs');
  });

  it('starts it for check, unless told not to use a browser', () => {
    expect(browserPurpose({ ...request, pdf: false, check: true })).toBe('measure the slides');
    expect(browserPurpose({ ...request, pdf: false, check: true, noBrowser: true })).toBeUndefined();
  });
});
