import type { Page } from 'puppeteer-core';

/** What continueNotes did to the handout's pages. */
export interface ContinuedNotes {
  /** The page each page of the rendered handout became, once continuation pages were put in. */
  readonly pageOf: readonly number[];
  /** Each slide (1-based index in the slides PDF) whose notes continue, and the first page (1-based) they continue on. */
  readonly continued: readonly { readonly slide: number; readonly page: number }[];
}

/**
 * Notes longer than their frame are never cut and never shrunk: what does not fit moves, from the
 * first word that does not, onto a page of its own put in after the page (as many as it takes),
 * labelled with its slide. The split is the browser's own Range.extractContents(), which splits a
 * paragraph or a list where the word is and clones the elements around it, so nothing is lost or
 * doubled. Runs in the page: no imports, no helpers from outside.
 */
export async function continueNotes(page: Page): Promise<ContinuedNotes> {
  return page.evaluate(() => {
    const template = document.querySelector<HTMLTemplateElement>('#notes-continued');
    const original = [...document.querySelectorAll<HTMLElement>('.page')];
    const continued: { box: HTMLElement; slide: number }[] = [];
    const overflows = (box: HTMLElement) => box.scrollHeight > box.clientHeight + 1;
    /** The first word (after the box's own label) whose line reaches below the box. */
    const splitPoint = (box: HTMLElement): { node: Text; offset: number } | undefined => {
      const limit = box.getBoundingClientRect().top + box.clientHeight - parseFloat(getComputedStyle(box).paddingBottom);
      const ownLabel = box.firstElementChild?.classList.contains('notes-label') ? box.firstElementChild : null;
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (ownLabel?.contains(node)) continue;
        const words = /\S+/g;
        for (let match = words.exec(node.data); match; match = words.exec(node.data)) {
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rect = range.getBoundingClientRect();
          if (rect.height > 0 && rect.bottom > limit + 0.5) return { node, offset: match.index };
        }
      }
      return undefined;
    };
    /** The label of the slide whose notes are at `node` (the nearest label before it). */
    const labelBefore = (box: HTMLElement, node: Node): string => {
      const labels = [...box.querySelectorAll<HTMLElement>('.notes-label')].filter(
        (label) => label.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      const label = labels.at(-1);
      return label?.dataset['label'] ?? box.dataset['label'] ?? '';
    };
    const newPage = (after: HTMLElement): { page: HTMLElement; box: HTMLElement } => {
      const page = (template?.content.firstElementChild?.cloneNode(true) ?? document.createElement('div')) as HTMLElement;
      after.after(page);
      return { page, box: page.querySelector<HTMLElement>('.notes') ?? page };
    };
    const label = (text: string): HTMLElement => {
      const p = document.createElement('p');
      p.className = 'notes-label';
      p.dataset['label'] = text;
      p.textContent = `${text} (continued)`;
      return p;
    };
    /** Moves what overflows `box` to the end of `into`, under the label of the slide it belongs to. */
    const move = (box: HTMLElement, into: HTMLElement): boolean => {
      const at = splitPoint(box);
      const last = box.lastChild;
      if (!at || !last) return false;
      const inLabel = at.node.parentElement?.closest('.notes-label');
      const range = document.createRange();
      range.setStart(at.node, at.offset);
      range.setEndAfter(last);
      const named = labelBefore(box, at.node);
      const rest = range.extractContents();
      if (!inLabel) into.append(label(named));
      into.append(rest);
      // An element left empty where the split fell at its start (a paragraph's first word).
      for (let end = box.lastElementChild; end && end.textContent?.trim() === '' && !end.querySelector('img'); end = box.lastElementChild)
        end.remove();
      return true;
    };
    for (const page of original) {
      const boxes = [...page.querySelectorAll<HTMLElement>('.notes:not(.empty)')].filter(overflows);
      if (boxes.length === 0 || !template) continue;
      let current = newPage(page);
      for (const box of boxes) {
        const before = current.box.childNodes.length;
        if (move(box, current.box) && current.box.childNodes.length > before)
          continued.push({ box: current.box, slide: Number(box.dataset['slide']) });
      }
      // A continuation that does not fit its page goes on to the next; a bound keeps a box that
      // cannot be split (one enormous word) from making pages for ever.
      for (let pages = 0; overflows(current.box) && pages < 50; pages++) {
        const next = newPage(current.page);
        if (!move(current.box, next.box)) {
          next.page.remove();
          break;
        }
        current = next;
      }
    }
    const all = [...document.querySelectorAll<HTMLElement>('.page')];
    all.forEach((page, index) => {
      const number = page.querySelector('.page-number');
      if (number) number.textContent = `Page ${index + 1} of ${all.length}`;
    });
    return {
      pageOf: original.map((page) => all.indexOf(page)),
      continued: continued.map(({ box, slide }) => ({ slide, page: all.indexOf(box.closest<HTMLElement>('.page') ?? box) + 1 })),
    };
  });
}
