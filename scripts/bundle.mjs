// Bundles the compiled command line (build/cli.js) and the public API (build/index.js) into
// build/bundle/: one file to load at start and a chunk per lazily loaded part (the build, check,
// serve), instead of some 180 modules resolved and read one by one. An HTML-only build of 200
// slides went from about 0.53 s to 0.36-0.41 s. The heavy packages that are loaded
// only when used (puppeteer-core, vega, mermaid, pdf-lib, sanitize-html) stay outside, as does
// reveal.js, which is copied, not imported. puppeteer-core's CDP connector is bundled (a chunk of
// its own): it loads while Chromium starts, and as one file it takes 18 ms instead of 58 ms
// (105 modules), time the starting browser gets. Tests import src/ directly; bin/ runs the bundle.
// The API's declarations (tsc writes one per source file into build/types/) are copied beside it,
// only those index.d.ts reaches: build/bundle/ is all the package ships of build/.
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'build', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  // The chart process's program is an entry of its own, beside the chunks that start it
  // (src/figures/bounded-chart.ts finds it there).
  entryPoints: {
    cli: join(root, 'build', 'cli.js'),
    index: join(root, 'build', 'index.js'),
    'chart-process': join(root, 'build', 'figures', 'chart-process.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['vega', 'vega-lite', 'mermaid', 'dompurify', 'pdf-lib', 'sanitize-html', 'reveal.js', 'pptxgenjs'],
  plugins: [
    {
      // puppeteer-core itself stays outside (only the fallback connect() loads it), its CDP
      // connector does not: esbuild's `external` would take every subpath with the package.
      name: 'puppeteer-core outside',
      setup: (bundler) => bundler.onResolve({ filter: /^puppeteer-core$/ }, ({ path }) => ({ path, external: true })),
    },
  ],
  minifySyntax: true,
  minifyWhitespace: true,
  // The CommonJS packages in the bundle (commander, yaml, ...) require Node's own modules.
  banner: {
    js: "import { createRequire as __rfcBriefCreateRequire } from 'node:module'; const require = __rfcBriefCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

const types = join(root, 'build', 'types');
const pending = [join(types, 'index.d.ts')];
const reached = new Set();
for (let file = pending.pop(); file; file = pending.pop()) {
  if (reached.has(file)) continue;
  reached.add(file);
  // Relative specifiers in `from '…'`, `import('…')` and `import("…")` (tsc's inline type imports).
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\()['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
    pending.push(join(dirname(file), `${specifier}.d.ts`));
  }
}
for (const file of reached) cpSync(file, join(outdir, 'types', relative(types, file)));
