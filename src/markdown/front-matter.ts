import { parseDocument } from 'yaml';
import { BriefError, type Diagnostic, warning } from '../errors.js';
import { checkYamlKeys, yamlToJs } from '../config/bounded-yaml.js';

export interface FrontMatter {
  readonly data: Readonly<Record<string, unknown>>;
  /** The Markdown after the front matter. */
  readonly body: string;
  /** Line of the file on which `body` starts. */
  readonly bodyLine: number;
  /** File line of each top-level key, for messages about a key. */
  readonly keyLines: Readonly<Record<string, number>>;
  readonly warnings: readonly Diagnostic[];
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(---|\.\.\.)[ \t]*\r?$/m;

/** Reads YAML front matter, as reveal-md does: only when the file starts with `---`. */
export function readFrontMatter(text: string, file: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) return { data: {}, body: text.replace(/^\uFEFF/, ''), bodyLine: 1, keyLines: {}, warnings: [] };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    throw new BriefError('FRONT_MATTER', 'the front matter that starts here is never closed', {
      where: { file, line: 1 },
      hint: 'End it with a line holding only "---", or remove the first line if it was meant as a slide separator.',
    });
  }
  const yamlText = rest.slice(0, closing.index);
  const afterClosing = closing.index + closing[0].length;
  const bodyStart = opening[0].length + afterClosing + (rest[afterClosing] === '\n' ? 1 : 0);
  const bodyLine = countLines(text.slice(0, bodyStart)) + 1;
  const { data, keyLines, warnings } = parseYaml(yamlText, file);
  return { data, body: text.slice(bodyStart), bodyLine, keyLines, warnings };
}

function parseYaml(yamlText: string, file: string): Omit<FrontMatter, 'body' | 'bodyLine'> {
  checkYamlKeys(yamlText, { file, line: 1 }, 'the front matter');
  const first = parseDocument(yamlText);
  let doc = first;
  const warnings: Diagnostic[] = [];
  if (first.errors.length > 0 && /^[ ]*\t/m.test(yamlText)) {
    // Editors that indent with tabs are common; YAML forbids them. Try the usual tab widths and
    // say so, rather than refuse a deck that reveal-md users build every day.
    for (const width of [4, 2, 8]) {
      const spaces = ' '.repeat(width);
      const retried = parseDocument(yamlText.replace(/^[ \t]+/gm, (indent) => indent.replace(/\t/g, spaces)));
      if (retried.errors.length > 0) continue;
      doc = retried;
      const tabLine = yamlText.split('\n').findIndex((l) => /^[ ]*\t/.test(l)) + 2;
      warnings.push(
        warning('front-matter', `front matter is indented with tabs, which YAML does not allow; read each tab as ${width} spaces`, {
          file,
          line: tabLine,
        }),
      );
      break;
    }
  }
  const error = doc.errors[0];
  if (error) {
    const yamlLine = lineOfOffset(yamlText, error.pos[0]);
    throw new BriefError('FRONT_MATTER', `the front matter is not valid YAML: ${firstLine(error.message)}`, {
      where: { file, line: yamlLine + 1 },
      hint: 'Fix the YAML between the two "---" lines at the top of the file.',
    });
  }
  const value = yamlToJs(doc, { file, line: 1 }, 'the front matter');
  if (value === null || value === undefined) return { data: {}, keyLines: {}, warnings };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new BriefError('FRONT_MATTER', 'the front matter must be a set of "key: value" lines', {
      where: { file, line: 2 },
    });
  }
  return { data: value as Record<string, unknown>, keyLines: keyLinesOf(yamlText), warnings };
}

function keyLinesOf(yamlText: string): Record<string, number> {
  const lines: Record<string, number> = {};
  yamlText.split('\n').forEach((line, index) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key !== undefined && lines[key] === undefined) lines[key] = index + 2;
  });
  return lines;
}

function lineOfOffset(text: string, offset: number): number {
  // The parser reports the end of an unclosed collection past the last line: name that line.
  return countLines(text.slice(0, Math.min(offset, text.trimEnd().length))) + 1;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
