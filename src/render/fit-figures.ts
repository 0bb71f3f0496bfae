/**
 * The themes cap a figure (a drawn chart or diagram, an SVG, an image) at the room under a
 * one-line title; under a subtitle and a paragraph a tall one still ran past the slide's content
 * box (maiermic's mermaid flowcharts: 112 and 258 px; reveal-md shows them cut off at the
 * bottom). This shrinks a slide's figures, keeping their proportions, until its content fits, as
 * Quarto's auto-stretch and reveal.js's `r-stretch` size a figure to the room that is left. Never
 * below half their height: a diagram too small to read is worse than the overflow the check then
 * reports, so a slide that does not fit by then is left as it was.
 *
 * Both functions run in the page (their text is sent there: the deck's script, the print page),
 * so they name nothing outside themselves.
 */

/** Shrinks the figures of `slide` until its content reaches at most `room` layout pixels below its top; whether it changed any. */
export function fitFigures(slide: HTMLElement, room: number): boolean {
  const smallest = 0.5;
  const tolerance = 1;
  // Most slides have no figure: they cost one query, not a measure of all they hold.
  if (!slide.querySelector('img:not(.katex img), svg:not(.katex svg)')) return false;
  const scale = slide.offsetHeight > 0 ? slide.getBoundingClientRect().height / slide.offsetHeight : 0;
  if (!(scale > 0)) return false;
  // What is laid out on the slide, as the overflow check counts it: not the notes, not what an
  // SVG draws or a scrolling box holds.
  const shown = [...slide.querySelectorAll<HTMLElement>('*')].filter((element) => {
    if (element.closest('aside.notes') || (element.tagName.toLowerCase() !== 'svg' && element.closest('svg'))) return false;
    for (let parent = element.parentElement; parent && parent !== slide; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflow !== 'visible') return false;
    }
    return true;
  });
  const heightOf = (element: Element) => element.getBoundingClientRect().height / scale;
  const over = () => {
    const top = slide.getBoundingClientRect().top;
    let bottom = 0;
    for (const element of shown) {
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) bottom = Math.max(bottom, (rect.bottom - top) / scale);
    }
    return bottom - room;
  };
  let past = over();
  if (past <= tolerance) return false;
  // An SVG scales to a smaller box only with a viewBox; an image always does. Not a formula's
  // parts (KaTeX draws some in SVG), nor an icon: a figure is at least 100 px tall.
  const figures = shown.filter((element) => {
    const tag = element.tagName.toLowerCase();
    return (tag === 'img' || (tag === 'svg' && element.hasAttribute('viewBox'))) && !element.closest('.katex') && heightOf(element) >= 100;
  });
  if (figures.length === 0) return false;
  const natural = figures.map(heightOf);
  const before = figures.map((figure) => figure.style.maxHeight);
  let factor = 1;
  // Each figure by the same factor: their summed height is what comes off the slide when they
  // are stacked, less when they sit side by side, so measured again after each step.
  for (let step = 0; step < 4 && past > tolerance && factor > smallest; step++) {
    const now = figures.reduce((sum, figure) => sum + heightOf(figure), 0);
    factor = Math.max(smallest, factor * (1 - past / now));
    figures.forEach((figure, at) => (figure.style.maxHeight = `${Math.floor((natural[at] ?? 0) * factor)}px`));
    past = over();
  }
  if (past <= tolerance) return true;
  figures.forEach((figure, at) => (figure.style.maxHeight = before[at] ?? ''));
  return false;
}

/**
 * The room on a printed page (`.pdf-page`) for its slide's content, from the slide's top, as the
 * overflow check measures it (browser/overflow.ts): the slide's content box, the footer band
 * below it left out (none on a title slide), and no further than the page.
 */
export function printedRoom(page: HTMLElement, slide: HTMLElement): number {
  const height = Math.min(slide.clientHeight, page.clientHeight);
  // (A layout's slide, the title layout among them, is not fitted: its regions keep their sizes.)
  const footer = slide.classList.contains('title-slide') ? 0 : parseFloat(getComputedStyle(slide).paddingBottom);
  return Math.min(height - footer, page.clientHeight - slide.offsetTop);
}

/** In a print page: every printed slide's figures fitted to its page (a string for page.evaluate). */
export const FIT_PRINTED_FIGURES = `(function () {
  var fit = ${fitFigures.toString()};
  var room = ${printedRoom.toString()};
  document.querySelectorAll('.reveal .slides .pdf-page').forEach(function (page) {
    var slide = page.querySelector(':scope > section');
    if (slide && !slide.dataset.layout) fit(slide, room(page, slide));
  });
})()`;

/**
 * The deck's script. In the browser: the slide shown, each time one is (reveal.js lays it out
 * again when a figure shrank, so a centred slide is centred again). Under `?print-pdf`: every
 * page's slide once reveal.js has laid the pages out, before print-centre.ts centres them (a
 * centred slide's room is its whole page: it is placed once it fits).
 */
export function fitFiguresScript(): string {
  return `
(function () {
  var fit = ${fitFigures.toString()};
  var room = ${printedRoom.toString()};
  function footer(slide) {
    return slide.classList.contains('title-slide') ? 0 : parseFloat(getComputedStyle(slide).paddingBottom);
  }
  if (/print-pdf/gi.test(window.location.search)) {
    Reveal.on('pdf-ready', function () {
      var config = Reveal.getConfig();
      var offset = typeof config.pdfPageHeightOffset === 'number' ? config.pdfPageHeightOffset : -1;
      document.querySelectorAll('.reveal .slides .pdf-page').forEach(function (page) {
        var slide = page.querySelector(':scope > section');
        if (!slide || slide.dataset.layout) return;
        var centred = config.center || slide.classList.contains('center');
        fit(slide, centred ? page.offsetHeight - offset - footer(slide) : room(page, slide));
      });
    });
    return;
  }
  function fitShown() {
    var slide = Reveal.getCurrentSlide();
    if (slide && !slide.dataset.layout && fit(slide, Reveal.getConfig().height - footer(slide))) Reveal.layout();
  }
  Reveal.on('ready', fitShown);
  Reveal.on('slidechanged', fitShown);
  document.fonts.ready.then(fitShown);
})();
`;
}
