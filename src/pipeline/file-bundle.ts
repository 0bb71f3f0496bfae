/**
 * Several files as one payload, for an output that is a folder kept in the build cache as one
 * entry (the slide images): a 4-byte length, a JSON list of names and sizes, then the files.
 */
export interface BundledFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function packFiles(files: readonly BundledFile[]): Uint8Array {
  const header = Buffer.from(JSON.stringify(files.map((file) => ({ name: file.name, size: file.bytes.byteLength }))), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.byteLength);
  return Buffer.concat([length, header, ...files.map((file) => file.bytes)]);
}

/** The files of a payload packFiles wrote; one that does not read as such throws (the cache entry is damaged). */
export function unpackFiles(payload: Uint8Array): BundledFile[] {
  const data = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const headerLength = data.readUInt32BE(0);
  const list = JSON.parse(data.subarray(4, 4 + headerLength).toString('utf8')) as { name: string; size: number }[];
  let at = 4 + headerLength;
  const files = list.map(({ name, size }) => {
    const bytes = data.subarray(at, at + size);
    at += size;
    if (bytes.byteLength !== size || name.includes('/') || name.startsWith('.')) throw new Error('a damaged bundle of files');
    return { name, bytes };
  });
  if (at !== data.byteLength) throw new Error('a damaged bundle of files');
  return files;
}
