import { openForPrint } from '../browser/print.js';
import { pageBatches, screenshotPages, screenshotTabs, type ScreenshotRequest } from '../browser/screenshots.js';
import { packFiles, unpackFiles } from '../pipeline/file-bundle.js';
import { cacheKey } from '../pipeline/pdf-cache.js';
import { printedPages } from '../render/printed-pages.js';
import { imageNames, JPEG_QUALITY, PREVIEW, printPageSize } from '../render/slide-images.js';
import type { MakeOutput } from './job.js';

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
    const shot: ScreenshotRequest = { page: printPageSize(prepared.config.revealOptions), scale, format, quality: JPEG_QUALITY };
    const count = printedPages(prepared.config, prepared.stacks).length;
    const tabs = screenshotTabs(scale, count);
    const tab = deck.printTab();
    const next = pageBatches();
    // The build's print tab is measured and takes the preview; the tabs beside it load the page
    // and start at once (what it reports is said by the first). Each takes the next pages when free.
    const taken = await Promise.all([
      tab.use(warnings, async (page) => {
        await tab.findings(page, warnings);
        return screenshotPages(page, { ...shot, next, previewWidth: PREVIEW.width });
      }),
      ...Array.from({ length: tabs - 1 }, () =>
        run.browser('print the PDFs').withPage(async (page) => {
          await openForPrint(page, tab.request, []);
          return screenshotPages(page, { ...shot, next });
        }),
      ),
    ]);
    const pages = taken.flatMap((shots) => [...shots.pages]).sort(([a], [b]) => a - b);
    const names = imageNames(pages.length, format);
    const files = pages.map(([, bytes], index) => ({ name: names[index] ?? '', bytes }));
    return { bytes: packFiles([...files, { name: PREVIEW.name, bytes: taken[0]?.preview ?? new Uint8Array() }]), pages: files.length };
  });
  run.writeFolder('slides-images', unpackFiles(made.bytes), made.pages);
  return undefined;
};
