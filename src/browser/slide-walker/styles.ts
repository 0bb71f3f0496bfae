import type { Box, Colour, Generic, Run } from '../../pptx/model.js';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The first kit of the slide walker (see ../slide-walker.ts; runs in the page, nothing outside it
 * in scope): what is read off computed styles — colours, opacity, fonts, a text run's style — and
 * the slide's origin, which boxes are measured from (moved by the walk for each printed slide).
 */
export function styles() {
  const PICTURE = 'img, svg, video, canvas, iframe, .katex-display';
  const TEXT = 'h1, h2, h3, h4, h5, h6, p, ul, ol, dl, blockquote, pre, .callout, figcaption, caption, address';
  const SKIP = 'aside.notes, script, style, template, annotation, .katex-mathml';
  const BLOCK =
    /^(block|list-item|flex|grid|table|table-row|table-row-group|table-header-group|table-footer-group|table-caption|flow-root)$/;
  const GENERIC: Record<string, string> = {
    'sans-serif': 'Arial',
    serif: 'Times New Roman',
    monospace: 'Courier New',
    'system-ui': 'Arial',
  };
  const WEIGHTS: Record<string, string> = {
    100: 'Thin',
    200: 'ExtraLight',
    300: 'Light',
    500: 'Medium',
  };
  const px = (value: string): number => parseFloat(value) || 0;
  const css = (el: Element, pseudo?: string) => getComputedStyle(el, pseudo);
  const canvas = document.createElement('canvas').getContext('2d');
  const faces = new Set([...document.fonts].map((f) => `${f.family.replace(/["']/g, '')}/${f.weight}`));

  /** A computed colour as 0–255 channels and its alpha: rgb(), color(srgb …) (what color-mix() computes to), else as a canvas paints it. */
  const pixel = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const painted = new Map<string, number[] | undefined>();
  const channels = (value: string): number[] | undefined => {
    const rgb = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?\)/.exec(value);
    if (rgb)
      return [px(rgb[1]!), px(rgb[2]!), px(rgb[3]!), rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? px(rgb[4]) / 100 : px(rgb[4])];
    const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+%?))?\)$/.exec(value);
    if (srgb)
      return [
        px(srgb[1]!) * 255,
        px(srgb[2]!) * 255,
        px(srgb[3]!) * 255,
        srgb[4] === undefined ? 1 : srgb[4].endsWith('%') ? px(srgb[4]) / 100 : px(srgb[4]),
      ];
    if (!pixel || value === 'transparent' || value === 'none' || value === '') return undefined;
    if (!painted.has(value)) {
      // Another colour space (oklch(), lab(), …): the colour the canvas paints, in sRGB.
      pixel.clearRect(0, 0, 1, 1);
      pixel.fillStyle = value;
      pixel.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = pixel.getImageData(0, 0, 1, 1).data;
      painted.set(value, [r ?? 0, g ?? 0, b ?? 0, (a ?? 0) / 255]);
    }
    return painted.get(value);
  };
  const colour = (value: string, opacity = 1): Colour | undefined => {
    const [r = 0, g = 0, b = 0, a = 0] = channels(value) ?? [];
    const alpha = a * opacity;
    const hex = [r, g, b].map((v) =>
      Math.min(255, Math.max(0, Math.round(v)))
        .toString(16)
        .padStart(2, '0'),
    );
    return alpha > 0.01 ? { hex: hex.join('').toUpperCase(), alpha: Math.round(alpha * 1000) / 1000 } : undefined;
  };
  const opacityOf = (el: Element | null): number => {
    let opacity = 1;
    for (let e = el; e && e !== document.body; e = e.parentElement) opacity *= parseFloat(css(e).opacity);
    return opacity;
  };
  const origin = { x: 0, y: 0 };
  const rel = (r: { left: number; top: number; width: number; height: number }): Box => ({
    x: r.left - origin.x,
    y: r.top - origin.y,
    w: r.width,
    h: r.height,
  });
  /** The font's ascent as Chromium lays text with it (whole pixels): a text rect's top plus it is the baseline. */
  const ascents = new Map<string, number>();
  const ascent = (s: CSSStyleDeclaration): number => {
    const font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    if (!ascents.has(font) && canvas) {
      canvas.font = font;
      ascents.set(font, Math.round(canvas.measureText('Hg').fontBoundingBoxAscent));
    }
    return ascents.get(font) ?? px(s.fontSize) * 0.9;
  };
  const KINDS: Record<string, Generic> = { 'sans-serif': 'sans', 'system-ui': 'sans', serif: 'serif', monospace: 'mono' };
  const fontOf = (s: CSSStyleDeclaration): { font: string; bold: boolean; generic: Generic | undefined } => {
    const stack = s.fontFamily.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
    const family = stack[0] ?? '';
    const generic = stack
      .map((f) => KINDS[f])
      .filter(Boolean)
      .at(-1);
    const weight = Math.round(px(s.fontWeight) / 100) * 100;
    // A static family's lighter weights are families of their own ("Inter Medium"). From 600 on the
    // text is bold: a reader without the theme's font (most) draws its substitute's bold, not its
    // regular; one with it draws Inter Bold for SemiBold, a shade heavier.
    const face = weight < 600 && WEIGHTS[weight] && faces.has(`${family}/${weight}`) ? `${family} ${WEIGHTS[weight]}` : undefined;
    return { font: face ?? GENERIC[family] ?? family, bold: !face && weight >= 600, generic };
  };

  const runOf = (text: string, el: Element): Mutable<Run> => {
    const s = css(el);
    const decorated = (line: string) => {
      for (let e: Element | null = el; e && !BLOCK.test(css(e).display); e = e.parentElement)
        if (css(e).textDecorationLine.includes(line)) return true;
      return false;
    };
    const shifted = el.closest('sup, sub');
    const anchor = el.closest('a[href]') as HTMLAnchorElement | null;
    const href = anchor?.getAttribute('href');
    return {
      text: s.textTransform === 'uppercase' ? text.toUpperCase() : s.textTransform === 'lowercase' ? text.toLowerCase() : text,
      ...fontOf(s),
      size: px(s.fontSize),
      italic: s.fontStyle !== 'normal',
      colour: colour(s.color, opacityOf(el)) ?? { hex: '000000', alpha: 1 },
      underline: decorated('underline'),
      strike: decorated('line-through'),
      spacing: px(s.letterSpacing),
      shift: shifted ? (shifted.tagName === 'SUP' ? 'super' : 'sub') : undefined,
      link: href ? (href.startsWith('#') ? href : anchor?.href) : undefined,
    };
  };
  return { PICTURE, TEXT, SKIP, BLOCK, px, css, canvas, colour, opacityOf, origin, rel, ascent, fontOf, runOf };
}
