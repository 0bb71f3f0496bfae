import type { Run } from '../../pptx/model.js';
import type { Mutable, styles } from './styles.js';

/** The slide walker's kit for where text landed: the browser's line breaks, clips and inline boxes. */
export function lines(w: ReturnType<typeof styles>) {
  const { BLOCK, px, css } = w;
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
  const spaced = (run: Mutable<Run>, room: number, add: (tail: Mutable<Run>) => void) => {
    const chars = [...run.text];
    const lastChar = chars.pop();
    if (lastChar === undefined) return;
    run.text = chars.join('');
    add({ ...run, text: lastChar, spacing: run.spacing + room });
  };
  return { ...w, rectAt, bisect, pieces, clipOf, gaps, spaced };
}
