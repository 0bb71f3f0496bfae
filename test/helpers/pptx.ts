import JSZip from 'jszip';
import { xmlProblem } from './xml.js';

export interface ReadPptx {
  readonly zip: JSZip;
  readonly parts: ReadonlyMap<string, string>;
  /** Slide parts in the presentation's order (presentation.xml's slide list). */
  readonly slides: readonly string[];
}

/** A .pptx read back: every XML part as text, the slides in their order. */
export async function readPptx(bytes: Uint8Array): Promise<ReadPptx> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir && /\.(xml|rels)$/.test(name)) parts.set(name, await file.async('string'));
  const rels = relationships(parts, 'ppt/presentation.xml');
  const order = [...(parts.get('ppt/presentation.xml') ?? '').matchAll(/<p:sldId [^>]*r:id="(rId\d+)"/g)];
  const slides = order.map(([, id]) => rels.find((r) => r.id === id)?.target ?? '');
  return { zip, parts, slides };
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part it names, resolved against the source part's folder ('' for an external target). */
  readonly target: string;
  readonly external: boolean;
}

/** The relationships of a part ('' for the package's own, _rels/.rels). */
export function relationships(parts: ReadonlyMap<string, string>, source: string): Relationship[] {
  const slash = source.lastIndexOf('/');
  const folder = source.slice(0, slash + 1);
  const xml = parts.get(source === '' ? '_rels/.rels' : `${folder}_rels/${source.slice(slash + 1)}.rels`) ?? '';
  return [...xml.matchAll(/<Relationship ([^>]*)\/>/g)].map(([, attributes]) => {
    const get = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attributes!)?.[1] ?? '';
    const external = get('TargetMode') === 'External';
    return {
      id: get('Id'),
      type: get('Type').split('/').pop() ?? '',
      target: external ? '' : resolvePart(folder, get('Target')),
      external,
    };
  });
}

function resolvePart(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${folder}${target}`;
  const out: string[] = [];
  for (const piece of path.split('/')) {
    if (piece === '..') out.pop();
    else if (piece !== '.') out.push(piece);
  }
  return out.join('/');
}

/**
 * What would make PowerPoint repair the package, or a reader fail on it: each problem found, as a
 * sentence. Empty for a sound package.
 */
export function packageProblems(pptx: ReadPptx): string[] {
  const problems: string[] = [];
  const { zip, parts } = pptx;
  const files = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  for (const [name, xml] of parts) {
    const problem = xmlProblem(xml);
    if (problem) problems.push(`${name} is not well-formed: ${problem}`);
    if (/="NaN"|="-?Infinity"|="undefined"/.test(xml)) problems.push(`${name} has a NaN, Infinity or undefined value`);
  }
  // Every relationship target exists; ids are unique in each .rels.
  for (const name of files.filter((n) => n.endsWith('.rels'))) {
    const source = name === '_rels/.rels' ? '' : name.replace(/_rels\/([^/]+)\.rels$/, '$1');
    const rels = relationships(parts, source);
    const ids = rels.map((r) => r.id);
    if (new Set(ids).size !== ids.length) problems.push(`${name} repeats a relationship id`);
    for (const rel of rels)
      if (!rel.external && !files.includes(rel.target)) problems.push(`${name}: ${rel.id} names ${rel.target}, which is not there`);
  }
  // The content types cover every part and name none that is missing.
  const types = parts.get('[Content_Types].xml') ?? '';
  const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
  const overrides = [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]!);
  for (const part of overrides) if (!files.includes(part)) problems.push(`[Content_Types].xml names ${part}, which is not there`);
  for (const part of files.filter((n) => n !== '[Content_Types].xml'))
    if (!overrides.includes(part) && !defaults.has(part.slice(part.lastIndexOf('.') + 1).toLowerCase()))
      problems.push(`no content type covers ${part}`);
  if (/ContentType="image\/jpg"/.test(types)) problems.push('[Content_Types].xml says image/jpg, which is no media type');
  // Slide ids unique; shape ids unique within each part.
  const slideIds = [...(parts.get('ppt/presentation.xml') ?? '').matchAll(/<p:sldId id="(\d+)"/g)].map((m) => m[1]);
  if (new Set(slideIds).size !== slideIds.length) problems.push('presentation.xml repeats a slide id');
  for (const [name, xml] of parts) {
    if (!/^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(name)) continue;
    const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    if (new Set(ids).size !== ids.length) problems.push(`${name} repeats a shape id`);
    for (const [bg] of xml.matchAll(/<p:bgPr>.*?<\/p:bgPr>/gs))
      if (!bg.includes('<a:effectLst')) problems.push(`${name}: a background without <a:effectLst/>`);
    for (const [sp] of xml.matchAll(/<p:sp>.*?<\/p:sp>/gs))
      if (!sp.includes('<p:txBody>') && !sp.includes('type="sldImg"')) problems.push(`${name}: a shape without a text body`);
    for (const [p] of xml.matchAll(/<a:p>.*?<\/a:p>/gs))
      if ((p.match(/<a:pPr[ >/]/g) ?? []).length > 1 || (p.includes('<a:pPr') && !/^<a:p><a:pPr[ >/]/.test(p)))
        problems.push(`${name}: a paragraph whose properties are not its first child, once`);
  }
  // Notes pages name placeholders the notes master has (else PowerPoint drops the master's).
  const master = parts.get('ppt/notesMasters/notesMaster1.xml') ?? '';
  const masterIdx = new Set([...master.matchAll(/<p:ph [^>]*idx="(\d+)"/g)].map((m) => m[1]));
  for (const [name, xml] of parts)
    if (name.startsWith('ppt/notesSlides/') && name.endsWith('.xml'))
      for (const [, idx] of xml.matchAll(/<p:ph [^>]*idx="(\d+)"/g))
        if (!masterIdx.has(idx)) problems.push(`${name}: placeholder ${idx} is not in the notes master`);
  return problems;
}

/** The text of a part's shapes, in order: each paragraph a line, runs joined. */
export function partText(xml: string): string[] {
  return [...xml.matchAll(/<a:p>(.*?)<\/a:p>/gs)].map(([, p]) =>
    [...p!.matchAll(/<a:t>([^<]*)<\/a:t>|<a:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : decode(m[1]))).join(''),
  );
}

export function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}
