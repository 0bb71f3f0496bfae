/** Stable codes: tests and scripts match on these, people read the message. */
export const ERROR_CODES = [
  'INPUT_NOT_FOUND',
  'INPUT_EMPTY',
  'INPUT_NOT_TEXT',
  'INPUT_TOO_DEEP',
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
  'INTERRUPTED',
  'REFUSED_REQUEST',
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

export interface Warning {
  readonly message: string;
  readonly where?: SourceLocation | undefined;
  /** A request the page made that was refused: an error under --strict. */
  readonly refused?: string | undefined;
  /** A file the slides use that does not exist: an error for `check`. */
  readonly missingFile?: boolean | undefined;
}

export function formatWarning(warning: Warning): string {
  const place = warning.where ? `${formatLocation(warning.where)}: ` : '';
  return `warning: ${place}${warning.message}`;
}
