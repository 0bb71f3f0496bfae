import { openForPrint } from '../browser/print.js';
import { screenshotPages, screenshotTabs, type ScreenshotRequest } from '../browser/screenshots.js';
import type { Diagnostic } from '../errors.js';
import { packFiles, unpackFiles } from '../pipeline/file-bundle.js';
import { cacheKey } from '../pipeline/pdf-cache.js';
import { printedPages } from '../render/printed-pages.js';
import { imageNames, JPEG_QUALITY, PREVIEW, printPageSize } from '../render/slide-images.js';
import { removePrintPage } from './deck.js';
import type { MakeOutput } from './job.js';
import { measurePrintPage } from './measure-print-page.js';

/**
 * slides-images/: one image per printed slide (001.png …, PNG or JPEG, at the briefing's scale)
 * and preview.png, the title slide for wikis and chat. Taken from the page slides.pdf is
 * printed from, measured as it is: a slide that overflows in the PDF overflows in its image, and
 * fails the build the same way. Kept in the cache as one entry.
 */
export const makeSlideImages: MakeOutput<'slides-images'> = async ({ prepared, run, need }) => {
  const deck = await need('deck');
  const { format, scale } = prepared.config.images;
  const key = cacheKey(run.printParts(prepared, 'slides-images', deck.printKey, format, String(scale)), []);
  const made = await run.cached('slides-images', key, async (warnings) => {
    const request = deck.printPage('images');
    const shot: ScreenshotRequest = { page: printPageSize(prepared.config.revealOptions), scale, format, quality: JPEG_QUALITY };
    const count = printedPages(prepared.config, prepared.stacks).length;
    const tabs = screenshotTabs(scale, count);
    const share = Math.ceil(count / tabs);
    const browser = run.browser('print the PDFs');
    try {
      // The first tab is measured and takes the preview; the others only their share of the pages
      // (what their page reports is what the first one's reports: not said twice).
      const [first, ...others] = await Promise.all(
        Array.from({ length: tabs }, (_, tab) =>
          browser.withPage(async (page) => {
            const said: Diagnostic[] = tab === 0 ? warnings : [];
            await openForPrint(page, request, said);
            if (tab === 0) await measurePrintPage(page, prepared, warnings);
            const range = [tab * share, tab === tabs - 1 ? Number.POSITIVE_INFINITY : (tab + 1) * share] as const;
            return screenshotPages(page, { ...shot, range, previewWidth: tab === 0 ? PREVIEW.width : undefined });
          }),
        ),
      );
      const pages = [first, ...others].flatMap((shots) => shots?.pages ?? []);
      const names = imageNames(pages.length, format);
      const files = pages.map((bytes, index) => ({ name: names[index] ?? '', bytes }));
      return { bytes: packFiles([...files, { name: PREVIEW.name, bytes: first?.preview ?? new Uint8Array() }]), pages: files.length };
    } finally {
      removePrintPage(run, 'images');
    }
  });
  run.writeFolder('slides-images', unpackFiles(made.bytes), made.pages);
  return undefined;
};
