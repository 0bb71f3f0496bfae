export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** stderr is an interactive terminal: progress redraws in place. */
  readonly isTTY?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
  /** The running bin's path (process.argv[1]): hints say `npx rfc-brief` when it is in node_modules. */
  readonly bin?: string | undefined;
}

export const processIo = (signal?: AbortSignal): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stderr.isTTY === true,
  signal,
  bin: process.argv[1],
});

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function paint(io: CliIo): (code: number, text: string) => string {
  const on = io.isTTY === true && !io.env['NO_COLOR'];
  return (code, text) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);
}

/**
 * Anything printed that came from the content (file names, headings, messages that quote it),
 * made harmless for a terminal: every control character is shown as an escape (`\x1b`, `\x9b`,
 * `\u202e`), so nothing in a briefing can colour the output, retitle the window, clear the screen
 * or write the clipboard (OSC 52), nor reorder what is shown (bidirectional overrides). Line
 * breaks and tabs stay: messages and hints span lines. Applied at every print site, before
 * rfc-brief's own colours are added.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) => {
    const code = char.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// C0 but tab and line feed, DEL, C1, and the invisible marks that reorder or hide text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;
