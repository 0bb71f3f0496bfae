import type { MissingGlyphs } from '../browser/glyphs.js';
import type { Overflow } from '../browser/overflow.js';
import { printedOnly, type PrintedSlide } from '../render/printed-slides.js';
import type { PrintedPage } from '../render/printed-pages.js';
import type { Diagnostic } from '../errors.js';

/**
 * The browser measures the printed page: overflow.index counts the slides PDF's pages, which
 * leave hidden slides out. Its slide, number and title come from the same list the deck and the
 * handout number their slides by, never from a count of the source's slides.
 */
export function overflowFindings(overflows: readonly Overflow[], slides: readonly PrintedSlide[]): Diagnostic[] {
  const printed = printedOnly(slides);
  return overflows.flatMap((overflow) => {
    const slide = printed[overflow.index];
    const number = slide?.number ?? overflow.index + 1;
    const title = slide?.title || undefined;
    const regions = regionFindings(overflow, slide, number, title);
    // Measured only for its regions (region-overflow.ts): the rest of the slide fits.
    if (regions.length > 0 && overflow.bottom === 0 && overflow.right === 0) return regions;
    const how = [overflow.bottom > 0 ? `${overflow.bottom} px too tall` : '', overflow.right > 0 ? `${overflow.right} px too wide` : '']
      .filter(Boolean)
      .join(' and ');
    const whole: Diagnostic = {
      severity: 'error',
      code: 'overflow',
      message: `slide ${number}${title ? ` "${title}"` : ''} overflows the slide: its content is ${how}`,
      where: slide?.source ? { file: slide.source.file, line: slide.source.line } : undefined,
      slide: number,
      title,
    };
    return [whole, ...regions];
  });
}

/**
 * A named layout's region too full for its box: `slide 3 "X": region "right" overflows by 40 px
 * (too tall)`, at the line of the region's marker.
 */
function regionFindings(overflow: Overflow, entry: PrintedSlide | undefined, number: number, title: string | undefined): Diagnostic[] {
  return (overflow.regions ?? []).map(({ region, bottom, right }) => {
    const how = [bottom > 0 ? `${bottom} px (too tall)` : '', right > 0 ? `${right} px (too wide)` : ''].filter(Boolean).join(' and ');
    const line = entry?.slide?.regions.find((r) => r.name === region)?.line;
    const where = entry?.source ? { file: entry.source.file, line: line ?? entry.source.line } : undefined;
    return {
      severity: 'error',
      code: 'overflow',
      message: `slide ${number}${title ? ` "${title}"` : ''}: region "${region}" overflows by ${how}`,
      where,
      slide: number,
      title,
    };
  });
}

/** Characters the printed slides show as missing-glyph boxes: a warning naming the slide. */
export function missingGlyphFindings(missing: readonly MissingGlyphs[], slides: readonly PrintedSlide[]): Diagnostic[] {
  const printed = printedOnly(slides);
  return missing.map(({ index, characters }) => {
    const slide = printed[index];
    const number = slide?.number ?? index + 1;
    const title = slide?.title || undefined;
    const shown = characters.map(
      (c) => `${c} (U+${[...c].map((p) => p.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')).join(' U+')})`,
    );
    return {
      severity: 'warning',
      code: 'missing-glyph',
      message: `slide ${number}${title ? ` "${title}"` : ''} has characters no installed font has, printed as boxes: ${shown.join(', ')}; install a font that has them (emoji: Debian's fonts-noto-color-emoji, which scripts/setup.sh installs)`,
      where: slide?.source,
      slide: number,
      title,
    };
  });
}

/**
 * What the browser measured per page of the print, per printed slide: with pdfSeparateFragments a
 * slide prints on a page per fragment step, each laid out alike (fragments only fade in), so a
 * slide is named once, by its first page.
 */
export function perSlide<T extends { readonly index: number }>(found: readonly T[], pages: readonly PrintedPage[]): T[] {
  const seen = new Set<number>();
  return found.flatMap((item) => {
    const slide = pages[item.index]?.slide ?? item.index;
    if (seen.has(slide)) return [];
    seen.add(slide);
    return [{ ...item, index: slide }];
  });
}
