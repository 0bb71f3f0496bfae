import { runCli } from '../../src/cli.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  /** stderr without the progress lines (they have a test of their own). */
  readonly stderr: string;
  /** stderr as printed. */
  readonly rawStderr: string;
}

/** runCli in-process with its output captured; stderr is not a terminal. */
export async function run(args: readonly string[], cwd: string, env: Record<string, string | undefined> = process.env): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env, isTTY: false });
  const withoutProgress = stderr
    .split('\n')
    .filter((line) => !line.startsWith('rfc-brief: '))
    .join('\n');
  return { code, stdout, stderr: withoutProgress, rawStderr: stderr };
}
