import type { CDPSession, Page } from 'puppeteer-core';

export interface ScreenshotRequest {
  /** One printed page, in CSS pixels. */
  readonly page: { readonly width: number; readonly height: number };
  readonly scale: number;
  readonly format: 'png' | 'jpeg';
  readonly quality: number;
  /** The width of the first page's preview image (PNG), in pixels; none when left out. */
  readonly previewWidth?: number | undefined;
  /**
   * Hands out the pages to take next, from and to (not included) by index, until none are left:
   * tabs taking one deck's images side by side share one, each taking the next pages when it is
   * free (pageBatches). All the pages, in one go, when left out.
   */
  readonly next?: PageBatches | undefined;
}

export interface Screenshots {
  /** Each page taken, by its index. */
  readonly pages: ReadonlyMap<number, Uint8Array>;
  readonly preview?: Uint8Array | undefined;
}

/**
 * The pages in batches of `size`, handed out in order to whichever tab asks: the build's print tab
 * comes to the images after the PDF and the PPTX are made from it, a tab of their own at once, so
 * that one takes most (200 slides: their images ended with the PPTX, not two seconds after it).
 */
export function pageBatches(size = 10): PageBatches {
  let from = 0;
  return (count) => {
    if (from >= count) return undefined;
    const batch = [from, Math.min(count, from + size)] as const;
    from = batch[1];
    return batch;
  };
}

/** The next pages of `count` (the pages the print page holds: every tab loads the same one). */
export type PageBatches = (count: number) => readonly [number, number] | undefined;

/**
 * Tabs that take a deck's images side by side, each the next pages when it is free: a screencast
 * waits on each frame more than it works (a 200-slide deck in two tabs: the same pixels, about a
 * fifth less time), so two overlap; a third gained little more on 2 cores. Only at the slide's own size
 * (screenshots at other scales wait on one another, puppeteer takes one at a time per browser),
 * and only when enough pages share the second tab's load of the page.
 */
export function screenshotTabs(scale: number, pages: number): number {
  return scale === 1 && pages >= 40 ? 2 : 1;
}

/** Passes over the pages whose frames did not come, before those still missing are taken as screenshots. */
const PASSES = 4;
/** No frame for this long after a pass (and not every frame of it came): the screencast has sent what it drew. */
const QUIET_MS = 60;
/** A pass ends after this long a page at the most (a frame is 17 ms), whatever comes. */
const PASS_MS_A_PAGE = 100;

/**
 * Every page of an open print page as an image. The page is shown as it prints (print media,
 * the page's own size as the window, each page exactly one page tall, as on paper), then each is
 * scrolled into the window and the window captured: one tab, one layout, no page reloaded.
 */
export async function screenshotPages(page: Page, request: ScreenshotRequest): Promise<Screenshots> {
  const { width, height } = request.page;
  const viewport = page.viewport();
  await page.emulateMediaType('print');
  await page.setViewport({ width, height, deviceScaleFactor: request.scale });
  try {
    // reveal.js's print layout makes each page a pixel shorter than the paper (pdfPageHeightOffset).
    // Two animation frames: a frame with the new heights drawn, so that the screencast's first
    // frame (the page as it was last drawn) is not one from before (its pages a pixel shorter).
    const tops = await page.evaluate(async (pageHeight: number) => {
      const style = document.createElement('style');
      style.id = 'rfc-brief-screenshots';
      style.textContent = `html.reveal-print .reveal .slides .pdf-page{height:${pageHeight}px !important}`;
      document.head.append(style);
      const drawn = () => new Promise((resolve) => requestAnimationFrame(resolve));
      await drawn().then(drawn);
      return [...document.querySelectorAll('.pdf-page')].map((element) => element.getBoundingClientRect().top + window.scrollY);
    }, height);
    const next = request.next ?? pageBatches(tops.length);
    const batches = (): (readonly [number, number])[] | undefined => {
      const batch = next(tops.length);
      return batch && [...Array(batch[1] - batch[0]).keys()].map((offset) => [batch[0] + offset, tops[batch[0] + offset] ?? 0] as const);
    };
    const pages = request.scale === 1 ? await screencast(page, batches, request) : await screenshotBatches(page, batches, request);
    if (request.previewWidth === undefined) return { pages };
    await page.setViewport({ width, height, deviceScaleFactor: request.previewWidth / width });
    const [preview] = await screenshots(page, tops.slice(0, 1), { ...request, format: 'png' });
    return { pages, preview: preview ?? new Uint8Array() };
  } finally {
    // The page is left as it was found: the build's print tab is printed and walked after it too.
    // (What stopped the images, if anything did, is what is said: not a page that could not be put back.)
    await page
      .evaluate(() => {
        document.getElementById('rfc-brief-screenshots')?.remove();
        window.scrollTo(0, 0);
      })
      .then(() => page.emulateMediaType())
      .then(() => page.setViewport(viewport))
      .catch(() => undefined);
  }
}

/** The next pages, each as its index and where it starts on the print page; none once all are handed out. */
type Batches = () => (readonly [number, number])[] | undefined;

