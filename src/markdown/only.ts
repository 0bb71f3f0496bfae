/** The documents a briefing builds from one source. */
export const TARGETS = ['slides', 'report'] as const;
export type Target = (typeof TARGETS)[number];

const OPEN = /^\s*<!--\s*(slides|report)(?:-only)?\s*-->\s*$/;
const CLOSE = /^\s*<!--\s*\/(slides|report)(?:-only)?\s*-->\s*$/;

/**
 * Keeps the Markdown one document needs: lines between `<!-- report -->` and `<!-- /report -->`
 * appear only in the report, lines between `<!-- slides -->` and `<!-- /slides -->` only on the
 * slides. The marker lines become blank lines, so line numbers stay true.
 */
export function selectFor(markdown: string, target: Target): string {
  if (!markdown.includes('<!--')) return markdown;
  let inside: Target | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const open = OPEN.exec(line)?.[1] as Target | undefined;
      if (open && inside === undefined) {
        inside = open;
        return '';
      }
      const close = CLOSE.exec(line)?.[1];
      if (close && close === inside) {
        inside = undefined;
        return '';
      }
      return inside === undefined || inside === target ? line : '';
    })
    .join('\n');
}

/** True when the Markdown has a region for one document only. */
export function hasRegions(markdown: string): boolean {
  return markdown.split('\n').some((line) => OPEN.test(line));
}

/** The stacks one document shows: slides marked for the other document left out, empty stacks dropped. */
export function stacksFor<S extends { readonly only: Target | undefined }>(stacks: readonly (readonly S[])[], target: Target): S[][] {
  return stacks
    .map((stack) => stack.filter((slide) => slide.only === undefined || slide.only === target))
    .filter((stack) => stack.length > 0);
}
