import type { Box, Colour, Generic, Line, Paragraph, Run } from './model.js';

/** English Metric Units per CSS pixel (914400 per inch, 96 px per inch). */
export const EMU = 9525;
/** Hundredths of a point per CSS pixel (DrawingML's font sizes and spacings). */
const CENTIPOINTS = 75;
/**
 * Where PowerPoint puts the baseline in a line of exact height: the height, less a fifth of the
 * font size (its font-independent descent; LibreOffice Impress does the same for PPTX). The
 * browser puts it elsewhere (half the leading above, half below): each paragraph is moved so that
 * its baselines land where the browser drew them.
 */
const DESCENT = 0.2;
/** `pitchFamily`: variable pitch (2) or fixed (1), and the family: swiss (0x20), roman (0x10), modern (0x30). */
const PITCH_FAMILY: Record<Generic, number> = { sans: 0x22, serif: 0x12, mono: 0x31 };

export interface TextContext {
  readonly lang: string;
  /** The relationship id for a link, or undefined when the link goes nowhere the package can name. */
  readonly link: (href: string) => { readonly rId: string; readonly slide: boolean } | undefined;
  /** The slide number field's text, on the number shape. */
  readonly number?: boolean;
  /** The title placeholder's body: shrunk on overflow (see textBody). */
  readonly title?: boolean;
}

/** Where a text's first line starts, given the browser's baseline: the top of PowerPoint's line box. */
function lineTop(paragraph: Paragraph): number {
  const first = paragraph.lines[0];
  return first ? first.baseline + DESCENT * first.size - paragraph.lineHeight : 0;
}

/**
 * A shape's frame and top inset for its paragraphs: the box the browser gave the block, grown
 * upwards when the first line's box reaches above it (a tight line height) and leftwards to the
 * bullets hanging in the margin (PowerPoint draws nothing left of a shape's edge).
 */
export function textFrame(box: Box, paragraphs: readonly Paragraph[]): { box: Box; top: number } {
  const first = paragraphs[0] ? lineTop(paragraphs[0]) : box.y;
  const left = Math.min(box.x, ...paragraphs.map((p) => Math.min(p.left, p.bullet?.x ?? p.left)));
  const wide = { ...box, x: left, w: box.w + (box.x - left) };
  if (first >= box.y) return { box: wide, top: first - box.y };
  return { box: { ...wide, y: first, h: box.h + (box.y - first) }, top: 0 };
}

/**
 * `<p:txBody>` (or a table cell's `<a:txBody>`): wrapping off, the lines broken where the browser
 * broke them, so that a reader with another font (the theme's is seldom installed) does not break
 * them again. A title placeholder also shrinks on overflow: LibreOffice (7.4) wraps a placeholder's
 * text whatever `wrap="none"` says, and a wider substitute (DejaVu Sans Bold for Inter, 16% wider)
 * would put a title on two lines, over the rule under it; shrunk, it keeps its lines. PowerPoint
 * keeps the scale written (none) until the text is edited, and with no wrapping nothing overflows.
 */
export function textBody(
  tag: 'p' | 'a',
  frame: { box: Box; top: number },
  paragraphs: readonly Paragraph[],
  context: TextContext,
  inset: { left: number; right: number } = { left: 0, right: 0 },
): string {
  const body =
    tag === 'p'
      ? `<a:bodyPr wrap="none" lIns="${emu(inset.left)}" tIns="${emu(frame.top)}" rIns="${emu(inset.right)}" bIns="0" rtlCol="0" anchor="t">${context.title ? '<a:normAutofit/>' : '<a:noAutofit/>'}</a:bodyPr>`
      : '<a:bodyPr/>';
  let bottom = frame.box.y + frame.top;
  const xml = paragraphs.map((paragraph) => {
    const top = lineTop(paragraph);
    const before = Math.max(0, top - bottom);
    bottom = Math.max(bottom, top) + paragraph.lineHeight * paragraph.lines.length;
    return paragraphXml(paragraph, frame.box.x + inset.left, before, context);
  });
  return `<${tag}:txBody>${body}<a:lstStyle/>${xml.join('') || '<a:p><a:endParaRPr lang="en-US"/></a:p>'}</${tag}:txBody>`;
}

