import { CapturedText } from '../cliIo';
import { main } from '../main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `kizuna …` in-process with captured output. */
export async function runCli(argv: readonly string[], cwd = process.cwd()): Promise<CliRun> {
  const stdout = new CapturedText();
  const stderr = new CapturedText();
  const code = await main(argv, { stdout, stderr, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
