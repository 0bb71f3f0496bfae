import type { Page } from 'puppeteer-core';
import type { PageArea } from '../render/paper.js';

/** The content areas of the report's pages: its first page (the cover's) and the others. */
export interface PageAreas {
  readonly first: PageArea;
  readonly rest: PageArea;
}

/**
 * On which page each heading will be printed, guessed on the loaded page before it is printed:
 * the report laid out in print media as columns the size of a page's content area, one column a
 * page. Chromium breaks columns by the rules it breaks pages by (break-before/after/inside,
 * orphans, widows, a table's repeated header), so a heading's column is most often its page.
 * A box placed in the initial containing block is placed in the first page's area, as when
 * printed. Every change to the page is undone but one: it is left in print media, which is what
 * a print lays it out in anyway (the PDF is the same), so that the print after this finds the
 * page's print styles computed rather than recomputing them from the screen's (70-80 ms of the
 * default briefing's). A wrong guess only costs a second print (printReport checks the PDF's own
 * destinations).
 */
export async function guessContentsPages(
  page: Page,
  headingIds: readonly string[],
  areas: PageAreas,
): Promise<Record<string, number | undefined>> {
  // Hidden while the media changes, else Chromium draws a frame of the whole report first.
  const hidden = await page.evaluateHandle(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('html { display: none !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return sheet;
  });
  try {
    await page.emulateMediaType('print');
    return await page.evaluate(layInColumns, hidden, headingIds, areas);
  } finally {
    await page.evaluate((sheet) => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((other) => other !== sheet);
    }, hidden);
    await hidden.dispose();
  }
}

/** Runs in the page, serialised by puppeteer: nothing from outside it. */
function layInColumns(hidden: CSSStyleSheet, headingIds: readonly string[], areas: PageAreas): Record<string, number | undefined> {
  // Shown again to be laid out; taken away by the caller (also when this throws).
  hidden.disabled = true;
  const body = document.body;
  const cover = body.querySelector(':scope > .cover');
  // Every box changed, with its style attribute as it was: put back whatever happens.
  const saved = new Map<HTMLElement, string | null>();
  const restyle = (element: Element, change: Partial<CSSStyleDeclaration>) => {
    if (!(element instanceof HTMLElement)) return;
    if (!saved.has(element)) saved.set(element, element.getAttribute('style'));
    Object.assign(element.style, change);
  };
  // Every box's style is read before any is changed (else each read would lay the page out again).
  // A page break forced inside a multi-column box breaks no column: each becomes a column break.
  const forced = new Set(['page', 'left', 'right', 'recto', 'verso']);
  const breaks: [Element, 'breakBefore' | 'breakAfter'][] = [];
  const placed: Element[] = [];
  for (const element of body.querySelectorAll('*')) {
    const style = getComputedStyle(element);
    if (forced.has(style.breakBefore)) breaks.push([element, 'breakBefore']);
    if (forced.has(style.breakAfter)) breaks.push([element, 'breakAfter']);
    // Placed in the initial containing block, which is the first page's area when printed.
    const placedInPage =
      style.position === 'absolute' && element instanceof HTMLElement && (element.offsetParent === null || element.offsetParent === body);
    if (style.position === 'fixed' || placedInPage) placed.push(element);
  }
  for (const [element, side] of breaks) restyle(element, { [side]: 'column' });
  /** The body as wide as `area` (and in columns as high), the page's box as the first page's area. */
  const lay = (area: PageArea, scale: number, columns: boolean) => {
    const mm = (length: number) => `${length * scale}mm`;
    restyle(document.documentElement, { position: 'relative', width: mm(areas.first.width), height: mm(areas.first.height) });
    restyle(body, {
      boxSizing: 'content-box',
      margin: '0',
      padding: '0',
      border: '0',
      width: mm(area.width),
      height: columns ? mm(area.height) : 'auto',
      columns: columns ? 'auto 1' : 'auto',
      columnGap: mm(area.width),
      columnFill: 'auto',
    });
  };
  /** The body laid out in columns of `area`, a column apart; which column a box starts in. */
  const columnsOf = (area: PageArea, scale: number) => {
    lay(area, scale, true);
    const origin = body.getBoundingClientRect();
    return (element: Element | null): number | undefined => {
      const first = element?.getClientRects()[0];
      // A box may hang out of its column (a heading's number in the gutter): the nearest column.
      return first && Math.floor((first.left - origin.left + origin.width / 2) / (2 * origin.width));
    };
  };
  const hide = (elements: readonly Element[]) => {
    const shown = elements.map((element) => (element instanceof HTMLElement ? element.style.display : ''));
    for (const element of elements) restyle(element, { display: 'none' });
    return () => elements.forEach((element, i) => restyle(element, { display: shown[i] ?? '' }));
  };
  try {
    const others = [...body.children].filter((child) => child !== cover);
    const showCover = cover ? hide([cover]) : () => undefined;
    // Content wider than a page makes Chromium print every page smaller (up to 1.5 times), laid
    // out as wide as the content and as much taller: measured once at the page's width.
    lay(areas.rest, 1, false);
    const width = body.getBoundingClientRect().width;
    const left = body.getBoundingClientRect().left;
    const wide = Math.max(body.scrollWidth, ...placed.map((e) => e.getBoundingClientRect().left + e.scrollWidth - left));
    const scale = wide - width < 1 ? 1 : Math.min(1.5, wide / width);
    let coverPages = 0;
    if (cover) {
      showCover();
      const showOthers = hide(others);
      columnsOf(areas.first, scale);
      coverPages = Math.max(1, cover.getClientRects().length);
      showOthers();
      hide([cover]);
    }
    const column = columnsOf(areas.rest, scale);
    return Object.fromEntries(
      headingIds.map((id) => {
        const at = column(document.getElementById(id));
        return [id, at === undefined ? undefined : coverPages + at + 1];
      }),
    );
  } finally {
    for (const [element, style] of saved) {
      element.setAttribute('style', style ?? '');
      // Written first: an attribute changed through .style and only removed came back as style="".
      if (style === null) element.removeAttribute('style');
    }
  }
}
