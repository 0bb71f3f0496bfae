import type { Palette } from '../config/palette.js';
import type { Box, Paragraph } from './model.js';
import { repairPackage } from './repair-package.js';
import { attr, emu, fontKind, genericOf, text, textBody, type TextContext } from './text-body.js';
import { Package, readZip, writeZip } from './zip.js';

/** A text body to put where pptxgenjs wrote its marker: a shape's or a cell's, or a notes page's. */
export type Body =
  | {
      readonly name?: string;
      readonly frame: { readonly box: Box; readonly top: number };
      readonly paragraphs: readonly Paragraph[];
      readonly number?: boolean;
      readonly title?: boolean;
      readonly cell?: boolean;
    }
  | { readonly notes: readonly string[] };

export interface Filling {
  readonly bodies: ReadonlyMap<string, Body>;
  /** Inline SVGs by "slide index:picture name", kept beside the picture's PNG. */
  readonly svgs: ReadonlyMap<string, string>;
  readonly palette: Palette;
  readonly meta: { readonly title: string; readonly keywords?: readonly string[] | undefined; readonly lang?: string | undefined };
  readonly link: (href: string) => { readonly url: string } | { readonly slide: number } | undefined;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MARKED_SHAPE = /<p:sp>((?:(?!<\/p:sp>).)*?)<p:txBody>(?:(?!<\/p:txBody>).)*?(@@rfc-brief-\d+@@)(?:(?!<\/p:txBody>).)*<\/p:txBody>/gs;
const MARKED_CELL = /<a:txBody>(?:(?!<\/a:txBody>).)*?(@@rfc-brief-\d+@@)(?:(?!<\/a:txBody>).)*<\/a:txBody>/gs;
const MARKED_NOTES = /<a:p>(?:(?!<\/a:p>).)*?(@@rfc-brief-\d+@@)(?:(?!<\/a:p>).)*<\/a:p>/gs;

/** The package pptxgenjs wrote, with rfc-brief's text bodies, SVGs, notes and theme put in, and repaired. */
export function finishPackage(bytes: Uint8Array, filling: Filling): Uint8Array {
  const zip = new Package(readZip(bytes));
  const lang = filling.meta.lang || 'en-US';
  const slides = zip.names().filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  for (const name of slides) {
    const index = Number(/(\d+)\.xml$/.exec(name)?.[1]) - 1;
    const rels = new Relationships(zip.text(relsOf(name)));
    const links = new Map<string, { rId: string; slide: boolean } | undefined>();
    const context: TextContext = {
      lang,
      link: (href) => {
        if (!links.has(href)) {
          const target = filling.link(href);
          if (!target) links.set(href, undefined);
          else if ('url' in target) links.set(href, { rId: rels.add('hyperlink', target.url, true), slide: false });
          else links.set(href, { rId: rels.add('slide', `slide${target.slide + 1}.xml`), slide: true });
        }
        return links.get(href);
      },
    };
    let xml = zip.text(name);
    xml = xml.replace(MARKED_SHAPE, (all, head: string, key: string) => {
      const body = filling.bodies.get(key);
      if (!body || 'notes' in body) return all;
      const { box } = body.frame;
      // A placeholder takes its layout's place and name in pptxgenjs: the slide's own are set here.
      const placed = head
        .replace(/<a:off x="-?\d+" y="-?\d+"\/><a:ext cx="\d+" cy="\d+"\/>/, xfrm(box))
        .replace(/(<p:cNvPr id="\d+" name=")[^"]*"/, `$1${attr(body.name ?? 'Text')}"`)
        .replace(/\s*hasCustomPrompt="1"/, '');
      return `<p:sp>${placed}${textBody('p', body.frame, body.paragraphs, { ...context, number: body.number === true, title: body.title === true })}`;
    });
    xml = xml.replace(MARKED_CELL, (all, key: string) => {
      const body = filling.bodies.get(key);
      return body && !('notes' in body) ? textBody('a', body.frame, body.paragraphs, context) : all;
    });
    for (const [picture, svg] of filling.svgs) {
      const [slide, pictureName] = [Number(picture.slice(0, picture.indexOf(':'))), picture.slice(picture.indexOf(':') + 1)];
      if (slide !== index) continue;
      const media = `ppt/media/rfc-brief-${index + 1}-${rels.size() + 1}.svg`;
      zip.set(media, svg);
      const rId = rels.add('image', `../media/${media.slice('ppt/media/'.length)}`);
      xml = withSvg(xml, pictureName, rId);
    }
    zip.set(name, xml);
    zip.set(relsOf(name), rels.xml());
  }
  for (const name of zip.names().filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))) {
    const xml = zip.text(name).replace(MARKED_NOTES, (all, key: string) => {
      const body = filling.bodies.get(key);
      return body && 'notes' in body ? notesXml(body.notes, lang) : all;
    });
    zip.set(name, xml);
  }
  setTheme(zip, filling.palette);
  setProperties(zip, filling.meta, lang);
  repairPackage(zip);
  return writeZip(zip.entries);
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function xfrm(box: Box): string {
  return `<a:off x="${emu(box.x)}" y="${emu(box.y)}"/><a:ext cx="${emu(Math.max(box.w, 1))}" cy="${emu(Math.max(box.h, 1))}"/>`;
}

/** The SVG beside the PNG: PowerPoint 2016 and later draw the SVG, anything older the PNG. */
function withSvg(xml: string, name: string, rId: string): string {
  const picture = new RegExp(
    `<p:pic>(?:(?!</p:pic>).)*?name="${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"(?:(?!</p:pic>).)*</p:pic>`,
    's',
  );
  return xml.replace(picture, (pic) =>
    pic.replace(
      /<a:blip r:embed="(rId\d+)"\s*(?:\/>|>((?:(?!<\/a:blip>).)*)<\/a:blip>)/s,
      (_all, png: string, inner?: string) =>
        `<a:blip r:embed="${png}">${(inner ?? '').replace(/<a:extLst>.*<\/a:extLst>/s, '')}<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${rId}"/></a:ext></a:extLst></a:blip>`,
    ),
  );
}

/** Notes as PowerPoint's notes page holds them: one paragraph each. */
function notesXml(paragraphs: readonly string[], lang: string): string {
  return paragraphs.map((p) => `<a:p><a:r><a:rPr lang="${attr(lang)}" dirty="0"/><a:t>${text(p)}</a:t></a:r></a:p>`).join('');
}

/** The theme's colours and fonts in the package's theme, so that what is added in PowerPoint matches. */
function setTheme(zip: Package, palette: Palette): void {
  const name = 'ppt/theme/theme1.xml';
  const colour = (value: string) => `<a:srgbClr val="${value.replace('#', '').toUpperCase()}"/>`;
  const accents = [...palette.series, palette.muted, palette.grid].slice(0, 6);
  const scheme =
    `<a:clrScheme name="rfc-brief"><a:dk1>${colour(palette.text)}</a:dk1><a:lt1>${colour(palette.background)}</a:lt1>` +
    `<a:dk2>${colour(palette.muted)}</a:dk2><a:lt2>${colour(palette.panel)}</a:lt2>` +
    accents.map((c, i) => `<a:accent${i + 1}>${colour(c)}</a:accent${i + 1}>`).join('') +
    `<a:hlink>${colour(palette.series[0] ?? palette.text)}</a:hlink><a:folHlink>${colour(palette.muted)}</a:folHlink></a:clrScheme>`;
  // The theme's fonts with their kind, as each run names its own (text-body.ts).
  const fonts = (xml: string) =>
    xml.replace(/(<a:(?:major|minor)Font><a:latin typeface="[^"]*")\/>/g, `$1${fontKind(genericOf(palette.font))}/>`);
  zip.set(name, fonts(zip.text(name).replace(/<a:clrScheme.*?<\/a:clrScheme>/s, scheme)));
  // The master paints the theme's background itself (pptxgenjs puts it on a layout only).
  const master = 'ppt/slideMasters/slideMaster1.xml';
  const bg = `<p:bg><p:bgPr><a:solidFill>${colour(palette.background)}</a:solidFill><a:effectLst/></p:bgPr></p:bg>`;
  zip.set(
    master,
    zip
      .text(master)
      .replace(/<p:cSld>(?!<p:bg>)/, `<p:cSld>${bg}`)
      .replace('<p:titleStyle>  <a:lvl1pPr algn="ctr"', '<p:titleStyle>  <a:lvl1pPr algn="l"'),
  );
}

function setProperties(zip: Package, meta: Filling['meta'], lang: string): void {
  const name = 'docProps/core.xml';
  const extra = `${meta.keywords?.length ? `<cp:keywords>${text(meta.keywords.join(', '))}</cp:keywords>` : ''}<dc:language>${text(lang)}</dc:language>`;
  zip.set(name, zip.text(name).replace('</cp:coreProperties>', `${extra}</cp:coreProperties>`));
  const app = 'docProps/app.xml';
  zip.set(app, zip.text(app).replace(/<Company>[^<]*<\/Company>/, '<Company></Company>'));
}

class Relationships {
  private readonly added: string[] = [];
  private next: number;

  constructor(private readonly source: string) {
    this.next = Math.max(0, ...[...source.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  }

  size(): number {
    return this.next;
  }

  add(type: 'hyperlink' | 'slide' | 'image', target: string, external = false): string {
    const id = `rId${this.next++}`;
    this.added.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${attr(target)}"${external ? ' TargetMode="External"' : ''}/>`);
    return id;
  }

  xml(): string {
    return this.source.replace('</Relationships>', `${this.added.join('')}</Relationships>`);
  }
}
