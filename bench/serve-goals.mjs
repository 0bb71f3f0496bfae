// #19 goals 2 and 3 in a process of their own, so that a serve that hangs or crashes cannot take
// the benchmark with it (the harness times it out): bench/serve-reload.mjs (the serve engineer's,
// imported, never copied) measures `rfc-brief serve`; this writes what it returned as JSON.
//
//   node bench/serve-goals.mjs <out.json> [slides (200)] [edits (5)]
//
// Goal 2 is measureServeReload({ slides, edits }) → { medianMs, allMs }. Goal 3 is the first other
// export named measureServe…, measureWarm… (measureServePdf is the name asked for) → its warm PDF
// on request, { medianMs | warmMs, allMs?, coldMs? }. Whatever is missing is said in the JSON.

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

let module;
try {
  module = await import('./serve-reload.mjs');
} catch (error) {
  result.error = `bench/serve-reload.mjs did not load: ${firstLine(error)}`;
}
if (module) {
  result.reload =
    typeof module.measureServeReload === 'function'
      ? await call('measureServeReload', module.measureServeReload, { slides, edits })
      : { error: 'bench/serve-reload.mjs exports no measureServeReload' };
  const names = Object.keys(module).filter((name) => typeof module[name] === 'function' && name !== 'measureServeReload');
  const warm = ['measureServePdf', ...names.filter((name) => /^measure(Serve|Warm)/.test(name))].find((name) => names.includes(name));
  result.warmPdf = warm
    ? await call(warm, module[warm], { slides })
    : {
        error: `bench/serve-reload.mjs exports no function for goal 3 (measureServePdf; it exports ${Object.keys(module).join(', ') || 'nothing'})`,
      };
}
writeFileSync(out, `${JSON.stringify(result)}\n`);
process.exit(0);
