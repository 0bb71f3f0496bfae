/**
 * reveal.js's print layout (`?print-pdf`) centres each slide on its page by the slide's height,
 * but measures that height before it gives the slide its width: a title that wraps to three
 * lines at the slide's width was measured at two, so the slide was placed too low and its last
 * lines ran off the page (sky's "Four mechanisms" slide lost its whole list, an inline block
 * Chromium moved to a page that is cut away). Once reveal.js has laid the pages out, this
 * centres each centred slide again by its height as laid out, as reveal.js means to, and then
 * says so with the event the build waits for (PRINT_READY_EVENT).
 */
export const PRINT_READY_EVENT = 'rfc-brief-print-ready';

const CENTRE_ON_PAGE = `
(function () {
  if (!/print-pdf/gi.test(window.location.search)) return;
  Reveal.on('pdf-ready', function () {
    var config = Reveal.getConfig();
    var offset = typeof config.pdfPageHeightOffset === 'number' ? config.pdfPageHeightOffset : -1;
    document.querySelectorAll('.reveal .slides .pdf-page').forEach(function (page) {
      var slide = page.querySelector(':scope > section');
      if (!slide || !(config.center || slide.classList.contains('center'))) return;
      var pageHeight = page.offsetHeight - offset;
      slide.style.top = Math.max((pageHeight - slide.scrollHeight) / 2, 0) + 'px';
    });
    document.dispatchEvent(new Event('${PRINT_READY_EVENT}'));
  });
})();
`;

/** The script every deck carries: it does nothing unless the deck is printed (`?print-pdf`). */
export function printCentreScript(): string {
  return CENTRE_ON_PAGE;
}
