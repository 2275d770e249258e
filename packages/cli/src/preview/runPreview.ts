import type { CliIo } from '../cliIo';
import { exitCodes } from '../exitCodes';
import { loadDataset, type LoadedData } from '../load/loadDataset';
import { DataLayoutError, NoInputError } from '../load/locateFiles';
import { problemLines } from '../output/inputsReport';
import { parsePreviewArgs, type PreviewOptions } from './previewArgs';
import { previewPayloadOf } from './previewPayload';
import type { PreviewServer, startPreviewServer } from './previewServer';
import { previewUsage } from './previewUsage';

const prefix = 'kizuna preview:';

export interface RunningPreview {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Reads and validates the data directory as `kizuna analyze` does (problems to stderr), then
 * starts the demo over it. Resolves to the running server, or to an exit code when there is
 * nothing to serve.
 */
/** The demo's server, loaded only when a preview starts (it brings Vite and the demo's build). */
async function startDemoServer(...args: Parameters<typeof startPreviewServer>): Promise<PreviewServer> {
  const { startPreviewServer: start } = await import('./previewServer');
  return start(...args);
}

export async function startPreview(options: PreviewOptions, io: CliIo, start: typeof startPreviewServer = startDemoServer): Promise<RunningPreview | number> {
  let loaded: LoadedData;
  try {
    loaded = await loadDataset(options.dataDir, options.dataArg);
  } catch (error) {
    if (error instanceof NoInputError || error instanceof DataLayoutError) {
      io.stderr.write(`${prefix} ${error.message}\n`);
      return error instanceof NoInputError ? exitCodes.noInput : exitCodes.dataError;
    }
    throw error;
  }
  const problems = problemLines(loaded.report);
  if (problems.length > 0) io.stderr.write(`${problems.join('\n')}\n`);
  if (loaded.dataset.accounts.length === 0) {
    io.stderr.write(`${prefix} nothing to show: no valid account in ${loaded.report.dir}\n`);
    return exitCodes.dataError;
  }
  const payload = previewPayloadOf(loaded.dataset, loaded.report, options.asOf);
  const server: PreviewServer = await start(payload, options.port);
  const rejected = loaded.report.files.reduce((sum, file) => sum + file.rowsRejected, 0);
  io.stdout.write(
    `${prefix} the demo over ${payload.source}${rejected > 0 ? `, ${rejected} rejected rows left out` : ''}, as of ${payload.asOf}\n` +
      `${prefix} ${server.url}/  (accounts list; Ctrl-C stops)\n`,
  );
  return server;
}

/**
 * Resolves when the caller's signal fires, or, without one (the command line), on Ctrl-C or
 * SIGTERM: the dev server keeps the process alive, so the command stops it itself.
 */
function stopRequested(signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal !== undefined) {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `kizuna preview …`: serves until `io.signal` fires (Ctrl-C), then stops; resolves to the exit code. */
export async function runPreview(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parsePreviewArgs(argv, io.cwd);
  if (args.kind === 'help') {
    io.stdout.write(`${previewUsage}\n`);
    return exitCodes.ok;
  }
  if (args.kind === 'usageError') {
    io.stderr.write(`${prefix} ${args.message}\n\n${previewUsage}\n`);
    return exitCodes.usage;
  }
  const running = await startPreview(args.options, io);
  if (typeof running === 'number') return running;
  await stopRequested(io.signal);
  io.stdout.write(`${prefix} stopping\n`);
  await running.close();
  return exitCodes.ok;
}
