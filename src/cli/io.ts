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
