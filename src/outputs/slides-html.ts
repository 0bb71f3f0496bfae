import { readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { warning, type Diagnostic } from '../errors.js';
import type { SlideStack } from '../markdown/model.js';
import { cacheKey } from '../pipeline/pdf-cache.js';
import { inlineDocument } from '../render/one-file.js';
import type { MakeOutput } from './job.js';

/**
 * slides.html: the deck as one file to send (an email attachment, a chat upload): the staged
 * deck with everything it loads put inside it (one-file.ts), the notes plugin and its speaker
 * view included. Its fonts are the files the laid-out print page loaded, when the build has a
 * browser for printing (else every face the text's characters need). Kept in the cache like the
 * PDFs: a rebuild with nothing changed starts no browser for it.
 */
export const makeSlidesHtml: MakeOutput<'slides.html'> = async ({ prepared, run, request, need }) => {
  const deck = await need('deck');
  const measured = request.pdf;
  const key = cacheKey(run.printParts(prepared, 'slides.html', deck.printKey, measured ? 'fonts loaded' : 'fonts by text'), []);
  const made = await run.cached('slides.html', key, async (warnings) => {
    const folder = run.staging.path('slides');
    const fonts = measured ? new Set((await fontsOfPrintPage(folder, warnings)).map((path) => toUrlPath(folder, path))) : undefined;
    const one = inlineDocument(readFileSync(join(folder, 'index.html'), 'utf8'), { load: (path) => readInside(folder, path), fonts });
    warnings.push(
      ...one.left.map((url) =>
        warning(
          'not-inlined',
          `slides.html still loads ${url} from outside it: it shows only where that can be reached`,
          locate(prepared.stacks, url),
        ),
      ),
    );
    return { bytes: Buffer.from(one.html, 'utf8'), pages: 0 };
  });
  run.staging.write('slides.html', made.bytes);
  return undefined;

  async function fontsOfPrintPage(folder: string, warnings: Diagnostic[]): Promise<string[]> {
    return (await deck.printTab().fonts(warnings)).filter((path) => !relative(folder, path).startsWith('..'));
  }
};

/** A file of the staged deck by its path there; the paths come from resolveUrl, inside the folder. */
function readInside(folder: string, path: string): Uint8Array | undefined {
  const file = join(folder, ...path.split('/'));
  try {
    return statSync(file).isFile() ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function toUrlPath(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

function locate(stacks: readonly SlideStack[], url: string): Diagnostic['where'] {
  return stacks.flat().find((slide) => slide.urls.some((named) => named.includes(url)))?.source;
}
