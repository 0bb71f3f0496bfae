#!/usr/bin/env node
// Draws the README's pictures of the layouts (issue 17) with rfc-brief itself:
//   npm run compile && node scripts/layout-pictures.mjs
// Each example of the README's "Layouts" section is the ```markdown block after an
// <img src="docs/layouts/NAME.png">; the examples are built as one deck (--only slides, the light
// theme), and each page of its slides.pdf becomes docs/layouts/NAME.png (480x270: small enough to
// commit, sharp at the 320 px the README shows). A build that fails (an example that overflows, a
// mistake in its syntax) fails the script, so a picture is never of an example that does not build.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The README's examples, in order: { name, markdown }. */
export function readmeExamples(readme) {
  const pattern = /<img src="docs\/layouts\/([\w-]+)\.png"[^>]*>\s*```markdown\n([\s\S]*?)\n```/g;
  return [...readme.matchAll(pattern)].map((match) => ({ name: match[1], markdown: match[2] }));
}

/** The image the examples' image splits show: a pipeline of four gates, tall enough to be cropped. */
export const PIPELINE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="720" viewBox="0 0 480 720">
<rect width="480" height="720" fill="#e8eef6"/>
${['Review', 'Tests', 'Sign-off', 'Release']
  .map((gate, i) => {
    const y = 60 + i * 160;
    const arrow = i < 3 ? `<path d="M240 ${y + 100} v50" stroke="#5d6879" stroke-width="6" marker-end="url(#a)"/>` : '';
    return `<rect x="90" y="${y}" width="300" height="100" rx="14" fill="${['#1d4f91', '#2f7d4f', '#c2611a', '#8a3f96'][i]}"/><text x="240" y="${y + 62}" font-family="Inter, DejaVu Sans, sans-serif" font-size="36" font-weight="600" text-anchor="middle" fill="#fff">${gate}</text>${arrow}`;
  })
  .join('\n')}
<defs><marker id="a" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="4" markerHeight="4" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="#5d6879"/></marker></defs>
</svg>
`;

function main() {
  const examples = readmeExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  if (examples.length === 0) throw new Error('the README has no layout examples');
  const work = mkdtempSync(join(tmpdir(), 'rfc-brief-layout-pictures-'));
  try {
    const deck = join(work, 'examples');
    mkdirSync(join(deck, 'images'), { recursive: true });
    writeFileSync(join(deck, 'images/pipeline.svg'), PIPELINE_SVG);
    const slides = examples.map(({ markdown }) => `${markdown}\n\nNote: The README's example.`);
    writeFileSync(join(deck, 'deck.md'), `---\ntitle: Layouts\ntheme: light\ntitleSlide: false\n---\n\n${slides.join('\n\n---\n\n')}\n`);
    execFileSync(
      process.execPath,
      [join(ROOT, 'bin/rfc-brief.js'), 'build', deck, '--out', join(work, 'dist'), '--only', 'slides', '--quiet'],
      {
        stdio: 'inherit',
      },
    );
    const out = join(ROOT, 'docs/layouts');
    mkdirSync(out, { recursive: true });
    examples.forEach(({ name }, index) => {
      const page = String(index + 1);
      const prefix = join(work, `page-${page}`);
      execFileSync('pdftoppm', [
        '-png',
        '-singlefile',
        '-scale-to-x',
        '480',
        '-scale-to-y',
        '270',
        '-f',
        page,
        '-l',
        page,
        join(work, 'dist/slides.pdf'),
        prefix,
      ]);
      renameSync(`${prefix}.png`, join(out, `${name}.png`));
      console.log(`docs/layouts/${name}.png`);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
