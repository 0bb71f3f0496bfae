import type { Box, Cell, Colour, Generic, Item, Line, MeasuredSlide, Paragraph, Run, TableShape, TextShape } from '../pptx/model.js';

/**
 * Runs in the print page (page.evaluate: self-contained, nothing outside it is in scope). Walks every
 * printed slide as the browser laid it out and returns what slides.pptx is written from: each block
 * (heading, paragraph, list, quote, callout, code) one text shape with its paragraphs, its lines as
 * the browser broke them (where each character landed, Range.getClientRects) and its runs with their
 * computed styles; tables cell by cell; images, charts, diagrams and display math as pictures to
 * capture; backgrounds, borders and absolutely placed ::before/::after as painted boxes.
 */
export function walkSlides(size: { readonly width: number; readonly height: number }): MeasuredSlide[] {
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
  const SVG_PAINT = [
    'fill',
    'fill-opacity',
    'stroke',
    'stroke-width',
    'stroke-opacity',
    'stroke-dasharray',
    'opacity',
    'font-family',
    'font-size',
    'font-weight',
    'font-style',
    'text-anchor',
    'dominant-baseline',
  ];
  const px = (value: string): number => parseFloat(value) || 0;
  const css = (el: Element, pseudo?: string) => getComputedStyle(el, pseudo);
  const canvas = document.createElement('canvas').getContext('2d');
  const faces = new Set([...document.fonts].map((f) => `${f.family.replace(/["']/g, '')}/${f.weight}`));
  type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
  let origin = { x: 0, y: 0 };
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

  /** The rect of the first character from `i` on that is drawn (collapsed white space is not). */
  const range = document.createRange();
  const rectAt = (node: Text, i: number): DOMRect | undefined => {
    for (let k = i; k < node.length; k++) {
      range.setStart(node, k);
      range.setEnd(node, k + 1);
      const rect = [...range.getClientRects()].find((r) => r.width > 0 || r.height > 0);
      if (rect) return rect;
    }
    return undefined;
  };
  /** The last offset in [low, high] for which `fits(offset)` holds, `fits` true up to some offset and false after. */
  const bisect = (low: number, high: number, fits: (offset: number) => boolean): number => {
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(mid)) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  /** A text node cut where the browser broke its lines (characters land on them in order): each piece with its first character's rect. */
  const pieces = (node: Text): { start: number; end: number; rect: DOMRect }[] => {
    const found: { start: number; end: number; rect: DOMRect }[] = [];
    for (let start = 0; start < node.length;) {
      const first = rectAt(node, start);
      if (!first) break;
      const end = bisect(start + 1, node.length, (mid) => {
        const rect = rectAt(node, mid - 1);
        return !rect || rect.top < first.bottom - 1;
      });
      found.push({ start, end, rect: first });
      start = end;
    }
    return found;
  };

  const bulletOf = (li: Element): Paragraph['bullet'] => {
    const [s, marker] = [css(li), css(li, '::marker')];
    const type = s.listStyleType;
    if (type === 'none' || s.display !== 'list-item') return undefined;
    const quoted = /^["'](.*)["']$/.exec(type)?.[1];
    const ordered = !quoted && /decimal|roman|alpha|latin/.test(type);
    const text =
      quoted ?? (ordered ? `${(li as HTMLLIElement).value || 1}. ` : `${type === 'circle' ? '◦' : type === 'square' ? '▪' : '•'} `);
    if (canvas) canvas.font = `${marker.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const x = li.getBoundingClientRect().left - origin.x - (canvas?.measureText(text).width ?? px(s.fontSize));
    const common = { x, colour: colour(marker.color) ?? colour(s.color)!, font: fontOf(s).font, size: px(s.fontSize) };
    if (!ordered) return { kind: 'char', char: text.trim() || '•', ...common };
    const upper = type.startsWith('upper') ? 'Uc' : 'Lc';
    const scheme = type.includes('roman') ? `roman${upper}Period` : /alpha|latin/.test(type) ? `alpha${upper}Period` : 'arabicPeriod';
    return { kind: 'number', scheme, start: (li.parentElement as HTMLOListElement | null)?.start ?? 1, ...common };
  };

  /** Where an element's content is cut off (overflow not visible on the way up): what lies beyond is not shown. */
  const clipOf = (el: Element, stop: Element): { bottom: number; right: number } => {
    const clip = { bottom: Infinity, right: Infinity };
    for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
      const [s, r] = [css(e), e.getBoundingClientRect()];
      if (s.overflowY !== 'visible') clip.bottom = Math.min(clip.bottom, r.bottom - px(s.borderBottomWidth));
      if (s.overflowX !== 'visible') clip.right = Math.min(clip.right, r.right - px(s.borderRightWidth));
    }
    return clip;
  };

  /** The room inline boxes take around a text node (padding, border, margin of inline code): text has no such box in PowerPoint. */
  const gaps = (node: Text, block: Element): { before: number; after: number } => {
    const gap = { before: 0, after: 0 };
    const texts = (e: Element) => {
      const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT, { acceptNode: (t) => ((t as Text).data.trim() ? 1 : 3) });
      const first = walker.nextNode();
      let last = first;
      for (let n = first; n; n = walker.nextNode()) last = n;
      return { first, last };
    };
    for (let e = node.parentElement; e && e !== block && !BLOCK.test(css(e).display); e = e.parentElement) {
      const [s, { first, last }] = [css(e), texts(e)];
      if (first === node) gap.before += px(s.marginLeft) + px(s.borderLeftWidth) + px(s.paddingLeft);
      if (last === node) gap.after += px(s.marginRight) + px(s.borderRightWidth) + px(s.paddingRight);
    }
    return gap;
  };
  /** Room after a run kept as letter spacing on its last character (split off into a run of its own). */
  const queue: Mutable<Run>[] = [];
  const spaced = (run: Mutable<Run>, room: number, add: (tail: Mutable<Run>) => void) => {
    const chars = [...run.text];
    const lastChar = chars.pop();
    if (lastChar === undefined) return;
    run.text = chars.join('');
    add({ ...run, text: lastChar, spacing: run.spacing + room });
  };

  /** The paragraphs of a block: each run of inline content between block boundaries, lines as laid out. */
  const paragraphsOf = (block: Element, section: Element, only?: readonly Node[]): Paragraph[] => {
    type Open = { runs: Mutable<Run>[]; top: number; bottom: number; baseline: number; size: number; cell: Element | null; left: number };
    const found: Paragraph[] = [];
    let lines: Open[] = [];
    let [owner, level, bullet, tabs] = [block, 0, undefined as Paragraph['bullet'], [] as number[]];
    const flush = () => {
      const kept = lines.filter((l) => l.runs.some((r) => r.text.trim() !== '') || lines.length > 1);
      const s = css(owner);
      const pre = /^pre/.test(s.whiteSpace) || owner.closest('pre') !== null;
      const shown: Line[] = kept.map((l) => {
        const runs = l.runs.filter((r) => r.text !== '');
        const [first, last] = [runs[0], runs.at(-1)];
        if (!pre && first) first.text = first.text.replace(/^ +/, '');
        if (!pre && last) last.text = last.text.replace(/ +$/, '');
        return { runs, baseline: l.baseline - origin.y, size: l.size };
      });
      if (shown.some((l) => l.runs.some((r) => r.text.trim() !== ''))) {
        const left = owner.getBoundingClientRect().left - origin.x + px(s.borderLeftWidth) + px(s.paddingLeft) + px(s.textIndent);
        const pitch = shown.length > 1 ? (shown.at(-1)!.baseline - shown[0]!.baseline) / (shown.length - 1) : 0;
        const lineHeight = s.lineHeight === 'normal' ? pitch || px(s.fontSize) * 1.2 : px(s.lineHeight);
        const aligns: Record<string, Paragraph['align']> = { center: 'ctr', right: 'r', end: 'r', justify: 'just' };
        const align = aligns[s.textAlign] ?? 'l';
        // The first line may start further in (after an inline image, inside inline code's padding).
        const indent = align === 'l' && !bullet ? Math.max(0, (kept[0]?.left ?? Infinity) - origin.x - left) : 0;
        found.push({ lines: shown, align, left, lineHeight, level, bullet, tabs, indent: Number.isFinite(indent) ? indent : 0 });
        bullet = undefined;
      }
      [lines, tabs] = [[], []];
    };
    const addText = (node: Text) => {
      const parent = node.parentElement!;
      const s = css(parent);
      if (s.visibility === 'hidden') return;
      const keep = /^(pre|pre-wrap|break-spaces)$/.test(s.whiteSpace);
      const clip = clipOf(parent, section);
      const cell = parent.closest('td, th');
      const gap = gaps(node, block);
      const found = pieces(node);
      found.forEach(({ start, end: full, rect }, index) => {
        if (rect.top >= clip.bottom - 1 || rect.left >= clip.right - 1) return;
        // A line running past a box that clips it (a long code line) ends where the box does.
        const end =
          clip.right === Infinity ? full : bisect(start + 1, full, (mid) => (rectAt(node, mid - 1)?.right ?? 0) <= clip.right + 1);
        const text = node.data.slice(start, end).replace(/\n/g, keep ? '' : ' ');
        const run = runOf(keep ? text : text.replace(/[ \t\r\f]+/g, ' '), parent);
        const last = lines.at(-1);
        const same = last && rect.top < last.bottom - 1 && rect.bottom > last.top + 1;
        if (index === found.length - 1 && gap.after > 0) spaced(run, gap.after, (tail) => queue.push(tail));
        if (index === 0 && gap.before > 0 && same && last.runs.length > 0)
          spaced(last.runs.at(-1)!, gap.before, (tail) => last.runs.push(tail));
        const tails = queue.splice(0);
        if (same && last) {
          // Cells of one row laid out as one line (code line numbers): a tab to where the cell starts.
          if (cell && last.cell && cell !== last.cell) {
            tabs.push(cell.getBoundingClientRect().left - origin.x + px(css(cell).paddingLeft));
            last.runs.push({ ...run, text: '\t' });
          }
          const prev = last.runs.at(-1);
          if (!keep && prev?.text.endsWith(' ') && run.text.startsWith(' ')) run.text = run.text.slice(1);
          last.runs.push(run, ...tails);
          [last.top, last.bottom, last.cell] = [Math.min(last.top, rect.top), Math.max(last.bottom, rect.bottom), cell];
          if (run.size > last.size && !run.shift) last.size = run.size;
          return;
        }
        const baseline = rect.top + ascent(s);
        // A blank line (in code) is where the baselines leave room for one.
        const pitch = px(s.lineHeight) || px(s.fontSize) * 1.2;
        for (let b = (last?.baseline ?? Infinity) + pitch; keep && b < baseline - pitch / 2; b += pitch)
          lines.push({ runs: [{ ...run, text: ' ' }], top: b, bottom: b, baseline: b, size: run.size, cell, left: Infinity });
        lines.push({
          runs: [run, ...tails],
          top: rect.top,
          bottom: rect.bottom,
          baseline,
          size: run.size,
          cell,
          left: (keep ? rect : (rectAt(node, start + text.length - text.trimStart().length) ?? rect)).left,
        });
      });
    };
    const walk = (node: Node, children: Iterable<Node> = node.childNodes) => {
      for (const child of children) {
        if (child.nodeType === Node.TEXT_NODE) addText(child as Text);
        if (!(child instanceof Element) || child.matches(SKIP) || css(child).display === 'none') continue;
        if (!BLOCK.test(css(child).display) || child.matches('td, th, tr, tbody, thead')) {
          walk(child);
          continue;
        }
        flush();
        const outer = { owner, level };
        owner = child;
        if (child.tagName === 'LI') [level, bullet] = [child.parentElement?.closest('li') ? level + 1 : 0, bulletOf(child)];
        walk(child);
        flush();
        [owner, level] = [outer.owner, outer.level];
      }
    };
    walk(block, only);
    flush();
    return found;
  };

  const paints = (el: Element, s: CSSStyleDeclaration, box: Box, items: Item[], withFill: boolean) => {
    const opacity = opacityOf(el);
    const fill = withFill ? colour(s.backgroundColor, opacity) : undefined;
    if (fill) items.push({ kind: 'paint', box, fill, radius: px(s.borderTopLeftRadius) });
    const width = (side: string) => px(s.getPropertyValue(`border-${side}-width`));
    const edges = {
      top: { ...box, h: width('top') },
      bottom: { ...box, y: box.y + box.h - width('bottom'), h: width('bottom') },
      left: { ...box, w: width('left') },
      right: { ...box, x: box.x + box.w - width('right'), w: width('right') },
    };
    for (const [side, edge] of Object.entries(edges)) {
      const c = colour(s.getPropertyValue(`border-${side}-color`), opacity);
      if (c && edge.w > 0 && edge.h > 0 && !/none|hidden/.test(s.getPropertyValue(`border-${side}-style`)))
        items.push({ kind: 'paint', box: edge, fill: c, radius: 0 });
    }
  };

  /** ::before and ::after placed absolutely (a rule, an accent bar): where their computed offsets put them. */
  const pseudoPaints = (el: Element, items: Item[]) => {
    for (const which of ['::before', '::after']) {
      const p = css(el, which);
      if (/^(none|normal)$/.test(p.content) || p.display === 'none' || !/absolute|fixed/.test(p.position)) continue;
      const host = css(el).position === 'static' ? ((el as HTMLElement).offsetParent ?? el) : el;
      const [hr, hs] = [host.getBoundingClientRect(), css(host)];
      const [left, top] = [hr.left + px(hs.borderLeftWidth), hr.top + px(hs.borderTopWidth)];
      const sum = (...names: string[]) => names.reduce((total, name) => total + px(p.getPropertyValue(name)), 0);
      const w = sum('width', 'padding-left', 'padding-right', 'border-left-width', 'border-right-width');
      const h = sum('height', 'padding-top', 'padding-bottom', 'border-top-width', 'border-bottom-width');
      const x = p.left !== 'auto' ? left + px(p.left) : left + host.clientWidth - px(p.right) - w;
      const y = p.top !== 'auto' ? top + px(p.top) : top + host.clientHeight - px(p.bottom) - h;
      paints(el, p, rel({ left: x, top: y, width: w, height: h }), items, true);
    }
  };

  const textShape = (el: Element, role: TextShape['role'], name: string, section: Element): TextShape | undefined => {
    const paragraphs = paragraphsOf(el, section);
    const s = css(el);
    const fill = colour(s.backgroundColor, opacityOf(el));
    // Inside the borders, which are painted apart and would be covered by the shape's fill.
    const [r, b] = [el.getBoundingClientRect(), (side: string) => px(s.getPropertyValue(`border-${side}-width`))];
    const box = rel({
      left: r.left + b('left'),
      top: r.top + b('top'),
      width: r.width - b('left') - b('right'),
      height: r.height - b('top') - b('bottom'),
    });
    return paragraphs.length ? { kind: 'text', role, name, box, fill, radius: px(s.borderTopLeftRadius), paragraphs } : undefined;
  };

  const table = (el: HTMLTableElement, name: string, section: Element): TableShape => {
    const cells = [...el.rows].flatMap((row) => [...row.cells].map((c) => c.getBoundingClientRect()));
    const xs = [...new Set(cells.flatMap((r) => [Math.round(r.left), Math.round(r.right)]))].sort((a, b) => a - b);
    const rows = [...el.rows].map((row) => ({
      height: row.getBoundingClientRect().height,
      cells: [...row.cells].map((cell): Cell => {
        const [s, r] = [css(cell), cell.getBoundingClientRect()];
        const border = (side: string) => {
          const [width, c] = [px(s.getPropertyValue(`border-${side}-width`)), colour(s.getPropertyValue(`border-${side}-color`))];
          return width > 0 && c && !/none|hidden/.test(s.getPropertyValue(`border-${side}-style`)) ? { width, colour: c } : undefined;
        };
        return {
          colspan: Math.max(1, xs.filter((x) => x > Math.round(r.left) && x <= Math.round(r.right)).length),
          rowspan: cell.rowSpan || 1,
          fill: colour(s.backgroundColor) ?? colour(css(row).backgroundColor),
          borders: [border('top'), border('right'), border('bottom'), border('left')],
          padding: [px(s.paddingTop), px(s.paddingRight), px(s.paddingBottom), px(s.paddingLeft)],
          x: r.left - origin.x,
          y: r.top - origin.y,
          paragraphs: paragraphsOf(cell, section),
        };
      }),
    }));
    return { kind: 'table', name, box: rel(el.getBoundingClientRect()), columns: xs.slice(1).map((x, i) => x - xs[i]!), rows };
  };

  const picture = (el: Element, name: string): Item => {
    let r: { left: number; top: number; width: number; height: number } = el.getBoundingClientRect();
    if (el instanceof HTMLImageElement && el.naturalWidth > 0 && /contain|scale-down/.test(css(el).objectFit)) {
      // The image drawn inside its box, its proportions kept.
      const scale = Math.min(r.width / el.naturalWidth, r.height / el.naturalHeight, css(el).objectFit === 'scale-down' ? 1 : Infinity);
      const [width, height] = [el.naturalWidth * scale, el.naturalHeight * scale];
      r = { left: r.left + (r.width - width) / 2, top: r.top + (r.height - height) / 2, width, height };
    }
    const alt = el.getAttribute('alt') ?? el.getAttribute('aria-label') ?? el.closest('figure')?.getAttribute('data-caption');
    let svg: string | undefined;
    if (el.tagName.toLowerCase() === 'svg') {
      // Standalone: each element's computed paint written on it, the stylesheets left out (PowerPoint
      // and LibreOffice read few of the selectors a diagram's <style> uses).
      const copy = el.cloneNode(true) as SVGSVGElement;
      const [from, to] = [
        [el, ...el.querySelectorAll('*')],
        [copy, ...copy.querySelectorAll('*')],
      ];
      from.forEach((source, i) => {
        const target = to[i]!;
        const s = css(source);
        if (s.display === 'none') target.setAttribute('display', 'none');
        for (const name of SVG_PAINT) if (s.getPropertyValue(name)) target.setAttribute(name, s.getPropertyValue(name));
      });
      for (const style of copy.querySelectorAll('style')) style.remove();
      copy.removeAttribute('style');
      for (const [name, value] of Object.entries({ xmlns: 'http://www.w3.org/2000/svg', width: `${r.width}`, height: `${r.height}` }))
        copy.setAttribute(name, value);
      svg = new XMLSerializer().serializeToString(copy);
    }
    const src = el instanceof HTMLImageElement && !/\.svg($|[?#])/i.test(el.currentSrc) ? el.currentSrc : undefined;
    const capture = { x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height };
    return { kind: 'picture', name, alt: alt ?? el.querySelector('annotation')?.textContent ?? '', box: rel(r), src, svg, capture };
  };

  /** What is drawn apart from the text (pictures, tables, code): an element holding one is not one text shape. */
  const apart = (el: Element): Element[] =>
    [...el.querySelectorAll(`${PICTURE}, table, pre`)].filter((e) => !e.closest('.katex:not(.katex-display *), svg *, pre *'));

  /** An element's own background, borders and placed ::before/::after (its fill only when no text shape takes it). */
  const decorate = (el: Element, items: Item[], withFill: boolean) => {
    const s = css(el);
    if (s.display === 'none' || s.visibility === 'hidden') return;
    if (BLOCK.test(s.display)) paints(el, s, rel(el.getBoundingClientRect()), items, withFill);
    else if (colour(s.backgroundColor)) for (const r of el.getClientRects()) paints(el, s, rel(r), items, true);
    pseudoPaints(el, items);
  };

  const visit = (el: Element, items: Item[], section: Element) => {
    const s = css(el);
    if (s.display === 'none' || el.matches(SKIP) || opacityOf(el) === 0) return;
    const count = items.length + 1;
    const block = BLOCK.test(s.display);
    const loose = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    const text = block && el !== section && (el.matches(TEXT) || loose) && (el.matches('pre') || apart(el).length === 0);
    if (el === section) pseudoPaints(el, items);
    else decorate(el, items, !text);
    if (el.matches(PICTURE)) return void (s.visibility !== 'hidden' && items.push(picture(el, `Picture ${count}`)));
    if (el instanceof HTMLTableElement) return void items.push(table(el, `Table ${count}`, section));
    if (text) {
      // The slide's heading: a child of the section, or (an image split) the first thing of its text region.
      const region = el.parentElement?.matches('[data-region]') ? el.parentElement : undefined;
      const heading = el.parentElement === section || (region?.parentElement?.parentElement === section && region.firstElementChild === el);
      const title = heading && /^H[12]$/.test(el.tagName) && !items.some((i) => i.kind === 'text' && i.role === 'title');
      // What is painted inside the block (a code block's panel, inline code) goes behind its text.
      for (const inner of el.querySelectorAll('*')) if (!inner.closest(SKIP)) decorate(inner, items, true);
      const shape = textShape(el, title ? 'title' : 'body', title ? 'Title' : `Text ${count}`, section);
      if (shape) items.push(shape);
      return;
    }
    if (!block) return;
    // Inline content between blocks (a raw <small> under the slide's text) is a paragraph of its own.
    let pending: Node[] = [];
    const pendingShape = () => {
      const shown = pending.filter((n) => n.textContent?.trim());
      if (shown.length > 0) {
        const range = document.createRange();
        range.setStartBefore(pending[0]!);
        range.setEndAfter(pending.at(-1)!);
        const paragraphs = paragraphsOf(el, section, pending);
        if (paragraphs.length)
          items.push({
            kind: 'text',
            role: 'body',
            name: `Text ${items.length + 1}`,
            box: rel(range.getBoundingClientRect()),
            fill: undefined,
            radius: 0,
            paragraphs,
          });
      }
      pending = [];
    };
    for (const child of el.childNodes) {
      const inline =
        child.nodeType === Node.TEXT_NODE ||
        (child instanceof Element &&
          !child.matches(`${SKIP}, ${PICTURE}, table`) &&
          !BLOCK.test(css(child).display) &&
          css(child).display !== 'none');
      if (inline) pending.push(child);
      else {
        pendingShape();
        if (child instanceof Element) visit(child, items, section);
      }
    }
    pendingShape();
  };

  const slides: MeasuredSlide[] = [];
  for (const page of document.querySelectorAll<HTMLElement>('.pdf-page')) {
    const section = page.querySelector<HTMLElement>('section');
    if (!section) continue;
    // The slide's frame on its page: centred in the page's margin (a centred slide's section is only
    // as tall as its content, and moved down).
    const [r, p] = [section.getBoundingClientRect(), page.getBoundingClientRect()];
    origin = { x: r.left, y: p.top + ((r.left - p.left) * size.height) / size.width };
    const items: Item[] = [];
    visit(section, items, section);
    const number = page.querySelector('.slide-number-pdf');
    const shape = number && css(number).display !== 'none' ? textShape(number, 'number', 'Slide Number', section) : undefined;
    // In the page's margin, past the slide: moved in, as far as it is out.
    const [dx, dy] = shape
      ? [Math.min(0, size.width - shape.box.x - shape.box.w), Math.min(0, size.height - shape.box.y - shape.box.h)]
      : [0, 0];
    if (shape)
      items.push({
        ...shape,
        box: { ...shape.box, x: shape.box.x + dx, y: shape.box.y + dy },
        paragraphs: shape.paragraphs.map((para) => ({
          ...para,
          left: para.left + dx,
          lines: para.lines.map((l) => ({ ...l, baseline: l.baseline + dy })),
        })),
      });
    const painted = [section, page.querySelector('.slide-background'), page, document.body].map((e) => e && colour(css(e).backgroundColor));
    const background = painted.find(Boolean) ?? { hex: 'FFFFFF', alpha: 1 };
    slides.push({ background: { hex: background.hex, alpha: 1 }, items });
  }
  return slides;
}
