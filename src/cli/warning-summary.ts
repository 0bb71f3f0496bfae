import { type Diagnostic, formatWarning } from '../errors.js';

/** More of one kind than this and the build says how many, not each (check still lists each). */
const MOST_LISTED = 3;

/** What a summary line says for each kind that a foreign deck has by the dozen. */
const SUMMARIES: Readonly<Record<string, (count: number, examples: string) => string>> = {
  'no-notes': (n) => `${n} slides have no speaker notes; \`rfc-brief check\` lists them`,
  'no-alt': (n) => `${n} images have no alt text; \`rfc-brief check\` lists them`,
  'missing-file': (n, examples) => `${n} files the deck names were not found (${examples}); \`rfc-brief check\` lists them`,
  'web-fonts': () =>
    "the theme's web fonts (fonts.googleapis.com) are not loaded while printing: the PDF uses only the briefing's files, and the slides print in the theme's fallback fonts",
};

/** A reveal.js theme imports Google Fonts: one line for all of them, however few. */
const ALWAYS_ONE_LINE = new Set(['web-fonts']);

function kindOf(d: Diagnostic): string {
  if (d.code === 'refused-request' && d.refused !== undefined && /^https?:\/\/fonts\.(googleapis|gstatic)\.com\//.test(d.refused))
    return 'web-fonts';
  return d.code;
}

// Refused requests stay one line each: each names the slide that asked (the network guard's point).

/**
 * The lines a build prints for its warnings: each, except that a kind seen more than a few times
 * (a reveal-md deck without notes: 501 lines) is one line that says how many.
 */
export function summariseWarnings(diagnostics: readonly Diagnostic[]): string[] {
  const byKind = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byKind.set(kindOf(d), [...(byKind.get(kindOf(d)) ?? []), d]);
  const said = new Set<string>();
  const lines: string[] = [];
  for (const d of diagnostics) {
    const kind = kindOf(d);
    const all = byKind.get(kind) ?? [];
    const summary = SUMMARIES[kind];
    if (!summary || (all.length <= MOST_LISTED && !ALWAYS_ONE_LINE.has(kind))) {
      lines.push(formatWarning(d));
      continue;
    }
    if (said.has(kind)) continue;
    said.add(kind);
    lines.push(`warning: ${summary(all.length, examplesOf(all))}`);
  }
  return lines;
}

/** The first two things named (a file, a host), and how many more. */
function examplesOf(diagnostics: readonly Diagnostic[]): string {
  const named = [...new Set(diagnostics.map(nameOf))];
  const shown = named.slice(0, 2).join(', ');
  return named.length > 2 ? `${shown} and ${named.length - 2} more` : shown;
}

function nameOf(d: Diagnostic): string {
  if (d.refused !== undefined) {
    try {
      return new URL(d.refused).host || d.refused;
    } catch {
      return d.refused;
    }
  }
  return /(\S+) was not found/.exec(d.message)?.[1] ?? d.message;
}
