import type { Page } from 'puppeteer-core';

export interface MissingGlyphs {
  /** 0-based index of the slide in print order. */
  readonly index: number;
  /** The characters (grapheme clusters) no installed font draws, each once. */
  readonly characters: readonly string[];
}

/**
 * Characters on the printed slides that no font has: Chromium draws them as a "missing glyph"
 * box (.notdef), which a PDF carries as faithfully as any letter. The browser has no API that
 * says a glyph is missing, so each character is drawn on a canvas in its element's own font
 * stack (the same fallback as the page's text) beside an unassigned code point, which no font
 * has: drawn alike, the character has no glyph either. Latin text is not tried (the shipped
 * fonts have it), nor marks, spaces and format characters, which draw nothing alone.
 */
export function findMissingGlyphs(page: Page): Promise<MissingGlyphs[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 96;
    canvas.height = 64;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return [];
    const drawn = (text: string, font: string): string => {
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.font = font;
      context.textBaseline = 'top';
      context.fillStyle = '#000';
      context.fillText(text, 4, 8);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let hash = 0;
      for (let i = 0; i < data.length; i += 4) hash = (hash * 31 + (data[i + 3] ?? 0)) | 0;
      return `${hash}:${context.measureText(text).width.toFixed(2)}`;
    };
    // U+0378: unassigned in the Greek block, in no font.
    const NOTDEF = '\u0378';
    const tried = new Map<string, boolean>();
    const isMissing = (cluster: string, family: string): boolean => {
      const key = `${family}\u0000${cluster}`;
      let missing = tried.get(key);
      if (missing === undefined) {
        const font = `40px ${family}`;
        missing = drawn(cluster, font) === drawn(NOTDEF, font);
        tried.set(key, missing);
      }
      return missing;
    };
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const plain = /^[\u0000-\u024f\u2000-\u206f\p{M}\p{Z}\p{Cf}\p{Cc}]+$/u;
    const found: { index: number; characters: string[] }[] = [];
    document.querySelectorAll<HTMLElement>('.pdf-page').forEach((pdfPage, index) => {
      const characters = new Set<string>();
      const walker = document.createTreeWalker(pdfPage, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue ?? '';
        const element = node.parentElement;
        if (!element || plain.test(text) || element.closest('aside.notes, script, style')) continue;
        const family = getComputedStyle(element).fontFamily;
        for (const { segment } of segmenter.segment(text)) if (!plain.test(segment) && isMissing(segment, family)) characters.add(segment);
      }
      if (characters.size > 0) found.push({ index, characters: [...characters] });
    });
    return found;
  });
}
