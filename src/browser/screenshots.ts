import type { Page } from 'puppeteer-core';

export interface ScreenshotRequest {
  /** One printed page, in CSS pixels. */
  readonly page: { readonly width: number; readonly height: number };
  readonly scale: number;
  readonly format: 'png' | 'jpeg';
  readonly quality: number;
  /** The width of the first page's preview image (PNG), in pixels. */
  readonly previewWidth: number;
}

export interface Screenshots {
  readonly pages: readonly Uint8Array[];
  readonly preview: Uint8Array;
}

/**
 * Every page of an open print page as an image. The page is shown as it prints (print media,
 * the page's own size as the window, each page exactly one page tall, as on paper), then each is
 * scrolled into the window and the window captured: one tab, one layout, no page reloaded.
 * A capture of the window costs the same as a clip of the whole document (measured) and keeps
 * the document's size as it is.
 */
export async function screenshotPages(page: Page, request: ScreenshotRequest): Promise<Screenshots> {
  const { width, height } = request.page;
  await page.emulateMediaType('print');
  await page.setViewport({ width, height, deviceScaleFactor: request.scale });
  // reveal.js's print layout makes each page a pixel shorter than the paper (pdfPageHeightOffset).
  const tops = await page.evaluate((pageHeight: number) => {
    const style = document.createElement('style');
    style.textContent = `html.reveal-print .reveal .slides .pdf-page{height:${pageHeight}px !important}`;
    document.head.append(style);
    return [...document.querySelectorAll('.pdf-page')].map((element) => element.getBoundingClientRect().top + window.scrollY);
  }, height);
  // page.screenshot, not a session of our own: only the page's own session draws at the scale set.
  const capture = async (top: number, format: 'png' | 'jpeg') => {
    await page.evaluate((y: number) => window.scrollTo(0, y), top);
    return page.screenshot({ type: format, ...(format === 'jpeg' ? { quality: request.quality } : {}), captureBeyondViewport: false });
  };
  const pages: Uint8Array[] = [];
  for (const top of tops) pages.push(await capture(top, request.format));
  await page.setViewport({ width, height, deviceScaleFactor: request.previewWidth / width });
  const preview = await capture(tops[0] ?? 0, 'png');
  return { pages, preview };
}