function paragraphXml(paragraph: Paragraph, left: number, before: number, context: TextContext): string {
  const margin = Math.max(0, paragraph.left - left);
  const bullet = paragraph.bullet;
  const indent = bullet ? Math.min(0, bullet.x - paragraph.left) : paragraph.indent;
  const attributes = [
    `marL="${emu(margin)}"`,
    `indent="${emu(Math.max(indent, -margin))}"`,
    `algn="${paragraph.align}"`,
    paragraph.level > 0 ? `lvl="${Math.min(paragraph.level, 8)}"` : '',
  ].filter(Boolean);
  const spacing = `<a:lnSpc><a:spcPts val="${centipoints(paragraph.lineHeight)}"/></a:lnSpc><a:spcBef><a:spcPts val="${centipoints(before)}"/></a:spcBef>`;
  const marker = !bullet
    ? '<a:buNone/>'
    : `<a:buClr>${colourXml(bullet.colour)}</a:buClr><a:buSzPct val="100000"/><a:buFont typeface="${attr(bullet.font)}"/>` +
      (bullet.kind === 'char'
        ? `<a:buChar char="${attr(bullet.char)}"/>`
        : `<a:buAutoNum type="${bullet.scheme}" startAt="${bullet.start}"/>`);
  const tabs = paragraph.tabs.length
    ? `<a:tabLst>${paragraph.tabs.map((x) => `<a:tab pos="${emu(Math.max(0, x - left))}" algn="l"/>`).join('')}</a:tabLst>`
    : '';
  const lines = paragraph.lines.map((line) => lineXml(line, context)).join('<a:br/>');
  const last = paragraph.lines.at(-1)?.runs.at(-1);
  const end = `<a:endParaRPr lang="${attr(context.lang)}"${last ? ` sz="${centipoints(last.size)}"` : ''} dirty="0"/>`;
  return `<a:p><a:pPr ${attributes.join(' ')}>${spacing}${marker}${tabs}</a:pPr>${lines}${end}</a:p>`;
}

function lineXml(line: Line, context: TextContext): string {
  return line.runs
    .map((run) => {
      const props = runProperties(run, context);
      if (context.number && /^\d+$/.test(run.text.trim()))
        return `<a:fld id="{6A4A3B1E-57F7-4C4E-8E55-5B3C2D1A0F${run.text.trim().padStart(2, '0').slice(-2)}}" type="slidenum">${props}<a:t>${text(run.text.trim())}</a:t></a:fld>`;
      return `<a:r>${props}<a:t>${text(run.text)}</a:t></a:r>`;
    })
    .join('');
}

function runProperties(run: Run, context: TextContext): string {
  const attributes = [
    `lang="${attr(context.lang)}"`,
    `sz="${centipoints(run.size)}"`,
    run.bold ? 'b="1"' : 'b="0"',
    run.italic ? 'i="1"' : '',
    run.underline ? 'u="sng"' : '',
    run.strike ? 'strike="sngStrike"' : '',
    run.spacing ? `spc="${centipoints(run.spacing)}"` : '',
    run.shift === 'super' ? 'baseline="30000"' : run.shift === 'sub' ? 'baseline="-25000"' : '',
    'dirty="0"',
  ].filter(Boolean);
  // The kind of font as PowerPoint writes it (pitch and family, as in a Windows LOGFONT): a reader
  // without the font picks its substitute by it; LibreOffice asks fontconfig for a monospace one.
  const font = `typeface="${attr(run.font)}"${fontKind(run.generic)}`;
  const target = run.link ? context.link(run.link) : undefined;
  // PowerPoint draws a link in the theme's link colour unless told to keep the run's own.
  const link = target
    ? `<a:hlinkClick r:id="${target.rId}"${target.slide ? ' action="ppaction://hlinksldjump"' : ''}><a:extLst><a:ext uri="{A12FA001-AC4F-418D-AE19-62706E023703}"><ahyp:hlinkClr xmlns:ahyp="http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor" val="tx"/></a:ext></a:extLst></a:hlinkClick>`
    : '';
  return `<a:rPr ${attributes.join(' ')}><a:solidFill>${colourXml(run.colour)}</a:solidFill><a:latin ${font}/><a:ea ${font}/><a:cs ${font}/>${link}</a:rPr>`;
}

/** A font's `pitchFamily` and `charset` attributes for its generic family (none when it is not known). */
export function fontKind(generic: Generic | undefined): string {
  return generic ? ` pitchFamily="${PITCH_FAMILY[generic]}" charset="0"` : '';
}

/** The generic family a CSS font stack ends with (`Inter, DejaVu Sans, sans-serif`: sans). */
export function genericOf(stack: string): Generic | undefined {
  const kinds: Record<string, Generic> = { 'sans-serif': 'sans', 'system-ui': 'sans', serif: 'serif', monospace: 'mono' };
  return stack
    .split(',')
    .map((f) => kinds[f.trim()])
    .filter(Boolean)
    .at(-1);
}

export function colourXml(colour: Colour): string {
  const alpha = colour.alpha < 1 ? `<a:alpha val="${Math.round(colour.alpha * 100000)}"/>` : '';
  return `<a:srgbClr val="${colour.hex}">${alpha}</a:srgbClr>`;
}

export function emu(px: number): number {
  return Math.round(px * EMU);
}

function centipoints(px: number): number {
  return Math.round(px * CENTIPOINTS);
}

/** Text as XML character data: markup escaped, and the characters XML 1.0 cannot hold left out. */
export function text(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
