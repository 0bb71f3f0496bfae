import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../src/config/themes.js';
import { drawChart } from '../../src/figures/chart.js';
import type { FigureBlock } from '../../src/markdown/figures.js';

const LIGHT = resolveTheme('light', undefined).palette;
const block = (source: string): FigureBlock => ({ key: 'deck.md:12', kind: 'chart', source, file: 'deck.md', line: 12 });

/** A briefing folder with one data file. */
function briefing(csv: string): string {
  const root = mkdtempSync(join(tmpdir(), 'rfc-brief-chart-data-'));
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data/rtt.csv'), csv);
  return root;
}
const RTT = 'mode,rtt\nnative,10\ndeprivileged,14\n';
const spec = (x: string, y: string, type = 'quantitative') => `title: Round trips
description: Round trip time per mode
data: { url: data/rtt.csv }
mark: bar
encoding:
  x: { field: ${x}, type: nominal }
  y: { field: ${y}, type: ${type} }`;

async function errorOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error as { code: string; message: string; hint?: string; where?: { file: string; line?: number } };
  }
  throw new Error('expected an error');
}

describe("a chart's encodings checked against its data", () => {
  it('draws a chart whose fields are columns and whose values parse', async () => {
    const { svg } = await drawChart(block(spec('mode', 'rtt')), briefing(RTT), LIGHT, []);
    expect(svg).toContain('>deprivileged</text>');
  });

  it('refuses a field that is not a column, naming the chart, the field, the data file and its columns', async () => {
    const error = await errorOf(drawChart(block(spec('mode', 'rtts')), briefing(RTT), LIGHT, []));
    expect(error.code).toBe('CHART');
    expect(error.where).toEqual({ file: 'deck.md', line: 12 });
    expect(error.message).toBe(
      'the chart\'s "y" encoding names the field "rtts", which is not a column of data/rtt.csv (columns: mode, rtt)',
    );
    expect(error.hint).toContain('Did you mean "rtt"?');
  });

  it('refuses a row whose quantitative value is a word, naming its line in the data file', async () => {
    const error = await errorOf(drawChart(block(spec('mode', 'rtt')), briefing('mode,rtt\nnative,10\nboth,three\n'), LIGHT, []));
    expect(error.where).toEqual({ file: 'deck.md', line: 12 });
    expect(error.message).toMatch(/^line 3 of data\/rtt\.csv has "three" in "rtt", which the chart's "y" encoding reads as quantitative/);
  });

  it('refuses an unknown type and suggests the closest', async () => {
    const error = await errorOf(drawChart(block(spec('mode', 'rtt', 'quantitive')), briefing(RTT), LIGHT, []));
    expect(error.where).toEqual({ file: 'deck.md', line: 12 });
    expect(error.message).toBe('the chart\'s "y" encoding of "rtt" has the type "quantitive", which Vega-Lite does not know');
    expect(error.hint).toContain('Did you mean "quantitative"?');
  });

  it('checks inline values too', async () => {
    const inline = `title: T
description: D
data: { values: [{ a: x, b: 1 }, { a: y, b: lots }] }
mark: bar
encoding:
  x: { field: a, type: nominal }
  y: { field: b, type: quantitative }`;
    const error = await errorOf(drawChart(block(inline), briefing(RTT), LIGHT, []));
    expect(error.message).toMatch(/^row 2 of the chart's inline data has "lots" in "b"/);
  });

  it('accepts fields a transform makes and empty values', async () => {
    const folded = `title: T
description: D
data: { url: data/rtt.csv }
transform: [{ calculate: "datum.rtt * 2", as: double }]
mark: bar
encoding:
  x: { field: mode, type: nominal }
  y: { field: double, type: quantitative }`;
    await expect(drawChart(block(folded), briefing('mode,rtt\nnative,10\nother,\n'), LIGHT, [])).resolves.toBeDefined();
  });
});
