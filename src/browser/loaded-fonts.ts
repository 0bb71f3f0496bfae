import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../errors.js';
import type { Browser } from './browser.js';
import { openForPrint, type PrintRequest } from './print.js';

/**
 * The font files a page loads once laid out, as paths on disk. On the print page every slide
 * is laid out at once, fragments shown: what it loads is what the deck needs, whichever slide is
 * on screen, in every weight, style and unicode-range the text uses (Chromium loads a face only
 * when some text is set in it).
 */
export async function loadedFonts(browser: Browser, request: PrintRequest, warnings: Diagnostic[]): Promise<string[]> {
  return browser.withPage(async (page) => {
    const fonts = new Set<string>();
    // Heard before the page's own request filter (confine-page.ts), which lets them through.
    page.on('request', (intercepted) => {
      const url = intercepted.url();
      if (intercepted.resourceType() === 'font' && url.startsWith('file:')) fonts.add(fileURLToPath(url));
    });
    await openForPrint(page, request, warnings);
    return [...fonts];
  });
}
