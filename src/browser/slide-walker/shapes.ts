import type { Box, Cell, Item, TableShape, TextShape } from '../../pptx/model.js';
import type { paragraphs } from './paragraphs.js';

/** The slide walker's kit for shapes: painted boxes, text shapes, tables and pictures. */
export function shapes(w: ReturnType<typeof paragraphs>) {
  const { px, css, colour, opacityOf, origin, rel, paragraphsOf } = w;
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
  return { ...w, paints, pseudoPaints, textShape, table, picture };
}
