import { extname, relative, isAbsolute } from 'node:path';
import type { RenderedDeck } from '../pipeline/request.js';
import { joinDeck } from '../render/deck.js';
import { LIVE_CLIENT_PATH } from '../render/document.js';
import { renderAttributes } from '../render/html.js';

/**
 * The deck as the open pages show it, and what a new render of it means for them: nothing, a
 * patch (some top-level slides replaced, added or removed), or a reload.
 */
export interface DeckPatch {
  /** The version of the deck the page must show for the patch to apply; else it reloads. */
  readonly from: number;
  readonly to: number;
  /** How many top-level slides the page has before the patch (else it is not the deck patched). */
  readonly total: number;
  /** Top-level slides from `start`: `remove` of them replaced by `sections`. */
  readonly start: number;
  readonly remove: number;
  readonly sections: readonly string[];
  /**
   * Slides outside the run whose only change is their line in the file (a line added above
   * them): the new `data-source` of each slide in the top-level slide at that index.
   */
  readonly moved: readonly (readonly [number, readonly string[]])[];
}

export type DeckChange =
  | { readonly kind: 'none' }
  /** `now`: sent before the files are written; else once they are (the patch names a new asset). */
  | { readonly kind: 'patch'; readonly patch: DeckPatch; readonly now: boolean }
  | { readonly kind: 'reload' };

/**
 * Files whose change reaches the page only through the slides' HTML (the Markdown, the data a
 * chart is drawn from, the settings): a patch can show it. Any other file (a stylesheet, an
 * image, a script, a theme) is loaded by the page itself, which reloads to see it.
 */
const TEXT_INPUTS = new Set(['.md', '.markdown', '.csv', '.tsv', '.json', '.yaml', '.yml', '.txt']);

/** Whether a page can follow a change of these files (undefined: not known) by a patch. */
export function patchable(files: ReadonlySet<string> | undefined, root: string): boolean {
  if (files === undefined) return false;
  for (const file of files) {
    const inside = relative(root, file);
    if (inside.startsWith('..') || isAbsolute(inside) || !TEXT_INPUTS.has(extname(file).toLowerCase())) return false;
  }
  return true;
}

export class LiveDeck {
  private shown: { readonly deck: RenderedDeck; readonly version: number } | undefined;

  /** The version of the deck the latest render is; undefined before the first. */
  get version(): number | undefined {
    return this.shown?.version;
  }

  /**
   * The deck page as served: the latest render, its version in the live client's URL, so that the
   * page can tell whether a patch applies to what it shows.
   */
  page(): string | undefined {
    if (!this.shown) return undefined;
    const { deck, version } = this.shown;
    const client = `<script src="${LIVE_CLIENT_PATH}"></script>`;
    return joinDeck({
      ...deck.parts,
      after: deck.parts.after.replace(client, `<script src="${LIVE_CLIENT_PATH}?deck=${version}"></script>`),
    });
  }

  /** Takes a new render; `patchable`: what changed since the last one can be shown by a patch. */
  update(deck: RenderedDeck, canPatch: boolean): DeckChange {
    const before = this.shown;
    const version = (before?.version ?? 0) + 1;
    const frameSame =
      before !== undefined && before.deck.parts.before === deck.parts.before && before.deck.parts.after === deck.parts.after;
    // The deck's own scripts ran on the slides as the page started: new slides get them by a reload.
    if (!before || !canPatch || !frameSame || deck.ownScripts) {
      this.shown = { deck, version };
      return { kind: 'reload' };
    }
    const old = before.deck.parts;
    const next = deck.parts;
    const { start, remove, add } = spliceOf(keysOf(old), keysOf(next));
    const moved: [number, readonly string[]][] = [];
    next.sections.forEach((html, index) => {
      const inRun = index >= start && index < start + add;
      const was = index < start ? index : index - add + remove;
      if (!inRun && html !== old.sections[was]) moved.push([index, next.sources[index] ?? []]);
    });
    if (remove === 0 && add === 0 && moved.length === 0) return { kind: 'none' };
    this.shown = { deck, version };
    const known = new Set(before.deck.assets);
    return {
      kind: 'patch',
      patch: {
        from: before.version,
        to: version,
        total: old.sections.length,
        start,
        remove,
        sections: next.sections.slice(start, start + add),
        moved,
      },
      now: deck.assets.every((asset) => known.has(asset)),
    };
  }
}

/**
 * Each top-level slide as it compares: its HTML without the line it starts on (data-source, as
 * renderDeck writes it), so that a line added to one slide changes that slide only.
 */
function keysOf(parts: RenderedDeck['parts']): string[] {
  return parts.sections.map((html, index) =>
    (parts.sources[index] ?? []).reduce((key, source) => key.replace(renderAttributes({ 'data-source': source }), ''), html),
  );
}

/** The smallest run of slides whose replacement turns `old` into `next` (common head and tail kept). */
export function spliceOf(old: readonly string[], next: readonly string[]): { start: number; remove: number; add: number } {
  let start = 0;
  while (start < old.length && start < next.length && old[start] === next[start]) start++;
  let tail = 0;
  while (tail < old.length - start && tail < next.length - start && old[old.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  return { start, remove: old.length - start - tail, add: next.length - start - tail };
}
