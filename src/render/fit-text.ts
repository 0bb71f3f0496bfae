/**
 * reveal.js fits `r-fit-text` to its parent's width including the padding (the whole slide: the
 * themes pad it, so 80 px were cut at the right) and to 80 % of the slide's height, whatever
 * is above it (a short word grew taller than the room under the title and fell off the printed
 * page). Each time reveal.js has fitted one, this shrinks every fitted text to the slide's content
 * box: as wide as the padding leaves, as tall as the room from where it starts to the footer.
 * It only ever shrinks, so text reveal.js fitted within the box is left as it is.
 */
const FIT_TO_CONTENT_BOX = `
(function () {
  function fit(text) {
    var slide = text.closest && text.closest('section');
    if (!slide || !text.classList.contains('r-fit-text') || text.offsetWidth === 0) return;
    // Layout pixels, not screen ones: reveal.js scales the slides to the window.
    var left = 0;
    var top = 0;
    for (var at = text; at && at !== slide; at = at.offsetParent) {
      left += at.offsetLeft;
      top += at.offsetTop;
      if (!slide.contains(at.offsetParent)) return;
    }
    var style = getComputedStyle(slide);
    var wide = (slide.clientWidth - parseFloat(style.paddingRight) - left) / text.offsetWidth;
    var tall = (slide.clientHeight - parseFloat(style.paddingBottom) - top) / text.offsetHeight;
    // 2 % to spare: the printed page is a pixel shorter than the slide (pdfPageHeightOffset), and
    // glyphs of a size just fitted may round past the edge.
    var ratio = Math.min(wide, tall) * 0.98;
    if (!(ratio < 0.98) || ratio <= 0) return;
    text.style.fontSize = Math.floor(parseFloat(getComputedStyle(text).fontSize) * ratio) + 'px';
  }
  // fitty (reveal.js's fitting) sets each size a frame later and then says so with a "fit" event.
  document.addEventListener('fit', function (event) { fit(event.target); }, true);
  // A size fitted before the theme's font came is fitted again once it is there.
  function fitAll() {
    document.querySelectorAll('.reveal .slides section .r-fit-text').forEach(fit);
  }
  document.fonts.ready.then(fitAll);
  document.fonts.addEventListener('loadingdone', fitAll);
})();
`;

/** The script, for a deck with fitted text (none is added to one without). */
export function fitTextScript(hasFittedText: boolean): string {
  return hasFittedText ? FIT_TO_CONTENT_BOX : '';
}
