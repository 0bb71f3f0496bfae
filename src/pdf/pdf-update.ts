import type { ClassicPdf } from './classic-pdf.js';
import { dictValue } from './pdf-dict.js';

/** Objects appended to a PDF as an incremental update (ISO 32000-1, 7.5.6). */
export class Update {
  private readonly objects = new Map<number, { text: string; stream?: Uint8Array | undefined }>();
  private next: number;

  constructor(firstFree: number) {
    this.next = firstFree;
  }

  reserve(): number {
    return this.next++;
  }

  put(number: number, text: string, stream?: Uint8Array): void {
    this.objects.set(number, { text, stream });
  }

  /** True while nothing is staged: saving then returns the file as it was. */
  get empty(): boolean {
    return this.objects.size === 0;
  }

  /** What this update writes as object `number`, if anything. */
  get(number: number): string | undefined {
    return this.objects.get(number)?.text;
  }

  /** The original bytes with these objects after them; `trailer` entries replace the old trailer's. */
  append(original: Uint8Array, pdf: ClassicPdf, trailer: Readonly<Record<string, string>> = {}): Uint8Array {
    const parts: Buffer[] = [Buffer.from(original.buffer, original.byteOffset, original.byteLength), Buffer.from('\n')];
    let at = original.length + 1;
    const offsets = new Map<number, number>();
    const push = (part: Buffer) => {
      parts.push(part);
      at += part.length;
    };
    for (const [number, { text, stream }] of [...this.objects].sort((a, b) => a[0] - b[0])) {
      offsets.set(number, at);
      if (stream) {
        push(Buffer.from(`${number} 0 obj\n${text}\nstream\n`, 'latin1'));
        push(Buffer.from(stream));
        push(Buffer.from('\nendstream\nendobj\n'));
      } else push(Buffer.from(`${number} 0 obj\n${text}\nendobj\n`, 'latin1'));
    }
    const xref = at;
    let table = 'xref\n';
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    for (let i = 0; i < numbers.length;) {
      let j = i;
      while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
      table += `${numbers[i]} ${j - i + 1}\n`;
      for (let k = i; k <= j; k++) table += `${String(offsets.get(numbers[k]!)).padStart(10, '0')} 00000 n \n`;
      i = j + 1;
    }
    const keep = ['Root', 'Info', 'ID'].flatMap((key) => {
      const value = trailer[key] ?? dictValue(pdf.trailer, key);
      return value === undefined ? [] : [`/${key} ${value}`];
    });
    table += `trailer\n<</Size ${this.next} ${keep.join(' ')} /Prev ${pdf.xrefOffset}>>\nstartxref\n${xref}\n%%EOF\n`;
    push(Buffer.from(table, 'latin1'));
    return Buffer.concat(parts);
  }
}
