import { BriefError, type SourceLocation } from '../errors.js';
import { unknownName } from './names.js';

/**
 * The one registry of slide layouts (issue 17): each layout's name, its regions in the order they
 * are shown (left to right, then top to bottom), the widths its side-by-side regions take unless
 * the author sets others, where the slide's heading goes, which region takes the content written
 * before the first region marker, and what the report makes of it. The parser, the renderers, the
 * check and the README's pictures all read it from here.
 */
export const LAYOUT_NAMES = [
  'title',
  'section',
  'two-cols',
  'three-cols',
  'image-left',
  'image-right',
  'statement',
  'big-number',
  'quote',
] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];
/** A slide's layout: 'default' is the heading and its blocks one after another, as before #17. */
export type SlideLayout = 'default' | LayoutName;

/** What the report prints for a slide of the layout (render/report-layouts.ts). */
export type ReportForm = 'blocks' | 'figure-beside-text' | 'key-figure' | 'pull-quote' | 'quote';

export interface LayoutDefinition {
  readonly name: LayoutName;
  /** In the order shown (left to right, then top to bottom). */
  readonly regions: readonly string[];
  /** Where content written before the first region marker goes (regions.ts may place some of it elsewhere). */
  readonly main: string;
  /** Percent of the width for each region, when they sit side by side; empty when they are stacked. */
  readonly widths: readonly number[];
  /** 'top': the slide's heading spans the top, outside the regions; 'inside': it stays in the first text region. */
  readonly heading: 'top' | 'inside';
  /** The region that is an image filling its side, sized by a single "N%" width and cropped unless "fit". */
  readonly image?: string | undefined;
  /** The region that takes the first image, chart or diagram standing alone when no marker names it. */
  readonly figure?: string | undefined;
  readonly report: ReportForm;
  /** One line for the README and for hints. */
  readonly summary: string;
}

const THIRD = 100 / 3;

export const LAYOUTS: Readonly<Record<LayoutName, LayoutDefinition>> = {
  title: {
    name: 'title',
    regions: ['subtitle', 'byline'],
    main: 'subtitle',
    widths: [],
    heading: 'top',
    report: 'blocks',
    summary: 'a cover: the heading on a band, a subtitle, a byline at the foot',
  },
  section: {
    name: 'section',
    regions: ['body'],
    main: 'body',
    widths: [],
    heading: 'top',
    report: 'blocks',
    summary: 'a divider: the heading large, a line under it',
  },
  'two-cols': {
    name: 'two-cols',
    regions: ['left', 'right'],
    main: 'left',
    widths: [50, 50],
    heading: 'top',
    report: 'blocks',
    summary: 'two columns under the heading, at widths you set (60/40)',
  },
  'three-cols': {
    name: 'three-cols',
    regions: ['left', 'middle', 'right'],
    main: 'left',
    widths: [THIRD, THIRD, THIRD],
    heading: 'top',
    report: 'blocks',
    summary: 'three columns under the heading',
  },
  'image-left': {
    name: 'image-left',
    regions: ['image', 'text'],
    main: 'text',
    widths: [50, 50],
    heading: 'inside',
    image: 'image',
    figure: 'image',
    report: 'figure-beside-text',
    summary: 'an image filling the left side (40%), the text on the right',
  },
  'image-right': {
    name: 'image-right',
    regions: ['text', 'image'],
    main: 'text',
    widths: [50, 50],
    heading: 'inside',
    image: 'image',
    figure: 'image',
    report: 'figure-beside-text',
    summary: 'the text on the left, an image filling the right side (40%)',
  },
  statement: {
    name: 'statement',
    regions: ['body'],
    main: 'body',
    widths: [],
    heading: 'top',
    report: 'pull-quote',
    summary: 'one sentence, large',
  },
  'big-number': {
    name: 'big-number',
    regions: ['number', 'label', 'source', 'chart'],
    main: 'number',
    widths: [],
    heading: 'top',
    figure: 'chart',
    report: 'key-figure',
    summary: 'a figure and its unit, a label, a source line; a chart beside them if you give one',
  },
  quote: {
    name: 'quote',
    regions: ['quote', 'attribution'],
    main: 'quote',
    widths: [],
    heading: 'top',
    report: 'quote',
    summary: 'a quotation, large, and who said it',
  },
};

