import { openForPrint } from '../browser/print.js';
import { screenshotPages } from '../browser/screenshots.js';
import { packFiles, unpackFiles } from '../pipeline/file-bundle.js';
import { cacheKey } from '../pipeline/pdf-cache.js';
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
    try {
      return await run.browser('print the PDFs').withPage(async (page) => {
        await openForPrint(page, request, warnings);
        await measurePrintPage(page, prepared, warnings);
        const shots = await screenshotPages(page, {
          page: printPageSize(prepared.config.revealOptions),
          scale,
          format,
          quality: JPEG_QUALITY,
          previewWidth: PREVIEW.width,
        });
        const names = imageNames(shots.pages.length, format);
        const files = shots.pages.map((bytes, index) => ({ name: names[index] ?? '', bytes }));
        return { bytes: packFiles([...files, { name: PREVIEW.name, bytes: shots.preview }]), pages: files.length };
      });
    } finally {
      removePrintPage(run, 'images');
    }
  });
  run.writeFolder('slides-images', unpackFiles(made.bytes), made.pages);
  return undefined;
};
