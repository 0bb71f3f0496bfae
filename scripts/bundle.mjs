// Bundles the compiled command line (build/cli.js) into build/bundle/: one file to load at start
// and a chunk per lazily loaded part (the build, check, serve), instead of some 180 modules
// resolved and read one by one. An HTML-only build of 200 slides went from about 0.53 s to
// 0.36-0.41 s. The heavy packages that are loaded
// only when used (puppeteer, vega, mermaid, pdf-lib, sanitize-html) stay outside, as does
// reveal.js, which is copied, not imported. puppeteer-core's CDP connector is bundled (a chunk of
// its own): it loads while Chromium starts, and as one file it takes 18 ms instead of 58 ms
// (105 modules), time the starting browser gets. Tests import src/ directly; bin/ runs the bundle.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'build', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'build', 'cli.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['puppeteer', 'vega', 'vega-lite', 'mermaid', 'dompurify', 'pdf-lib', 'sanitize-html', 'reveal.js'],
  minifySyntax: true,
  minifyWhitespace: true,
  // The CommonJS packages in the bundle (commander, yaml, ...) require Node's own modules.
  banner: {
    js: "import { createRequire as __rfcBriefCreateRequire } from 'node:module'; const require = __rfcBriefCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
