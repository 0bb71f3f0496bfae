import type { Package } from './zip.js';

/**
 * What in pptxgenjs 4.0.1's package makes PowerPoint offer to repair the file (its repair dialog),
 * put right after it is written. PptxGenJS pull requests #1457 and #1458 name the causes; each is
 * repaired here whatever wrote the part, and test/pptx/package.test.ts checks that none is left:
 *
 * - #1444: `[Content_Types].xml` names a slide master per slide (slideMaster2.xml …) that the
 *   package does not have; and `image/jpg`, not a media type, for .jpg.
 * - #1442: a solid background (`<p:bgPr>`) without the `<a:effectLst/>` PowerPoint requires.
 * - #1441: a shape (`<p:sp>`) without a text body (a rectangle drawn with no text).
 * - #1440: a table cell margin written as `NaN` (rfc-brief always passes numbers; a part with
 *   `NaN` in it fails the package test).
 * - #1443: the notes pages' placeholders name indexes (1, 10) the notes master does not have
 *   (3, 5), so PowerPoint drops the master's placeholders; and the notes master shares the
 *   slides' theme part, where PowerPoint gives it a theme of its own.
 *
 * And two more found here: every `<a:pPr>` of a paragraph with several runs written again before
 * each run (rfc-brief writes its text bodies itself, text-body.ts), and shape ids repeated on a
 * slide (a table's frame takes the id of the shape before it): ids are numbered again per part.
 */
export function repairPackage(zip: Package): void {
  for (const name of zip.names().filter((n) => /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(n))) {
    let xml = zip.text(name);
    xml = withEffectList(xml);
    xml = withTextBodies(xml);
    xml = xml.replace(/<a:ln><\/a:ln>|<a:ln\/>/g, '<a:ln><a:noFill/></a:ln>');
    xml = renumberShapes(xml);
    if (name.startsWith('ppt/notesSlides/')) xml = matchNotesMaster(xml);
    zip.set(name, xml);
  }
  giveNotesMasterItsTheme(zip);
  fixContentTypes(zip);
}

function withEffectList(xml: string): string {
  return xml.replace(/<p:bgPr>((?:(?!<\/p:bgPr>).)*)<\/p:bgPr>/gs, (all, inner: string) =>
    inner.includes('<a:effectLst') ? all : `<p:bgPr>${inner}<a:effectLst/></p:bgPr>`,
  );
}

/** PowerPoint writes a text body into every shape but a notes page's slide image. */
function withTextBodies(xml: string): string {
  return xml.replace(/<p:sp>((?:(?!<\/p:sp>).)*)<\/p:sp>/gs, (all, inner: string) =>
    inner.includes('<p:txBody>') || inner.includes('type="sldImg"')
      ? all
      : `<p:sp>${inner}<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p></p:txBody></p:sp>`,
  );
}

/** Shape ids unique within the part, in document order (the shape tree itself is 1). */
function renumberShapes(xml: string): string {
  let id = 0;
  return xml.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${++id}"`);
}

/** The notes master's own placeholder indexes (pptxgenjs writes body 3 and slide number 5 there). */
function matchNotesMaster(xml: string): string {
  return xml
    .replace(/(<p:ph type="body"[^>]*?) idx="\d+"/g, '$1 idx="3"')
    .replace(/(<p:ph type="sldNum"[^>]*?) idx="\d+"/g, '$1 idx="5"')
    .replace(/(<p:ph type="body")(?![^>]*idx=)/g, '$1 idx="3"');
}

function giveNotesMasterItsTheme(zip: Package): void {
  const rels = 'ppt/notesMasters/_rels/notesMaster1.xml.rels';
  if (!zip.has(rels) || !zip.has('ppt/theme/theme1.xml')) return;
  const theme = 'ppt/theme/theme2.xml';
  if (!zip.has(theme)) zip.set(theme, zip.text('ppt/theme/theme1.xml').replace(/<a:theme ([^>]*)name="[^"]*"/, '<a:theme $1name="Notes"'));
  zip.set(rels, zip.text(rels).replace('Target="../theme/theme1.xml"', 'Target="../theme/theme2.xml"'));
}

const TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
};

/** One entry per part: an Override for each part it names that exists, a Default for each extension in use. */
function fixContentTypes(zip: Package): void {
  const name = '[Content_Types].xml';
  const xml = zip.text(name);
  const parts = new Set(
    zip
      .names()
      .filter((n) => n !== name)
      .map((n) => `/${n}`),
  );
  const overrides = [...xml.matchAll(/<Override PartName="([^"]+)" ContentType="([^"]+)"\/>/g)]
    .filter(([, part]) => parts.has(part!))
    .map(([, part, type]) => [part!, type!] as const);
  const named = new Map(overrides);
  if (parts.has('/ppt/theme/theme2.xml') && !named.has('/ppt/theme/theme2.xml'))
    named.set('/ppt/theme/theme2.xml', 'application/vnd.openxmlformats-officedocument.theme+xml');
  const extensions = new Set([...parts].filter((p) => !named.has(p)).map((p) => p.slice(p.lastIndexOf('.') + 1).toLowerCase()));
  const defaults = [...extensions].map((ext) => {
    const type = TYPES[ext];
    if (!type) throw new Error(`no content type for the part extension .${ext}`);
    return `<Default Extension="${ext}" ContentType="${type}"/>`;
  });
  const list = [...named].map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`);
  zip.set(
    name,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join('')}${list.join('')}</Types>`,
  );
}
