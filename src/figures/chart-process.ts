import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { limit } from '../config/limits.js';
import { boundExpressions } from './chart-limits.js';
import { collectingLogger } from './vega-setup.js';

/**
 * What the build asks of the chart process: the rows of a CSV or TSV data file (vega's own
 * reader, which is why the build's process never loads vega), or a chart drawn from a
 * specification whose data is inline, with its config.
 */
export type ChartRequest =
  | { readonly kind: 'read'; readonly text: string; readonly type: 'csv' | 'tsv' }
  | { readonly kind: 'draw'; readonly spec: Record<string, unknown>; readonly config: Record<string, unknown> };

export type ChartReply =
  | { readonly rows: Record<string, unknown>[] }
  | { readonly svg: string; readonly warnings: readonly string[] }
  /** An SVG past the `chartBytes` limit is not sent: the build's heap would hold it. */
  | { readonly svgBytes: number }
  | { readonly error: string };

/**
 * The program of the chart process (bounded-chart.ts): Vega-Lite compiles, vega draws to SVG,
 * here, in a process with a heap of its own, so that a specification that asks for gigabytes (a
 * string doubled by a chain of `calculate`s) or for ever (a regular expression that backtracks)
 * ends this process, never the build. vega and vega-lite are loaded once, before it says it is
 * ready; it leaves when the build closes the channel, and a build that died (SIGKILL) is noticed
 * by a watchdog thread, which still runs while a chart keeps this thread busy.
 */
const send = process.send?.bind(process);
if (!send) throw new Error('chart-process.js runs as a child process of rfc-brief');
const WATCHDOG = `
const { parent } = require('node:worker_threads').workerData;
setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL'); }, 500);
`;
new Worker(WATCHDOG, { eval: true, workerData: { parent: process.ppid } }).unref();
process.on('disconnect', () => process.exit(0));

const [{ parse, read, View, loader, expressionFunction }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
boundExpressions(expressionFunction);

// vega would read any other data URL itself, from the disk or the network: it may read none.
// The one data file a chart may name was loaded by the build, from inside the briefing.
const refuse = loader();
const refused = (uri: unknown) =>
  Promise.reject(
    new Error(`it loads ${String(uri)}; a chart may load only the data file its top-level data.url names, inside the briefing`),
  );
refuse.load = refused;
refuse.sanitize = refused;

async function answer(request: ChartRequest): Promise<ChartReply> {
  if (request.kind === 'read') return { rows: read(request.text, { type: request.type, parse: 'auto' }) as Record<string, unknown>[] };
  const { spec, config } = request;
  const warnings: string[] = [];
  const compiled = compile(spec as unknown as TopLevelSpec, { config, logger: collectingLogger(warnings) }).spec;
  const viewErrors: string[] = [];
  const view = new View(parse(compiled), { renderer: 'none', loader: refuse, logger: collectingLogger(warnings, viewErrors) });
  const svg = await view.toSVG();
  view.finalize();
  if (viewErrors[0]) return { error: viewErrors[0] };
  const svgBytes = Buffer.byteLength(svg);
  return svgBytes > limit('chartBytes') ? { svgBytes } : { svg, warnings };
}

process.on(
  'message',
  (request: ChartRequest) =>
    void answer(request)
      .catch((error: unknown): ChartReply => ({ error: error instanceof Error ? error.message : String(error) }))
      .then((reply) => send(reply)),
);
send({ ready: true });
