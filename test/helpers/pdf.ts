import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfOutlineItem {
  readonly title: string;
  readonly items: readonly PdfOutlineItem[];
}

export interface ReadPdf {
  /** Text of each page, white space collapsed. */
  readonly pages: readonly string[];
  /** Width and height of each page, in points. */
  readonly sizes: readonly { width: number; height: number }[];
  readonly info: Readonly<Record<string, unknown>>;
  readonly outline: readonly PdfOutlineItem[];
  /** Page number (1-based) each outline entry and named destination points at. */
  readonly outlinePages: readonly { title: string; page: number }[];
  /** Link annotations: the page they sit on and, for internal links, the page they go to. */
  readonly links: readonly { page: number; target: number | null; url: string | null }[];
}

/** Reads a PDF back the way a person's viewer would: text per page, metadata, outline, links. */
export async function readPdf(path: string): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const sizes: { width: number; height: number }[] = [];
  const links: { page: number; target: number | null; url: string | null }[] = [];
  const pageOfDest = async (dest: unknown): Promise<number | null> => {
    const resolved = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null);
    return resolved?.[0] ? (await doc.getPageIndex(resolved[0] as never)) + 1 : null;
  };
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join('');
    pages.push(text.replace(/\s+/g, ' ').trim());
    const { width, height } = page.getViewport({ scale: 1 });
    sizes.push({ width, height });
    for (const annotation of (await page.getAnnotations()) as { subtype: string; dest?: unknown; url?: string }[]) {
      if (annotation.subtype === 'Link')
        links.push({
          page: n,
          target: annotation.dest ? await pageOfDest(annotation.dest) : null,
          url: annotation.url ?? null,
        });
    }
  }
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  const rawOutline = ((await doc.getOutline()) ?? []) as unknown as RawOutline[];
  const outlinePages: { title: string; page: number }[] = [];
  const walk = async (items: RawOutline[]): Promise<PdfOutlineItem[]> => {
    const out: PdfOutlineItem[] = [];
    for (const item of items) {
      const page = await pageOfDest(item.dest);
      if (page !== null) outlinePages.push({ title: item.title, page });
      out.push({ title: item.title, items: await walk(item.items) });
    }
    return out;
  };
  const outline = await walk(rawOutline);
  await doc.destroy();
  return { pages, sizes, info, outline, outlinePages, links };
}

interface RawOutline {
  title: string;
  dest: string | unknown[] | null;
  items: RawOutline[];
}

/** How many distinct grey levels a rendered page has: 1 for a blank page. */
export function greyLevels(path: string, page: number): number {
  const pgm = execFileSync('pdftoppm', ['-r', '20', '-gray', '-f', String(page), '-l', String(page), path]);
  // P5 header: magic, width, height, max value, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not produce a PGM image');
  const pixels = pgm.subarray(header[0].length);
  return new Set(pixels).size;
}

/** Fonts as pdffonts lists them, with whether each is embedded. */
export function fonts(path: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/);
    return { name: cells[0] ?? '', embedded: cells[cells.length - 5] === 'yes' };
  });
}

/** Each page rendered to raw RGB pixels (pdftoppm, PPM), for comparing two PDFs by what they show. */
export function pagePixels(path: string, dpi = 40): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-pixels-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), path, join(dir, 'page')]);
    return readdirSync(dir)
      .sort()
      .map((name) => readFileSync(join(dir, name)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
