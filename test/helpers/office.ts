import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { ROOT } from './paths.js';

/**
 * The fonts the decks are set in (Inter, JetBrains Mono), as TrueType files LibreOffice can use,
 * and a fontconfig file that adds them to the system's: what a machine with the theme's fonts
 * installed shows. @fontsource ships them as WOFF (zlib-compressed tables), unpacked here.
 */
export function themeFonts(dir: string): Record<string, string> {
  const fonts = join(dir, 'fonts');
  mkdirSync(fonts, { recursive: true });
  const files = [
    ['inter', /^inter-latin-(400|600|700)-(normal|italic)\.woff$/],
    ['jetbrains-mono', /^jetbrains-mono-latin-(400|700)-(normal|italic)\.woff$/],
  ] as const;
  for (const [family, pattern] of files) {
    const from = join(ROOT, 'node_modules/@fontsource', family, 'files');
    for (const name of readdirSync(from).filter((n) => pattern.test(n)))
      writeFileSync(join(fonts, name.replace(/\.woff$/, '.ttf')), woffToSfnt(readFileSync(join(from, name))));
  }
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fonts}</dir><cachedir>${join(dir, 'fc-cache')}</cachedir></fontconfig>\n`,
  );
  return { ...process.env, FONTCONFIG_FILE: conf } as Record<string, string>;
}

/** WOFF 1 to the TrueType/OpenType file it wraps: each table inflated, the directory written again. */
export function woffToSfnt(woff: Buffer): Buffer {
  const count = woff.readUInt16BE(12);
  const header = Buffer.alloc(12 + count * 16);
  let selector = 0;
  while (1 << (selector + 1) <= count) selector++;
  header.writeUInt32BE(woff.readUInt32BE(4), 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE((1 << selector) * 16, 6);
  header.writeUInt16BE(selector, 8);
  header.writeUInt16BE(count * 16 - (1 << selector) * 16, 10);
  const tables: Buffer[] = [];
  let offset = header.length;
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const [start, compressed, length] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const raw = woff.subarray(start, start + compressed);
    const data = compressed < length ? inflateSync(raw) : raw;
    header.writeUInt32BE(woff.readUInt32BE(at), 12 + i * 16);
    header.writeUInt32BE(woff.readUInt32BE(at + 16), 12 + i * 16 + 4);
    header.writeUInt32BE(offset, 12 + i * 16 + 8);
    header.writeUInt32BE(length, 12 + i * 16 + 12);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    tables.push(padded);
    offset += padded.length;
  }
  return Buffer.concat([header, ...tables]);
}

/** LibreOffice Impress, headless, with a profile of its own: the .pptx converted to PDF beside it. */
export function pptxToPdf(pptx: string, outDir: string, env: Record<string, string>): string {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(outDir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, pptx],
    { env, stdio: 'pipe', timeout: 180_000 },
  );
  return join(outDir, pptx.slice(pptx.lastIndexOf('/') + 1).replace(/\.pptx$/, '.pdf'));
}

export interface Word {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** The word's box top to bottom: about its font size. */
  readonly height: number;
}

/** Each page's words with where they start (points from the top-left corner), as `pdftotext -bbox` reads them. */
export function pdfWords(pdf: string): Word[][] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        ([, x, y, bottom, text]) => ({
          text: text!
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'"),
          x: Number(x),
          y: Number(y),
          height: Number(bottom) - Number(y),
        }),
      ),
    );
}
