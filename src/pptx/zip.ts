import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The ZIP container of an Office package, read and written with Node's own zlib: pptxgenjs writes
 * its package stored (uncompressed, the fastest for it), and it is compressed once, here, natively
 * (jszip's JavaScript deflate took 0.6 s for a 17-slide deck; this takes a few milliseconds).
 */
export type Entries = Map<string, Uint8Array>;

/** An Office package being put right: its parts by name, read and replaced as text. */
export class Package {
  constructor(readonly entries: Entries) {}

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  text(name: string): string {
    const bytes = this.entries.get(name);
    if (!bytes) throw new Error(`the package has no ${name}`);
    return Buffer.from(bytes).toString('utf8');
  }

  set(name: string, content: string): void {
    this.entries.set(name, new Uint8Array(Buffer.from(content, 'utf8')));
  }
}

/** The files of a ZIP archive (stored or deflated), by name, in the archive's order. */
export function readZip(bytes: Uint8Array): Entries {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const entries: Entries = new Map();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('a broken ZIP central directory');
    const method = data.readUInt16LE(at + 10);
    const [compressed, size] = [data.readUInt32LE(at + 20), data.readUInt32LE(at + 24)];
    const [nameLength, extraLength, commentLength] = [data.readUInt16LE(at + 28), data.readUInt16LE(at + 30), data.readUInt16LE(at + 32)];
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressed);
    if (!name.endsWith('/')) entries.set(name, method === 0 ? new Uint8Array(raw.subarray(0, size)) : new Uint8Array(inflateRawSync(raw)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A ZIP archive of the entries in order: text parts deflated, media (already compressed) stored. */
export function writeZip(entries: Entries): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const stored = /\.(png|jpe?g|gif)$/i.test(name);
    const body = stored ? Buffer.from(content) : deflateRawSync(content, { level: 6 });
    const crc = crc32(content);
    // Version 2.0, UTF-8 names (bit 11), fixed time and date (1 Jan 1980): the same bytes every time.
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(stored ? 0 : 8, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(0x21, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(content.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    locals.push(header, nameBytes, body);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    header.copy(entry, 6, 4, 30);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

let table: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
