import { type Diagnostic, type SourceLocation, warning } from '../errors.js';

/**
 * The reveal.js options (https://revealjs.com/config/) a --safe deck may set: how it looks and
 * moves, each a plain value. Everything else is left out, named or not: options that load code
 * or pages (`dependencies`, `plugins`, `previewLinks`, a plugin's settings such as `markdown`,
 * `highlight`, `katex`, `mathjax3`, `multiplex`), talk to other windows (`postMessage`) or name a
 * function (`keyboardCondition`, `autoAnimateMatcher`), and those of plugins rfc-brief never heard of.
 */
const SAFE_REVEAL_OPTIONS: ReadonlySet<string> = new Set(
  (
    'width height margin minScale maxScale controls controlsTutorial controlsLayout controlsBackArrows progress ' +
    'slideNumber showSlideNumber hashOneBasedIndex hash respondToHashChanges jumpToSlide history keyboard ' +
    'disableLayout overview center touch loop rtl navigationMode shuffle fragments fragmentInURL embedded help ' +
    'pause showNotes showHiddenSlides autoPlayMedia preloadIframes preventIframeAutoFocus autoAnimate ' +
    'autoAnimateEasing autoAnimateDuration autoAnimateUnmatched autoSlide autoSlideStoppable defaultTiming ' +
    'mouseWheel focusBodyOnPageVisibilityChange transition transitionSpeed backgroundTransition ' +
    'parallaxBackgroundSize parallaxBackgroundRepeat parallaxBackgroundPosition parallaxBackgroundHorizontal ' +
    'parallaxBackgroundVertical view scrollLayout scrollSnap scrollProgress scrollActivationWidth ' +
    'pdfMaxPagesPerSlide pdfSeparateFragments pdfPageHeightOffset viewDistance mobileViewDistance display ' +
    'hideInactiveCursor hideCursorTime sortFragmentsOnSync'
  ).split(' '),
);

/**
 * --safe: the content's reveal.js options cut down to the allowlist, each a boolean, a number or
 * a short line of text (`keyboard: {…}` binds keys to code; a plain `keyboard: false` is kept).
 */
export function safeRevealOptions(
  options: Readonly<Record<string, unknown>>,
  where: SourceLocation | undefined,
  warnings: Diagnostic[],
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    const plain = typeof value === 'boolean' || typeof value === 'number' || (typeof value === 'string' && value.length <= 200);
    if (SAFE_REVEAL_OPTIONS.has(key) && plain) kept[key] = value;
    else dropped.push(key);
  }
  if (dropped.length > 0) {
    warnings.push(
      warning(
        'front-matter',
        `revealOptions ${dropped.map((key) => `"${key}"`).join(', ')} ignored under --safe: only options of how the deck looks and moves, each a plain value, are kept`,
        where,
      ),
    );
  }
  return kept;
}
