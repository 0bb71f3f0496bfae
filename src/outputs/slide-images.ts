import { openForPrint } from '../browser/print.js';
import { screenshotPages, screenshotTabs, type ScreenshotRequest } from '../browser/screenshots.js';
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
    const share = Math.ceil(count / tabs);
    const tab = deck.printTab();
    const range = (index: number) => [index * share, index === tabs - 1 ? Number.POSITIVE_INFINITY : (index + 1) * share] as const;
    // The build's print tab is measured and takes the first share and the preview; the tabs
    // beside it load the page for their share only (what it reports is said by the first).
    const [first, ...others] = await Promise.all([
      tab.use(warnings, async (page) => {
        await tab.findings(page, warnings);
        return screenshotPages(page, { ...shot, range: range(0), previewWidth: PREVIEW.width });
      }),
      ...Array.from({ length: tabs - 1 }, (_, index) =>
        run.browser('print the PDFs').withPage(async (page) => {
          await openForPrint(page, tab.request, []);
          return screenshotPages(page, { ...shot, range: range(index + 1) });
        }),
      ),
    ]);
    const pages = [first, ...others].flatMap((shots) => shots.pages);
    const names = imageNames(pages.length, format);
    const files = pages.map((bytes, index) => ({ name: names[index] ?? '', bytes }));
    return { bytes: packFiles([...files, { name: PREVIEW.name, bytes: first.preview ?? new Uint8Array() }]), pages: files.length };
  });
  run.writeFolder('slides-images', unpackFiles(made.bytes), made.pages);
  return undefined;
};
