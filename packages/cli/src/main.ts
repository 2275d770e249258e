import { runAnalyze } from './analyze/runAnalyze';
import type { CliIo } from './cliIo';
import { exitCodes } from './exitCodes';
import { mainUsage } from './usage';

/**
 * The `kizuna` command line, in-process: writes to `io` and resolves to the exit code (never calls
 * `process.exit`), so tests run it directly and `bin/kizuna.mjs` only wires it to the process.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        io.stderr.write(`${mainUsage}\n`);
        return exitCodes.usage;
      case 'help':
      case '--help':
      case '-h':
        if (rest[0] === 'analyze') return await runAnalyze(['--help'], io);
        io.stdout.write(`${mainUsage}\n`);
        return exitCodes.ok;
      case 'analyze':
        return await runAnalyze(rest, io);
      default:
        io.stderr.write(`kizuna: unknown command ${command}\n\n${mainUsage}\n`);
        return exitCodes.usage;
    }
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`kizuna: internal error: ${detail}\n`);
    return exitCodes.software;
  }
}
