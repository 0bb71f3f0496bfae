import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REVEAL_CSS } from '../../src/render/theme-files.js';
import { printOnlyCss } from '../../src/render/print-css.js';

describe('printOnlyCss', () => {
  it('drops screen-only blocks and keeps blocks that may apply to a printed page', () => {
    const css =
      '.a{color:red}@media screen and (width>=500px){.b{color:blue}}' +
      '@media screen and (width<=1024px),(height<=768px){.c{--x:1}}@media (pointer:coarse){.d{font-size:1em}}.e{color:green}';
    expect(printOnlyCss(css)).toBe(
      '.a{color:red}@media screen and (width<=1024px),(height<=768px){.c{--x:1}}@media (pointer:coarse){.d{font-size:1em}}.e{color:green}',
    );
  });

  it("keeps only the print rules that can match reveal.js's print layout", () => {
    const css = '@media print{html:not(.print-pdf) .reveal{font-size:20pt}html:not(.print-pdf) p,.note{color:#000}}.z{}';
    expect(printOnlyCss(css)).toBe('@media print{html:not(.print-pdf) p,.note{color:#000}}.z{}');
    expect(printOnlyCss('@media print{html:not(.print-pdf) .reveal{font-size:20pt}}.z{}')).toBe('.z{}');
  });

  it('reads braces in strings and comments as text', () => {
    const css = '.q:after{content:"}@media screen{"}/* @media screen{ } */@media screen{.r{content:"{"}}.s{}';
    expect(printOnlyCss(css)).toBe('.q:after{content:"}@media screen{"}/* @media screen{ } */.s{}');
  });

  it("leaves reveal.js's own stylesheet with no screen block and no rule for a page outside the print layout", () => {
    const full = readFileSync(REVEAL_CSS, 'utf8');
    const trimmed = printOnlyCss(full);
    expect(full).toMatch(/@media screen/);
    expect(trimmed).not.toMatch(/@media screen and \(width\s*>=\s*500px\)/);
    expect(trimmed).not.toContain('html:not(.print-pdf)');
    // Everything outside the @media blocks is kept as it was.
    expect(trimmed).toContain('html.reveal-print .reveal .slides .pdf-page{');
    expect(trimmed.length).toBeGreaterThan(full.length * 0.7);
  });
});
