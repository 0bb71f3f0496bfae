/**
 * A reveal.js theme may name a family it does not ship (beige names "Source Sans Pro", Helvetica,
 * sans-serif and declares only League Gothic). What the browser then falls back to depends on the
 * machine: on a Debian with Noto Color Emoji and no Helvetica, the emoji font draws the digits and
 * spaces, and a line of type sets twice as wide as the author saw. A sans-serif family the theme
 * names first and does not declare is drawn in the Inter we ship, under its own name, as
 * reveal-extras.css does for the Google Fonts the themes import. A serif family keeps the
 * fallback its theme lists (DejaVu Serif, installed by setup, reads as one).
 */

/** Families reveal-extras.css already maps to Inter. */
const MAPPED = new Set(['lato', 'montserrat', 'news cycle', 'open sans', 'quicksand', 'ubuntu']);

const LATIN =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';
const LATIN_EXT =
  'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF';
/** The Inter files FONT_FILES ships: [weight, style, file style]. */
const FACES = [
  ['400', 'normal', '400-normal'],
  ['400', 'italic', '400-italic'],
  ['600', 'normal', '600-normal'],
  ['700', 'normal', '700-normal'],
] as const;

/** The families a theme's --r-main-font and --r-heading-font name first. */
function firstFamilies(css: string): { family: string; chain: string }[] {
  return [...css.matchAll(/--r-(?:main|heading)-font:([^;}]+)/g)].map((match) => {
    const chain = match[1] ?? '';
    return { family: (chain.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, ''), chain };
  });
}

function declares(css: string, family: string): boolean {
  const name = family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`@font-face\\s*\\{[^}]*font-family:\\s*["']?${name}["']?\\s*[;}]`, 'i').test(css);
}

/** The @font-face rules that draw a theme's undeclared sans-serif families in the shipped Inter. */
export function unshippedFamilyAliases(css: string): string {
  const families = new Set<string>();
  for (const { family, chain } of firstFamilies(css)) {
    const sans = /(^|,)\s*sans-serif\s*$/.test(chain);
    if (!family || family.startsWith('-') || !sans || MAPPED.has(family.toLowerCase()) || declares(css, family)) continue;
    families.add(family);
  }
  return [...families]
    .flatMap((family) =>
      FACES.flatMap(([weight, style, file]) =>
        [
          ['latin', LATIN],
          ['latin-ext', LATIN_EXT],
        ].map(
          ([subset, range]) =>
            `@font-face{font-family:'${family}';font-style:${style};font-weight:${weight};font-display:block;` +
            `src:url(fonts/inter-${subset}-${file}.woff2) format('woff2');unicode-range:${range}}`,
        ),
      ),
    )
    .join('\n');
}
