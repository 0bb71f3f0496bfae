/**
 * The Google Fonts families reveal.js's themes @import (the imports are removed:
 * withoutRemoteImports), each drawn in the Inter we ship under the family's own name, so the
 * theme's font-family lists (and slides.pptx's font names) stay as written. @fontsource/lato,
 * open-sans, montserrat, ubuntu, news-cycle and quicksand would ship the real ones.
 */
const ALIASES = ['Lato', 'Open Sans', 'Montserrat', 'Ubuntu', 'News Cycle', 'Quicksand'] as const;

/** blood.css sets its text in Ubuntu 300: the regular faces answer it (Inter ships no light). */
const WEIGHTS: Partial<Record<string, Record<string, string>>> = { Ubuntu: { '400': '300 400' } };

/** fonts.css's Inter faces (every weight, style and unicode-range it ships), under `family`, one rule a line. */
function interFacesAs(fontsCss: string, family: string): string[] {
  return [...fontsCss.matchAll(/@font-face\s*\{[^}]*\}/g)]
    .map(([rule]) => rule)
    .filter((rule) => /font-family:\s*'Inter';/.test(rule))
    .map((rule) =>
      rule
        .replace(/font-family:\s*'Inter';/, `font-family: '${family}';`)
        .replace(/font-weight:\s*(\d+);/, (whole, weight: string) => {
          const alias = WEIGHTS[family]?.[weight];
          return alias ? `font-weight: ${alias};` : whole;
        })
        .replace(/\s*\n\s*/g, ' '),
    );
}

/** The families reveal.js's themes import, drawn in fonts.css's Inter (lib/theme/font-aliases.css). */
export function fontAliases(fontsCss: string): string {
  return ALIASES.flatMap((family) => interFacesAs(fontsCss, family)).join('\n');
}

/**
 * A reveal.js theme may name a family it does not ship (beige names "Source Sans Pro", Helvetica,
 * sans-serif and declares only League Gothic). What the browser then falls back to depends on the
 * machine: on a Debian with Noto Color Emoji and no Helvetica, the emoji font draws the digits and
 * spaces, and a line of type sets twice as wide as the author saw. A sans-serif family the theme
 * names first and does not declare is drawn in the Inter we ship, under its own name, as
 * fontAliases does for the Google Fonts the themes import. A serif family keeps the
 * fallback its theme lists (DejaVu Serif, installed by setup, reads as one).
 */

/** Families fontAliases already maps to Inter. */
const MAPPED = new Set<string>(ALIASES.map((family) => family.toLowerCase()));

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

/** The @font-face rules that draw a theme's undeclared sans-serif families in the shipped Inter (fonts.css's faces). */
export function unshippedFamilyAliases(css: string, fontsCss: string): string {
  const families = new Set<string>();
  for (const { family, chain } of firstFamilies(css)) {
    const sans = /(^|,)\s*sans-serif\s*$/.test(chain);
    if (!family || family.startsWith('-') || !sans || MAPPED.has(family.toLowerCase()) || declares(css, family)) continue;
    families.add(family);
  }
  return [...families].flatMap((family) => interFacesAs(fontsCss, family)).join('\n');
}