/**
 * What other tools call these layouts (Slidev's names, mostly), for suggestions only: an unknown
 * layout "fact" is met with "did you mean big-number?".
 */
const LAYOUT_ALIASES: Readonly<Record<string, LayoutName>> = {
  cover: 'title',
  intro: 'title',
  divider: 'section',
  end: 'section',
  fact: 'big-number',
  number: 'big-number',
  center: 'statement',
  'two-cols-header': 'two-cols',
  image: 'image-right',
  blockquote: 'quote',
};

export function isLayoutName(name: string): name is LayoutName {
  return (LAYOUT_NAMES as readonly string[]).includes(name);
}

export function layoutOf(name: LayoutName): LayoutDefinition {
  return LAYOUTS[name];
}

/** How the image of an image split fills its side: cropped to fill it (Marp's default) or whole. */
export type ImageFit = 'cover' | 'contain';

/** What a slide's `<!-- layout: ... -->` comment (or a Marp split image) asks for. */
export interface LayoutRequest {
  readonly layout: LayoutDefinition;
  /** Percent per region, in region order, summing to 100; empty for stacked regions. */
  readonly widths: readonly number[];
  readonly fit: ImageFit;
}

/**
 * The arguments after a layout's name: widths as proportions in region order ("60/40", "1/2/1")
 * or one percentage ("40%": the image of an image split, or the first column, the others sharing
 * the rest), and for an image split "fit" (or "contain") to show the whole image. `where` names
 * the comment's line in errors.
 */
export function layoutRequest(name: string, args: readonly string[], where: SourceLocation): LayoutRequest {
  if (!isLayoutName(name))
    throw unknownName('there is no layout', name, LAYOUT_NAMES, where, `The layouts are: ${LAYOUT_NAMES.join(', ')}.`, LAYOUT_ALIASES);
  const layout = LAYOUTS[name];
  let widths: readonly number[] = layout.widths;
  let fit: ImageFit = 'cover';
  for (const arg of args) {
    if (layout.image && /^(fit|contain)$/i.test(arg)) fit = 'contain';
    else if (layout.image && /^cover$/i.test(arg)) fit = 'cover';
    else if (/^\d+(\.\d+)?%$/.test(arg) && layout.widths.length > 1) widths = singleWidth(layout, parseFloat(arg), where);
    else if (/^\d+(\.\d+)?(\/\d+(\.\d+)?)+$/.test(arg) && layout.widths.length > 1) widths = proportions(layout, arg, where);
    else throw badArgument(layout, arg, where);
  }
  return { layout, widths, fit };
}

function singleWidth(layout: LayoutDefinition, percent: number, where: SourceLocation): number[] {
  if (percent <= 0 || percent >= 100) throw badArgument(layout, `${percent}%`, where, 'a width between 1% and 99%');
  const rest = (100 - percent) / (layout.regions.length - 1);
  const first = layout.image ?? layout.regions[0];
  return layout.regions.map((region) => (region === first ? percent : rest));
}

function proportions(layout: LayoutDefinition, arg: string, where: SourceLocation): number[] {
  const parts = arg.split('/').map(Number);
  if (parts.length !== layout.regions.length)
    throw badArgument(layout, arg, where, `${layout.regions.length} widths, one for each of ${layout.regions.join(', ')}`);
  const total = parts.reduce((sum, part) => sum + part, 0);
  if (parts.some((part) => part <= 0)) throw badArgument(layout, arg, where, 'widths above 0');
  return parts.map((part) => (part / total) * 100);
}

function badArgument(layout: LayoutDefinition, arg: string, where: SourceLocation, wanted?: string): BriefError {
  const accepts =
    layout.widths.length > 1
      ? `widths such as ${layout.regions.map(() => Math.round(100 / layout.regions.length)).join('/')} or 40%${layout.image ? ', and "fit" to show the whole image' : ''}`
      : 'nothing after its name';
  return new BriefError('LAYOUT', `"${arg}" is not something the ${layout.name} layout takes${wanted ? `: it needs ${wanted}` : ''}`, {
    where,
    hint: `The ${layout.name} layout takes ${accepts}, e.g. <!-- layout: ${layout.name}${layout.widths.length > 1 ? ` ${example(layout)}` : ''} -->.`,
  });
}

function example(layout: LayoutDefinition): string {
  if (layout.image) return '40%';
  return layout.regions.length === 2 ? '60/40' : '1/2/1';
}
