import type { SlideStack } from '../markdown/model.js';

/**
 * The styles code with line numbers needs (markdown/code-lines.ts lays it out). reveal.css has the
 * highlight plugin's dimming and the steps' copies laid over the code; these are what the plugin
 * itself injects (highlightjs-line-numbers: the numbers are drawn from data-line-number), then
 * what keeps the line table from looking like one of the slide's tables, whatever the theme:
 * no type size, padding, banding or rules of its own, and the <pre> the place the copies of its
 * code are laid over.
 */
const CSS = [
  '.hljs-ln{border-collapse:collapse}.hljs-ln td{padding:0}.hljs-ln-n:before{content:attr(data-line-number)}',
  '.reveal pre.code-wrapper{position:relative}',
  '.reveal .hljs table.hljs-ln{margin:0;border:0;font-size:inherit;line-height:inherit;width:auto}',
  '.reveal .hljs table.hljs-ln td{padding:0;border:0;background:none;vertical-align:top}',
  '.reveal .hljs table.hljs-ln td.hljs-ln-numbers{padding-right:.75em;text-align:right;user-select:none}',
].join('\n');

/** A <style> for the deck and its print page, when a slide has numbered code (none otherwise). */
export function numberedCodeStyle(stacks: readonly SlideStack[]): string {
  return stacks.some((stack) => stack.some((slide) => slide.numberedCode > 0)) ? `<style>\n${CSS}\n</style>` : '';
}
