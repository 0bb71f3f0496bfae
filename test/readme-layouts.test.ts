import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES } from '../src/markdown/layouts.js';
// @ts-expect-error: a plain script, without types
import { readmeExamples } from '../scripts/layout-pictures.mjs';
import { briefingOf } from './helpers/briefing.js';
import { ROOT } from './helpers/paths.js';

const examples = (readmeExamples as (readme: string) => { name: string; markdown: string }[])(
  readFileSync(join(ROOT, 'README.md'), 'utf8'),
);

describe("the README's layout examples", () => {
  it('show every layout once, and the callouts, each with its picture', () => {
    expect(examples.map((example) => example.name)).toEqual([...LAYOUT_NAMES, 'callouts']);
    for (const { name } of examples) expect(() => readFileSync(join(ROOT, 'docs/layouts', `${name}.png`))).not.toThrow();
  });

  it.each(examples.filter((example) => example.name !== 'callouts'))('build as the layout they show: $name', ({ name, markdown }) => {
    const slide = briefingOf(markdown).stacks[0]?.[0];
    expect(slide?.layout).toBe(name);
    for (const region of slide?.regions ?? []) if (region.name !== 'chart') expect(region.html, region.name).not.toBe('');
  });

  it('show callouts of three kinds', () => {
    const html = briefingOf(examples.at(-1)?.markdown ?? '').stacks[0]?.[0]?.regions[0]?.html ?? '';
    expect([...html.matchAll(/data-callout="(\w+)"/g)].map((match) => match[1])).toEqual(['decision', 'note', 'warning']);
  });
});
