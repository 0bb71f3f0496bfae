import { existsSync, lstatSync, readdirSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { makeDir } from './make-dir.js';
import { dirname, join } from 'node:path';
import { BriefError } from '../errors.js';

/** The files of a new briefing, by path relative to its folder. */
export const SCAFFOLD: Readonly<Record<string, string>> = {
  '01-briefing.md': `---
title: The RFC in one sentence
subtitle: A briefing for the review board
author: Your name
version: "0.1 (draft)"
theme: light
lang: en
keywords: [rfc, review]
requiredSections: [aims, mechanisms, results, next steps]
sources:
  - 'The RFC itself: where it was posted, its title and author'
---

<!-- .slide: data-section="aims" -->
## Aims

- What the RFC sets out to do, in one line
- The problem it addresses, in one line

Note:
Say why the reader should care: the risk or cost today, and what the work would change.

---

<!-- .slide: data-section="mechanisms" -->
## Mechanisms

- The first mechanism, in plain words
- The second mechanism

Note:
Explain each mechanism for a non-specialist; the detail goes here, not on the slide.

---

<!-- .slide: data-section="results" -->
## Results

\`\`\`chart
title: Measured result
description: What was measured, without and with the change
data: { url: data/results.csv }
mark: bar
encoding:
  y: { field: case, type: nominal, title: null, sort: null }
  x: { field: value, type: quantitative, title: Unit of measure }
\`\`\`

Note:
Give the numbers with where they come from, and what they do and do not mean.

---

<!-- .slide: data-section="next steps" -->
## Next steps

- What the authors plan next
- What the board is asked to decide

Note:
End with the decision or feedback you need from the room.
`,
  'data/results.csv': 'case,value\nWithout the change,20\nWith the change,25\n',
};

/**
 * Writes a new briefing: the four sections a review needs as placeholder slides with notes, a data
 * file and a chart. An existing folder with files in it is left alone unless `force`.
 */
export function scaffold(dir: string, force: boolean): string[] {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !force) {
    throw new BriefError('OUTPUT_NOT_WRITABLE', `${dir} is not empty; rfc-brief init will not write over it`, {
      hint: 'Choose a new folder, or pass --force to add the starter files to this one (files of the same name are replaced).',
    });
  }
  const written: string[] = [];
  for (const [rel, text] of Object.entries(SCAFFOLD)) {
    const path = join(dir, rel);
    refuseLinkedFolder(dir, rel);
    try {
      makeDir(dirname(path));
      // Never through a symlink: --force replaces a file or a link of that name by removing it
      // first, so what a link pointed to (anywhere on the disk) is left as it was; `wx` then fails
      // rather than follow a link that appeared since.
      const old = lstatOrUndefined(path);
      if (old !== undefined && !old.isDirectory()) unlinkSync(path);
      writeFileSync(path, text, { flag: 'wx' });
    } catch (cause) {
      throw new BriefError('OUTPUT_NOT_WRITABLE', `cannot write ${path}`, { cause, hint: 'Choose another folder, or check its permissions.' });
    }
    written.push(path);
  }
  return written;
}

/** A folder on the way (data/) that is a symlink would put the file outside: refused. */
function refuseLinkedFolder(dir: string, rel: string): void {
  const parts = rel.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const folder = join(dir, ...parts.slice(0, i));
    if (lstatOrUndefined(folder)?.isSymbolicLink()) {
      throw new BriefError('OUTPUT_NOT_WRITABLE', `${folder} is a symlink; rfc-brief init does not write through it`, {
        hint: `Remove the link (rm ${folder}) or choose a new folder.`,
      });
    }
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
