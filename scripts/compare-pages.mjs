#!/usr/bin/env node
// Compares the pages of the PDFs in two output folders, pixel for pixel (pdftoppm, 50 dpi, colour):
//   node scripts/compare-pages.mjs BEFORE_DIR AFTER_DIR [slides.pdf handout.pdf report.pdf]
// A refactoring that must keep the output (issue 12) is checked with it: build the default
// briefing with the old and the new code into two folders, then compare. Exit 1 on any difference.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [before, after, ...names] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: compare-pages.mjs BEFORE_DIR AFTER_DIR [file.pdf ...]');
  process.exit(2);
}
const files = names.length > 0 ? names : ['slides.pdf', 'handout.pdf', 'report.pdf'];

function pages(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'compare-pages-'));
  try {
    execFileSync('pdftoppm', ['-r', '50', pdf, join(dir, 'p')]);
    return readdirSync(dir)
      .sort()
      .map((name) => readFileSync(join(dir, name)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let differ = 0;
for (const file of files) {
  const a = join(before, file);
  const b = join(after, file);
  if (!existsSync(a) || !existsSync(b)) {
    console.log(`${file}: missing in ${existsSync(a) ? after : before}`);
    differ++;
    continue;
  }
  const pa = pages(a);
  const pb = pages(b);
  const changed = pa.map((page, i) => (pb[i] && page.equals(pb[i]) ? 0 : i + 1)).filter(Boolean);
  if (pa.length !== pb.length) console.log(`${file}: ${pa.length} pages before, ${pb.length} after`);
  else if (changed.length > 0) console.log(`${file}: pages ${changed.join(', ')} of ${pa.length} differ`);
  else console.log(`${file}: all ${pa.length} pages identical`);
  if (pa.length !== pb.length || changed.length > 0) differ++;
}
process.exit(differ > 0 ? 1 : 0);
