/** Stable codes: tests and scripts match on these, people read the message. */
export const ERROR_CODES = [
  'INPUT_NOT_FOUND',
  'INPUT_EMPTY',
  'INPUT_NOT_TEXT',
  'INPUT_TOO_DEEP',
  'LIMIT',
  'FRONT_MATTER',
  'BAD_OPTION',
  'UNKNOWN_THEME',
  'ASSET_OUTSIDE',
  'BROWSER_NOT_FOUND',
  'BROWSER_FAILED',
  'TIMEOUT',
  'OUTPUT_NOT_WRITABLE',
  'DATA',
  'CHART',
  'DIAGRAM',
  'LAYOUT',
  'INTERRUPTED',
  'CHECK_FAILED',
  'SERVE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface SourceLocation {
  readonly file: string;
  readonly line?: number | undefined;
}

/**
 * The one error type for a user's mistake or the environment's. Anything else that is thrown is a
 * bug, and only bugs get a stack trace.
 */
export class BriefError extends Error {
  readonly code: ErrorCode;
  readonly where: SourceLocation | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { where?: SourceLocation; hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'BriefError';
    this.code = code;
    this.where = options.where;
    this.hint = options.hint;
  }
}

export function formatLocation(where: SourceLocation): string {
  return where.line === undefined ? where.file : `${where.file}:${where.line}`;
}

/** What the person at the terminal reads: where, what, what to do. */
export function formatError(error: BriefError): string {
  const place = error.where ? `${formatLocation(error.where)}: ` : '';
  const hint = error.hint ? `\n  ${error.hint}` : '';
  return `error[${error.code}]: ${place}${error.message}${hint}`;
}

export const SEVERITIES = ['error', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Stable codes of what a build or `check` reports (build-report.json, `--json`). */
export const DIAGNOSTIC_CODES = [
  // found by `check` (and the cheap ones by every build)
  'overflow',
  'missing-file',
  'broken-link',
  'no-notes',
  'no-alt',
  'missing-section',
  // said while reading, drawing and printing
  'refused-request',
  'unknown-key',
  'front-matter',
  'theme-not-found',
  'slide',
  'chart',
  'diagram',
  'math',
  'missing-glyph',
  'page-error',
  'script-not-run',
  'notes-continued',
  'not-inlined',
  'report-contents',
  'cache',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/**
 * The one thing reported besides an error: a warning said while building, or a finding of
 * `check`. `severity` is what it is for `check` (an error fails it); a build reports each as a
 * warning and goes on.
 */
export interface Diagnostic {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly where?: SourceLocation | undefined;
  /** The slide's number as the deck shows it, and its title, when it is about one slide. */
  readonly slide?: number | undefined;
  readonly title?: string | undefined;
  /** A URL the page asked for that was refused: an error under --strict. */
  readonly refused?: string | undefined;
}

/** A warning: what, where, and its code. */
export function warning(code: DiagnosticCode, message: string, where?: SourceLocation, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: 'warning', code, message, where, ...extra };
}

/**
 * What fails a build or `check`: every error, and with --strict every warning too (one meaning of
 * --strict in both commands).
 */
export function failures(diagnostics: readonly Diagnostic[], strict: boolean | undefined): Diagnostic[] {
  return uniqueDiagnostics(diagnostics).filter((d) => d.severity === 'error' || strict === true);
}

/** The line `check` prints for it, and a failed build for each thing that failed it. */
export function formatFinding(diagnostic: Diagnostic): string {
  const place = diagnostic.where ? `${formatLocation(diagnostic.where)}: ` : '';
  return `${place}${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]`;
}

/** The line a build prints for it on stderr. */
export function formatWarning(diagnostic: Diagnostic): string {
  const place = diagnostic.where ? `${formatLocation(diagnostic.where)}: ` : '';
  return `warning: ${place}${diagnostic.message}`;
}

/**
 * Each diagnostic once (a PDF reused from the cache reports what its print reported, a file
 * missing on two slides is one problem per slide), in their order; the key is what they say and
 * where, never their formatted text.
 */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    const key = JSON.stringify([d.code, d.message, d.where?.file, d.where?.line]);
    if (!seen.has(key)) seen.set(key, d);
  }
  return [...seen.values()];
}
