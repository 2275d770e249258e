import { runAnalyze } from './analyze/runAnalyze';
import type { CliIo } from './cliIo';
import { runDoctor } from './doctor/runDoctor';
import { exitCodes } from './exitCodes';
import { runPreview } from './preview/runPreview';
import { runPull } from './pull/runPull';
import { mainUsage } from './usage';

const commands: ReadonlyMap<string, (argv: readonly string[], io: CliIo) => Promise<number>> = new Map([
  ['analyze', runAnalyze],
  ['pull', runPull],
  ['doctor', runDoctor],
  ['preview', runPreview],
]);

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
      case '-h': {
        const topic = rest[0] === undefined ? undefined : commands.get(rest[0]);
        if (topic !== undefined) return await topic(['--help'], io);
        io.stdout.write(`${mainUsage}\n`);
        return exitCodes.ok;
      }
      default: {
        const run = commands.get(command);
        if (run !== undefined) return await run(rest, io);
        io.stderr.write(`kizuna: unknown command ${command}\n\n${mainUsage}\n`);
        return exitCodes.usage;
      }
    }
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`kizuna: internal error: ${detail}\n`);
    return exitCodes.software;
  }
}
