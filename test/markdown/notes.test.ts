import { describe, expect, it } from 'vitest';
import { lintBriefing } from '../../src/check/lint.js';
import { renderDeck } from '../../src/render/deck.js';
import { renderHandout } from '../../src/render/handout.js';
import { renderReport } from '../../src/render/report.js';
import { briefingOf } from '../helpers/briefing.js';

const ASIDE = '## Costs\n\n- one point\n\n<aside class="notes">Say that the cost is <em>small</em>.</aside>';

describe('notes written the reveal.js way (<aside class="notes">)', () => {
  const briefing = briefingOf(ASIDE, { titleSlide: false });
  const slide = briefing.stacks[0]?.[0];

  it("are the slide's notes, taken out of its body", () => {
    expect(slide?.notes.html).toContain('Say that the cost is <em>small</em>.');
    expect(slide?.notes.reportHtml).toContain('Say that the cost is <em>small</em>.');
    expect(slide?.regions[0]?.html).not.toContain('aside');
  });

  it('are not reported missing by check', () => {
    expect(lintBriefing(briefing).filter((finding) => finding.code === 'no-notes')).toEqual([]);
  });

  it('are printed by the handout instead of blank lines', () => {
    const { html } = renderHandout({ ...briefing, layout: '3', stylesheets: [] });
    expect(html).toContain('Say that the cost is <em>small</em>.');
    expect(html).not.toContain('class="notes empty"');
  });

  it('show once in the deck and as prose in the report', () => {
    const deck = renderDeck({ ...briefing, stylesheets: [] });
    expect(deck.match(/<aside class="notes">/g)).toHaveLength(1);
    expect(renderReport({ ...briefing, stylesheets: [], sourcesHtml: [] }).html).toMatch(/<div class="prose">\s*Say that the cost/);
  });

  it('join notes written with Note:', () => {
    const both = briefingOf(`${ASIDE}\n\nNote: And then the next step.`, { titleSlide: false }).stacks[0]?.[0];
    expect(both?.notes.html).toMatch(/And then the next step\.[\s\S]*Say that the cost/);
  });
});

describe('a "Table: caption" line under a table', () => {
  const briefing = briefingOf('## Costs\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTable: Cost per call\n\nNote: n.', { titleSlide: false });

  it('is the table\'s caption on the slide, not a paragraph that says "Table:"', () => {
    const html = briefing.stacks[0]?.[0]?.regions[0]?.html ?? '';
    expect(html).toMatch(/<table>\s*<caption>Cost per call<\/caption>/);
    expect(html).not.toContain('Table:');
  });

  it('is the numbered caption of the table in the report, once', () => {
    const { html } = renderReport({ ...briefing, stylesheets: [], sourcesHtml: [] });
    expect(html).toContain('<span class="label">Table 1.</span> Cost per call</figcaption>');
    expect(html).not.toContain('<caption>');
    expect(html).not.toContain('Table:');
  });
});
