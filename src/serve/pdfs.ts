import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { BriefError, formatError } from '../errors.js';
import { escapeHtml } from '../render/html.js';
import { end } from './files.js';
import type { Browser } from '../browser/browser.js';
import { outputInfo, type Selectable } from '../outputs/catalogue.js';
import { build } from '../pipeline/build.js';
import type { BuildRequest, BuildResult } from '../pipeline/request.js';
import type { SlideCache } from '../markdown/parse.js';
import type { ContentsMemory } from '../outputs/print-report.js';
import { WarmPrint } from '../outputs/warm-print.js';

/** The PDFs serve makes on request, by the path they are asked for. */
export const SERVED_PDFS = {
  '/slides.pdf': { id: 'slides.pdf', select: 'slides' },
  '/handout.pdf': { id: 'handout.pdf', select: 'handout' },
  '/report.pdf': { id: 'report.pdf', select: 'report' },
} as const satisfies Record<string, { id: 'slides.pdf' | 'handout.pdf' | 'report.pdf'; select: Selectable }>;
export type ServedPdfPath = keyof typeof SERVED_PDFS;

export function isServedPdf(pathname: string): pathname is ServedPdfPath {
  return Object.hasOwn(SERVED_PDFS, pathname);
}

export interface PdfOptions extends Pick<
  BuildRequest,
  'input' | 'cwd' | 'theme' | 'safe' | 'allowScripts' | 'env' | 'browserPath' | 'timeoutMs'
> {
  /** A folder of serve's own, where each PDF's build writes. */
  readonly scratch: string;
  readonly slideCache: SlideCache;
  /** The server's browser (launched when first used), lent to each build. */
  readonly browser: Browser;
  readonly onPdf?: ((outcome: { name: string; result?: BuildResult; error?: unknown; ms: number }) => void) | undefined;
}

/**
 * The PDFs of the briefing as it is now, each made by the build (`build --only slides`, ...) from
 * the files on disk, with the one browser the server keeps for its whole life: launched for the
 * first PDF asked for (or diagram drawn), then warm, closed with the server. A PDF whose briefing
 * did not change comes from the build's cache. One build per PDF at a time: a second request
 * waits, and is then most often a cache hit.
 */
export class ServedPdfs {
  private readonly queues = new Map<string, Promise<unknown>>();
  private closed = false;
  /** Where the report's headings landed last time: its next PDF is most often printed once. */
  private readonly reportContents: ContentsMemory = {};
  /** The slides' print page, kept open between PDFs. */
  readonly warmPrint: WarmPrint;

  constructor(private readonly options: PdfOptions) {
    this.warmPrint = new WarmPrint(join(options.scratch, 'warm'));
  }

  make(path: ServedPdfPath): Promise<Uint8Array> {
    const { id, select } = SERVED_PDFS[path];
    const previous = this.queues.get(id) ?? Promise.resolve();
    const made = previous.catch(() => undefined).then(() => this.build(id, select));
    this.queues.set(id, made);
    return made;
  }

  private async build(id: 'slides.pdf' | 'handout.pdf' | 'report.pdf', select: Selectable): Promise<Uint8Array> {
    const { scratch, slideCache, browser, onPdf, ...source } = this.options;
    const out = join(scratch, select);
    if (this.closed) throw new BriefError('INTERRUPTED', `serve is stopping: ${id} was not made`);
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const result = await build({
        ...source,
        out,
        pdf: true,
        only: [select],
        slideCache,
        keepChartProcess: true,
        browser,
        browserLent: true,
        reportContents: this.reportContents,
        warmPrint: this.warmPrint,
      });
      onPdf?.({ name: id, result, ms: ms() });
    } catch (error) {
      // build's hint names --force, which a request cannot pass: a PDF with a slide cut off is no use.
      const said =
        error instanceof BriefError && error.code === 'CHECK_FAILED'
          ? new BriefError('CHECK_FAILED', error.message, {
              cause: error,
              hint: `Fix them and ask for ${id} again (rfc-brief check finds the same).`,
            })
          : error;
      onPdf?.({ name: id, error: said, ms: ms() });
      throw said;
    }
    return readFileSync(join(out, outputInfo(id).file));
  }

  /** No more PDFs; those being made (they fail once the browser is stopped) are waited for. */
  async close(): Promise<void> {
    this.closed = true;
    this.warmPrint.drop();
    await Promise.allSettled(this.queues.values());
  }
}

/**
 * GET /slides.pdf (and the others): the PDF, or a page saying what stopped it (an overflowing
 * slide, no browser, ...) with the status that goes with it; never a request left hanging.
 */
export async function servePdf(req: IncomingMessage, res: ServerResponse, path: ServedPdfPath, pdfs: ServedPdfs): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' });
    return void res.end('only GET');
  }
  // Each request starts a build and a print: another site's page (an <img> pointed at this
  // port) may not set that off. Fetch metadata says who asked; a person's own address bar, a
  // link in the served pages, and tools that send none (curl) are let through.
  if (req.headers['sec-fetch-site'] === 'cross-site')
    return void end(res, 403, 'text/plain', 'forbidden: a PDF is made only when asked from this machine');
  const name = SERVED_PDFS[path].id;
  let bytes: Uint8Array;
  try {
    bytes = await pdfs.make(path);
  } catch (error) {
    const known = error instanceof BriefError;
    const text = known
      ? formatError(error)
      : `rfc-brief failed (a bug): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    return void end(res, known && error.code === 'CHECK_FAILED' ? 422 : 500, 'text/html; charset=utf-8', failurePage(name, text));
  }
  res.writeHead(200, {
    'content-type': 'application/pdf',
    'content-length': bytes.byteLength,
    'content-disposition': `inline; filename="${name}"`,
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function failurePage(name: string, text: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${name} failed: rfc-brief serve</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;margin:2rem">
<h1 style="font-size:1.3rem">rfc-brief could not make ${name}</h1>
<pre id="rfc-brief-pdf-error" style="white-space:pre-wrap;background:#2b0b0b;color:#ffd7d7;padding:16px 20px;border-left:6px solid #ff5c5c">${escapeHtml(text)}</pre>
<p>Fix it and load this page again: each request makes the PDF from the briefing as it is then.</p>
</body>
</html>
`;
}
