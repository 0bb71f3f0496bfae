import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveTheme } from '../../src/config/themes.js';
import type { Diagnostic } from '../../src/errors.js';
import { drawChart } from '../../src/figures/chart.js';
import type { FigureBlock } from '../../src/markdown/figures.js';
import { fixture } from '../helpers/paths.js';

const FIXTURE = fixture('figures');
const LIGHT = resolveTheme('light', undefined).palette;
const DARK = resolveTheme('dark', undefined).palette;
const block = (source: string, line = 10): FigureBlock => ({ key: `a.md:${line}`, kind: 'chart', source, file: 'a.md', line });
const SPEC = `title: Time per write
description: Two bars
data: { url: data/writes.csv }
mark: bar
encoding:
  y: { field: case, type: nominal }
  x: { field: microseconds, type: quantitative, title: Microseconds }`;

async function errorOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error as { code: string; message: string; where?: { file: string; line?: number } };
  }
  throw new Error('expected an error');
}

describe('drawChart', () => {
  it('draws the bars and labels of a data file as SVG text and marks', async () => {
    const { svg, caption } = await drawChart(block(SPEC), FIXTURE, LIGHT, []);
    expect(svg).toMatch(/^<svg role="img" aria-label="Two bars"/);
    expect(svg).toContain('<title>Time per write</title><desc>Two bars</desc>');
    for (const label of ['Without the mode', 'With one round trip', 'Microseconds', 'Time per write'])
      expect(svg).toContain(`>${label}</text>`);
    expect(svg.match(/<path[^>]*aria-label="Microseconds: (20|25); case: [^"]+"/g)).toHaveLength(2);
    expect(svg).not.toContain('<script');
    expect(caption).toBe('Two bars');
  });

  it('takes inline values and JSON', async () => {
    const json = JSON.stringify({
      title: 'T',
      description: 'D',
      data: { values: [{ a: 'x', b: 1 }] },
      mark: 'bar',
      encoding: { x: { field: 'a' }, y: { field: 'b', type: 'quantitative' } },
    });
    expect((await drawChart(block(json), FIXTURE, LIGHT, [])).svg).toContain('>x</text>');
  });

  it('uses the theme colours', async () => {
    expect((await drawChart(block(SPEC), FIXTURE, DARK, [])).svg).toContain(DARK.series[0]);
    expect((await drawChart(block(SPEC), FIXTURE, LIGHT, [])).svg).toContain(LIGHT.series[0]);
  });

  it('gives every chart its own ids, so two on one page do not collide', async () => {
    const a = await drawChart(block(SPEC, 10), FIXTURE, LIGHT, []);
    const b = await drawChart(block(SPEC, 20), FIXTURE, LIGHT, []);
    const ids = (svg: string) => [...svg.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a.svg).filter((id) => ids(b.svg).includes(id))).toEqual([]);
  });

  it('warns, with the block line, about a chart without a description', async () => {
    const warnings: Diagnostic[] = [];
    await drawChart(block(SPEC.replace('description: Two bars\n', ''), 12), FIXTURE, LIGHT, warnings);
    expect(warnings).toEqual([
      { severity: 'warning', code: 'chart', message: expect.stringMatching(/has no description/), where: { file: 'a.md', line: 12 } },
    ]);
  });

  it('names the line of a malformed specification', async () => {
    const error = await errorOf(drawChart(block('title: T\nmark: bar\nencoding: {x: 1}}', 10), FIXTURE, LIGHT, []));
    expect(error.code).toBe('CHART');
    expect(error.where).toEqual({ file: 'a.md', line: 13 });
    expect(error.message).toMatch(/^the chart specification is not valid YAML or JSON: Unexpected flow-map-end token/);
  });

  it('refuses a specification Vega-Lite cannot draw', async () => {
    const error = await errorOf(drawChart(block('title: T\ndescription: D\nmark: blob\ndata: { values: [] }'), FIXTURE, LIGHT, []));
    expect([error.code, error.where?.line]).toEqual(['CHART', 10]);
    expect(error.message).toMatch(/cannot be drawn: .*blob/);
  });

  it('names a data file that does not exist', async () => {
    const error = await errorOf(drawChart(block(SPEC.replace('writes.csv', 'nope.csv')), FIXTURE, LIGHT, []));
    expect([error.code, error.message, error.where?.line]).toEqual(['DATA', "the chart's data file data/nope.csv does not exist", 10]);
  });

  it('names the data file and line of a bad CSV row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfc-brief-chart-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/writes.csv'), 'case,microseconds\n"With, quoted",25\nWithout,20,extra\n');
    const error = await errorOf(drawChart(block(SPEC), dir, LIGHT, []));
    expect(error.code).toBe('DATA');
    expect(error.where).toEqual({ file: 'data/writes.csv', line: 3 });
    expect(error.message).toBe('this row has 3 fields where the header has 2');
  });

  it('refuses data from the network and from outside the briefing', async () => {
    expect(
      (await errorOf(drawChart(block(SPEC.replace('data/writes.csv', 'https://example.org/d.csv')), FIXTURE, LIGHT, []))).message,
    ).toMatch(/offline/);
    expect((await errorOf(drawChart(block(SPEC.replace('data/writes.csv', '../../../package.json')), FIXTURE, LIGHT, []))).message).toMatch(
      /outside the briefing folder/,
    );
  });
});

describe('drawChart, what vega itself would load', () => {
  it('refuses a data URL anywhere else in the specification (a layer, a lookup)', async () => {
    const spec = `title: T\ndescription: D\nlayer:\n  - data: { url: ${join(FIXTURE, 'data/writes.csv')} }\n    mark: bar\n    encoding: { x: { field: case }, y: { field: microseconds, type: quantitative } }`;
    const error = await errorOf(drawChart(block(spec), FIXTURE, LIGHT, []));
    expect(error.code).toBe('CHART');
    expect(error.message).toMatch(/a chart may load only the data file its top-level data.url names/);
  });
});

describe('drawChart, in a process of its own (issue 15)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('a chart that runs its process out of memory fails alone: the next chart is drawn by a new one', async () => {
    vi.stubEnv('RFC_BRIEF_LIMITS', 'chartHeapMb=48');
    const doubling = Array(25).fill('{calculate: "datum.s + datum.s", as: s}').join(', ');
    const huge = `data: {values: [{a: 1}]}\ntransform: [{calculate: "'x'", as: s}, ${doubling}]\nmark: text\nencoding: {text: {field: s}}`;
    const error = await errorOf(drawChart(block(huge), FIXTURE, LIGHT, []));
    expect([error.code, error.where?.line]).toEqual(['LIMIT', 10]);
    expect(error.message).toMatch(/^drawing the chart ran out of memory .*\(limit "chartHeapMb"\)$/);
    expect((await drawChart(block(SPEC), FIXTURE, LIGHT, [])).svg).toContain('>Time per write</text>');
  });
});
