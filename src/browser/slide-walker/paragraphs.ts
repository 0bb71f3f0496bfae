import type { Line, Paragraph, Run } from '../../pptx/model.js';
import type { lines } from './lines.js';
import type { Mutable } from './styles.js';

/** The slide walker's kit for a block's paragraphs: its lines as laid out, their runs, list bullets. */
export function paragraphs(w: ReturnType<typeof lines>) {
  const { BLOCK, SKIP, px, css, canvas, colour, origin, ascent, fontOf, runOf, rectAt, bisect, pieces, clipOf, gaps, spaced } = w;
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

  const queue: Mutable<Run>[] = [];

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
  return { ...w, paragraphsOf };
}