async function screenshotBatches(page: Page, batches: Batches, request: ScreenshotRequest): Promise<Map<number, Uint8Array>> {
  const images = new Map<number, Uint8Array>();
  for (let batch = batches(); batch; batch = batches()) {
    const taken = await screenshots(
      page,
      batch.map(([, top]) => top),
      request,
    );
    batch.forEach(([index], at) => images.set(index, taken[at] ?? new Uint8Array()));
  }
  return images;
}

/**
 * page.screenshot, not a session of our own: only the page's own session draws at the scale set.
 * A PNG is encoded for speed (less compression, the same pixels: compared, page by page).
 */
async function screenshots(page: Page, tops: readonly number[], request: ScreenshotRequest): Promise<Uint8Array[]> {
  const images: Uint8Array[] = [];
  for (const top of tops) {
    await page.evaluate((y: number) => window.scrollTo(0, y), top);
    const encoding = request.format === 'jpeg' ? { quality: request.quality } : { optimizeForSpeed: true };
    images.push(await page.screenshot({ type: request.format, ...encoding }));
  }
  return images;
}

/**
 * At the slide's own size, the frames Chromium draws anyway as the page scrolls (a screencast):
 * the same pixels as a screenshot (compared, page by page), at a third to a half of its time,
 * which waits for a frame drawn on purpose. A screencast draws at the window's size in CSS pixels
 * whatever the scale, so other scales take screenshots.
 *
 * The page scrolls itself a page a frame (requestAnimationFrame), and each frame is kept by where
 * it was scrolled to: 17 ms a page on the default briefing, where scrolling from here and waiting
 * for each frame took 26 ms (200 slides: 2.93-3.02 s against 3.38 s for the images). A page whose
 * frame did not come is scrolled to again; one that still does not is taken as a screenshot.
 */
async function screencast(page: Page, batches: Batches, request: ScreenshotRequest): Promise<Map<number, Uint8Array>> {
  const cdp = await page.createCDPSession();
  const frames = new Map<number, string>();
  let wanted = new Set<number>();
  let came: () => void = () => undefined;
  cdp.on('Page.screencastFrame', (frame) => {
    void cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => undefined);
    const y = Math.round(frame.metadata.scrollOffsetY);
    if (frames.has(y) || !wanted.has(y)) return;
    frames.set(y, frame.data);
    // Only a wanted frame keeps a pass waiting: a page that animates sends frames without end.
    came();
  });
  const images = new Map<number, Uint8Array>();
  try {
    for (let batch = batches(), first = true; batch; batch = batches(), first = false) {
      let missing = batch.map(([, top]) => Math.round(top));
      wanted = new Set(missing);
      if (first) {
        // The first frame comes when the screencast starts, with the page where it is (the first top).
        await page.evaluate((y: number) => window.scrollTo(0, y), missing[0] ?? 0);
        await start(cdp, request);
      }
      // A frame the screencast dropped (it sends none while it encodes the last) is scrolled to
      // again: a tenth of them at 200 slides, fewer each pass.
      for (let pass = 0; pass < PASSES && missing.length > 0; pass++) {
        await page.evaluate(scrollEachFrame, missing);
        // The last frames are drawn and sent after the last scroll: waited for until none comes for a while.
        const waited = missing;
        const all = () => waited.every((y) => frames.has(y));
        let quiet: NodeJS.Timeout | undefined;
        let deadline: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          quiet = setTimeout(resolve, QUIET_MS);
          // However the frames come, a pass ends: its pages a frame each, and the quiet after.
          deadline = setTimeout(resolve, QUIET_MS + waited.length * PASS_MS_A_PAGE);
          came = () => {
            clearTimeout(quiet);
            if (all()) resolve();
            else quiet = setTimeout(resolve, QUIET_MS);
          };
          if (all()) resolve();
        });
        clearTimeout(quiet);
        clearTimeout(deadline);
        came = () => undefined;
        const left = missing.filter((y) => !frames.has(y));
        if (left.length === missing.length) break;
        missing = left;
      }
      for (const [index, top] of batch) {
        const data = frames.get(Math.round(top));
        // Decoded once: the frame's text is not kept beside its bytes.
        frames.delete(Math.round(top));
        images.set(
          index,
          data === undefined ? ((await screenshots(page, [top], request))[0] ?? new Uint8Array()) : Buffer.from(data, 'base64'),
        );
      }
    }
    return images;
  } finally {
    await cdp.send('Page.stopScreencast').catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}

/** In the page: scrolls to each offset in turn, one each animation frame (the first where it is already drawn). */
function scrollEachFrame(ys: readonly number[]): Promise<void> {
  return new Promise<void>((done) => {
    let next = 0;
    const step = () => {
      if (next >= ys.length) return done();
      window.scrollTo(0, ys[next++] ?? 0);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

function start(cdp: CDPSession, request: ScreenshotRequest): Promise<unknown> {
  return cdp.send('Page.startScreencast', {
    format: request.format,
    ...(request.format === 'jpeg' ? { quality: request.quality } : {}),
    everyNthFrame: 1,
  });
}
