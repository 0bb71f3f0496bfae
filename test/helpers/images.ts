import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';

/** An image as 8-bit RGB pixels, row by row. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

/** Width and height from a PNG's IHDR or a JPEG's frame header. */
export function imageSize(data: Buffer): { width: number; height: number; type: 'png' | 'jpeg' } {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), type: 'png' };
  if (data[0] !== 0xff || data[1] !== 0xd8) throw new Error('neither a PNG nor a JPEG');
  for (let at = 2; at < data.length;) {
    const marker = data[at + 1] ?? 0;
    const length = data.readUInt16BE(at + 2);
    // SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7), type: 'jpeg' };
    at += 2 + length;
  }
  throw new Error('a JPEG without a frame header');
}

/** A PNG as Chromium writes it (8-bit RGB or RGBA, not interlaced) decoded to RGB. */
export function decodePng(data: Buffer): Pixels {
  const { width, height } = imageSize(data);
  const colourType = data[25];
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (!channels || data[24] !== 8 || data[28] !== 0) throw new Error('only 8-bit RGB(A), non-interlaced PNGs');
  const chunks: Buffer[] = [];
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (out[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const corner = y > 0 && x >= channels ? (out[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, corner)][filter] ?? 0;
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) for (let c = 0; c < 3; c++) rgb[i * 3 + c] = out[i * channels + c] ?? 0;
  return { width, height, rgb };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** One page of a PDF rendered by pdftoppm at a resolution, as RGB pixels (PPM). */
export function pdfPagePixels(path: string, page: number, dpi: number): Pixels {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), path], { maxBuffer: 1 << 28 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM image');
  return { width: Number(header[1]), height: Number(header[2]), rgb: new Uint8Array(ppm.subarray(header[0].length)) };
}

/**
 * How two renderings of the same page differ: the mean difference per channel (0–255), and the
 * share of pixels whose channels differ by more than 96 (a glyph or a shape moved, not edges
 * smoothed another way). Compared over the size both have (pdftoppm rounds a page's size).
 */
export function compare(a: Pixels, b: Pixels): { meanDifference: number; differentShare: number } {
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  let total = 0;
  let different = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let most = 0;
      for (let c = 0; c < 3; c++) {
        const d = Math.abs((a.rgb[(y * a.width + x) * 3 + c] ?? 0) - (b.rgb[(y * b.width + x) * 3 + c] ?? 0));
        total += d;
        most = Math.max(most, d);
      }
      if (most > 96) different++;
    }
  return { meanDifference: total / (width * height * 3), differentShare: different / (width * height) };
}

/**
 * The image in blocks of `size`×`size` pixels, each its mean colour: what two renderers agree on
 * once each one's way of smoothing glyph edges is averaged out.
 */
export function blocks(image: Pixels, size: number): Pixels {
  const width = Math.floor(image.width / size);
  const height = Math.floor(image.height / size);
  const rgb = new Uint8Array(width * height * 3);
  for (let by = 0; by < height; by++)
    for (let bx = 0; bx < width; bx++)
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let y = 0; y < size; y++)
          for (let x = 0; x < size; x++) sum += image.rgb[((by * size + y) * image.width + bx * size + x) * 3 + c] ?? 0;
        rgb[(by * width + bx) * 3 + c] = Math.round(sum / (size * size));
      }
  return { width, height, rgb };
}

/** The box the pure red pixels (#ff0000, a test's figure) fill in an image. */
export function redBox(pixels: Pixels): { top: number; bottom: number; left: number; right: number } | undefined {
  let box: { top: number; bottom: number; left: number; right: number } | undefined;
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      const at = (y * pixels.width + x) * 3;
      if ((pixels.rgb[at] ?? 0) < 200 || (pixels.rgb[at + 1] ?? 255) > 60 || (pixels.rgb[at + 2] ?? 255) > 60) continue;
      box = box
        ? { top: box.top, bottom: y, left: Math.min(box.left, x), right: Math.max(box.right, x) }
        : { top: y, bottom: y, left: x, right: x };
    }
  }
  return box;
}
