import { describe, expect, it } from 'vitest';
import { packFiles, unpackFiles } from '../../src/pipeline/file-bundle.js';
import { imageNames, printPageSize, scaledSize } from '../../src/render/slide-images.js';

describe('the slide images', () => {
  it('are named so that any file list sorts them as the slides: three digits at least', () => {
    const names = imageNames(17, 'png');
    expect(names[0]).toBe('001.png');
    expect(names[16]).toBe('017.png');
    expect([...names].sort()).toEqual(names);
    expect(imageNames(2, 'jpeg')).toEqual(['001.jpg', '002.jpg']);
  });

  it('get as many digits as the count has past 999', () => {
    const names = imageNames(1200, 'png');
    expect(names[0]).toBe('0001.png');
    expect(names[1199]).toBe('1200.png');
    expect([...names].sort()).toEqual(names);
  });

  it("are the printed page's size, as reveal.js's print layout sizes it, times the scale", () => {
    expect(printPageSize({ width: 1280, height: 720, margin: 0 })).toEqual({ width: 1280, height: 720 });
    expect(printPageSize({ width: 960, height: 700, margin: 0.04 })).toEqual({ width: 998, height: 728 });
    expect(scaledSize({ width: 1280, height: 720 }, 2)).toEqual({ width: 2560, height: 1440 });
    expect(scaledSize({ width: 998, height: 728 }, 0.5)).toEqual({ width: 499, height: 364 });
  });

  it('are kept in the cache as one payload, read back whole', () => {
    const files = [
      { name: '001.png', bytes: Buffer.from('one') },
      { name: 'preview.png', bytes: Buffer.from('') },
      { name: '002.png', bytes: Buffer.from([0, 1, 2, 255]) },
    ];
    const back = unpackFiles(packFiles(files));
    expect(back.map((f) => [f.name, Buffer.from(f.bytes).toString('hex')])).toEqual(files.map((f) => [f.name, f.bytes.toString('hex')]));
    const packed = packFiles(files);
    expect(() => unpackFiles(packed.subarray(0, packed.length - 1))).toThrow(/damaged/);
    expect(() => unpackFiles(packFiles([{ name: '../x.png', bytes: Buffer.from('x') }]))).toThrow(/damaged/);
  });
});
