import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BriefError, type Diagnostic, warning } from '../errors.js';
import type { FigureBlock } from '../markdown/figures.js';
import type { Palette } from '../config/palette.js';
import type { Browser } from './browser.js';
import { openForPrint } from './print.js';

const require = createRequire(import.meta.url);
// mermaid as modules: the core, and the parts (chunks) of each diagram type, loaded as a diagram
// needs them; a third of the time of its one 3.5 MB script, which holds every type.
const MERMAID_DIST = join(dirname(require.resolve('mermaid/package.json')), 'dist');
const MERMAID_ENTRY = 'mermaid.esm.min.mjs';
const MERMAID_CHUNKS = join('chunks', 'mermaid.esm.min');
export const MERMAID_VERSION = (require('mermaid/package.json') as { version: string }).version;

declare global {
  interface Window {
    mermaid?: {
      initialize(config: Record<string, unknown>): void;
      render(id: string, source: string): Promise<{ svg: string }>;
    };
  }
}

/**
 * Mermaid lays diagrams out with the browser's own text measurement, so it runs in a page of the
 * build's one browser: a local page with mermaid's script and the theme's fonts, nothing else.
 */
export async function drawDiagrams(
  browser: Browser,
  blocks: readonly FigureBlock[],
  palette: Palette,
  workDir: string,
  timeoutMs: number,
  /** The theme's fonts: fonts.css and the files it names, relative to workDir. */
  fonts: readonly { readonly from: string; readonly to: string }[],
  /** What the page reports (refused requests, errors) goes here. */
  warnings: Diagnostic[],
): Promise<Map<string, string>> {
  mkdirSync(workDir, { recursive: true });
  copyFileSync(join(MERMAID_DIST, MERMAID_ENTRY), join(workDir, MERMAID_ENTRY));
  // The chunks (200 files) linked, not copied: the page loads a few of them.
  mkdirSync(join(workDir, 'chunks'), { recursive: true });
  // The same folder serves the second palette's diagrams (a dark theme's report).
  if (!existsSync(join(workDir, MERMAID_CHUNKS))) symlinkSync(join(MERMAID_DIST, MERMAID_CHUNKS), join(workDir, MERMAID_CHUNKS), 'dir');
  for (const file of fonts) {
    mkdirSync(dirname(join(workDir, file.to)), { recursive: true });
    copyFileSync(file.from, join(workDir, file.to));
  }
  writeFileSync(
    join(workDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="fonts.css"><script type="module">import mermaid from './${MERMAID_ENTRY}'; window.mermaid = mermaid; document.dispatchEvent(new Event('mermaid-ready'));</script></head><body></body></html>`,
  );
  return browser.withPage(async (page) => {
    await openForPrint(
      page,
      { htmlPath: join(workDir, 'index.html'), allowedDir: workDir, timeoutMs, readyEvent: 'mermaid-ready' },
      warnings,
    );
    await page.evaluate(async (font: string) => {
      await document.fonts.load(`16px ${font}`);
    }, 'Inter');
    const drawn = new Map<string, string>();
    for (const [index, block] of blocks.entries()) {
      const result = await page.evaluate(
        async (id: string, source: string, config: Record<string, unknown>) => {
          try {
            window.mermaid?.initialize(config);
            const { svg } = await (window.mermaid?.render(id, source) ?? Promise.reject(new Error('mermaid did not load')));
            return { svg };
          } catch (error) {
            return { error: error instanceof Error ? error.message : String(error) };
          } finally {
            document.getElementById(`d${id}`)?.remove();
          }
        },
        `diagram-${index}-${block.key.replace(/[^\w-]/g, '-')}`,
        block.source,
        mermaidConfig(palette),
      );
      if ('error' in result) throw diagramError(block, result.error ?? 'unknown error');
      drawn.set(block.key, allowGrowth(result.svg ?? ''));
    }
    return drawn;
  });
}

/** mermaid's own words for a diagram it cannot read; anything else it throws in Node is about Node. */
const SYNTAX_ERROR = /^(Parse error|Lexical error|No diagram type detected|Parsing failed|Unknown diagram)/i;

/**
 * `check --no-browser`: mermaid's parser, run in Node (no layout, so no browser), finds the syntax
 * errors the build would stop on, with the same message and line. Some diagram types need a DOM
 * even to parse (pie: DOMPurify): those are said to be unchecked rather than passed.
 */
export async function parseDiagrams(blocks: readonly FigureBlock[], warnings: Diagnostic[]): Promise<void> {
  if (blocks.length === 0) return;
  const { default: mermaid } = (await import('mermaid')) as { default: { parse(source: string): Promise<unknown> } };
  // mermaid sanitises labels with DOMPurify, which in Node (no window) is a shell without its
  // methods: parsing draws nothing, so there is nothing to sanitise. The same module instance as
  // mermaid's (dompurify is mermaid's dependency, left out of the bundle like mermaid).
  const { default: purify } = await import('dompurify');
  if (!purify.isSupported)
    Object.assign(purify, {
      addHook() {},
      removeHook() {},
      removeHooks() {},
      removeAllHooks() {},
      sanitize: (text: unknown) => String(text),
    });
  for (const block of blocks) {
    try {
      await mermaid.parse(block.source);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (SYNTAX_ERROR.test(message)) throw diagramError(block, message);
      warnings.push(
        warning(
          'diagram',
          'the diagram is not checked without a browser (its type needs one even to be read); run check without --no-browser',
          {
            file: block.file,
            line: block.line,
          },
        ),
      );
    }
  }
}

/**
 * mermaid caps a diagram at its natural width (style="max-width: Npx"). On a slide that leaves
 * small diagrams small: let it grow to half as large again, never past its container.
 */
function allowGrowth(svg: string): string {
  return svg.replace(
    /^(<svg\b[^>]*?style="[^"]*?)max-width:\s*([\d.]+)px/,
    (_, head: string, width: string) => `${head}max-width: ${Math.round(Number(width) * 1.5)}px`,
  );
}

function mermaidConfig(palette: Palette): Record<string, unknown> {
  // A palette has at least one series colour (checked where it is read); one alone serves both.
  const accent = palette.series[0] ?? palette.text;
  const second = palette.series[1] ?? accent;
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    htmlLabels: false,
    flowchart: { htmlLabels: false, curve: 'basis' },
    fontFamily: palette.font,
    // Sequence diagrams read the top-level size, flowcharts the theme's.
    fontSize: 18,
    sequence: { actorFontSize: 18, messageFontSize: 18, noteFontSize: 16, useMaxWidth: true },
    themeVariables: {
      titleColor: palette.text,
      darkMode: palette.dark,
      background: palette.background,
      fontFamily: palette.font,
      fontSize: '18px',
      primaryColor: palette.panel,
      primaryBorderColor: accent,
      primaryTextColor: palette.text,
      secondaryColor: palette.background,
      secondaryBorderColor: second,
      tertiaryColor: palette.background,
      lineColor: palette.muted,
      textColor: palette.text,
      noteBkgColor: palette.panel,
      noteTextColor: palette.text,
      noteBorderColor: palette.grid,
      actorBkg: palette.panel,
      actorBorder: accent,
      actorTextColor: palette.text,
      signalColor: palette.text,
      signalTextColor: palette.text,
      labelBoxBkgColor: palette.panel,
      labelBoxBorderColor: accent,
      clusterBkg: palette.background,
      clusterBorder: palette.grid,
    },
  };
}

/** mermaid says "Parse error on line 3: ..." counting from the block's first line. */
function diagramError(block: FigureBlock, message: string): BriefError {
  const inner = /on line (\d+)/.exec(message)?.[1];
  const line = inner === undefined ? block.line : block.line + Number(inner);
  return new BriefError('DIAGRAM', `mermaid cannot draw this diagram: ${message.replace(/\s+/g, ' ').trim()}`, {
    where: { file: block.file, line },
    hint: 'Check the diagram against https://mermaid.js.org/intro/syntax-reference.html',
  });
}
