// #19 goals 2 and 3 in a process of their own, so that a serve that hangs or crashes cannot take
// the benchmark with it (the harness times it out): bench/serve-latency.mjs and serve-pdf.mjs
// (imported, never copied) measure `rfc-brief serve`; this writes what they returned as JSON.
//
//   node bench/serve-goals.mjs <out.json> [slides (200)] [edits (5)]
//
// Goal 2 is measureServeLatency({ slides, edits }) → { medianMs, allMs }; goal 3 is measureServePdf
// → the slides PDF served warm against a cold build, { medianMs, allMs, coldMs }. Whatever is
// missing is said in the JSON.

import { writeFileSync } from 'node:fs';

const [out, slidesArg = '200', editsArg = '5'] = process.argv.slice(2);
const slides = Number(slidesArg);
const edits = Number(editsArg);
const firstLine = (error) => String(error?.message ?? error).split('\n')[0];
const result = { slides };

async function call(name, fn, args) {
  try {
    return { name, ...(await fn(args)) };
  } catch (error) {
    return { name, error: `${name} failed: ${firstLine(error)}` };
  }
}

// serve-latency.mjs (goal 2) and serve-pdf.mjs (goal 3) are the serve engineer's scripts.
async function load(file) {
  try {
    return await import(file);
  } catch (error) {
    return { error: `bench/${file.slice(2)} did not load: ${firstLine(error)}` };
  }
}
const latency = await load('./serve-latency.mjs');
result.reload =
  typeof latency.measureServeLatency === 'function'
    ? await call('measureServeLatency', latency.measureServeLatency, { slides, edits })
    : { error: latency.error ?? 'bench/serve-latency.mjs exports no measureServeLatency' };
const pdf = await load('./serve-pdf.mjs');
if (typeof pdf.measureServePdf === 'function') {
  // The slides PDF on request from the running server against a cold build of the same deck.
  const measured = await call('measureServePdf', pdf.measureServePdf, { slides, only: ['slides'] });
  const slidesPdf = measured.slides;
  result.warmPdf = slidesPdf
    ? { name: 'measureServePdf', medianMs: slidesPdf.servedMs, allMs: slidesPdf.servedAllMs, coldMs: slidesPdf.coldMs }
    : measured;
} else result.warmPdf = { error: pdf.error ?? 'bench/serve-pdf.mjs exports no measureServePdf' };
writeFileSync(out, `${JSON.stringify(result)}\n`);
process.exit(0);
