import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../src/config/themes.js';
import { BriefError } from '../../src/errors.js';
import { CacheStore } from '../../src/pipeline/cache-store.js';
import { FigureCache } from '../../src/figures/cache.js';
import { drawFigures, type DiagramDrawer } from '../../src/figures/draw.js';
import type { Palette } from '../../src/figures/palette.js';
import type { FigureBlock } from '../../src/markdown/figures.js';
import { fixture } from '../helpers/paths.js';

const CHART = `data: { url: data/writes.csv }
mark: bar
encoding:
  y: { field: case, type: nominal }
  x: { field: microseconds, type: quantitative }`;

const blocks: FigureBlock[] = [
  { key: 'a.md:1', kind: 'mermaid', source: 'graph LR\n  A --> B', file: 'a.md', line: 1 },
  { key: 'a.md:9', kind: 'chart', source: CHART, file: 'a.md', line: 9 },
];

describe('drawFigures', () => {
  const options = (drawDiagrams: DiagramDrawer, theme = 'light') => ({
    root: fixture('figures'),
    theme: resolveTheme(theme, undefined),
    cache: new FigureCache(new CacheStore(mkdtempSync(join(tmpdir(), 'rfc-brief-draw-')))),
    diagramEngine: 'test',
    drawDiagrams,
  });

  it('reports a browser that fails while the charts are still being drawn as the build error, not an unhandled rejection', async () => {
    const failing = () =>
      new Promise<Map<string, string>>((_, reject) => setTimeout(() => reject(new BriefError('BROWSER_FAILED', 'no browser')), 5));
    await expect(drawFigures(blocks, options(failing), [])).rejects.toThrow('no browser');
  });

  it('keeps the blocks in order, charts and diagrams alike', async () => {
    const drawn = await drawFigures(
      blocks,
      options(async () => new Map([['a.md:1', '<svg>diagram</svg>']])),
      [],
    );
    expect([...drawn.screen.keys()]).toEqual(['a.md:1', 'a.md:9']);
    expect(drawn.screen.get('a.md:1')?.svg).toBe('<svg>diagram</svg>');
    expect(drawn.screen.get('a.md:9')?.svg).toMatch(/^<svg/);
  });

  it("hands mermaid the slides' theme palette for the deck and the light one for paper", async () => {
    const asked: Palette[] = [];
    const recording: DiagramDrawer = async (_, palette) => {
      asked.push(palette);
      return new Map([['a.md:1', '<svg>diagram</svg>']]);
    };
    await drawFigures(blocks, options(recording, 'black'), []);
    expect(asked).toEqual([resolveTheme('black', undefined).palette, resolveTheme('light', undefined).palette]);
    expect(asked[0]?.dark).toBe(true);
  });

  it('draws once when the slides and paper share the light palette', async () => {
    let calls = 0;
    const counting: DiagramDrawer = async () => {
      calls++;
      return new Map([['a.md:1', '<svg>diagram</svg>']]);
    };
    const drawn = await drawFigures(blocks, options(counting), []);
    expect(calls).toBe(1);
    expect(drawn.paper).toBe(drawn.screen);
  });
});
