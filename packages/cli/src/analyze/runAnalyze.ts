import { buildFactTables } from '@kizuna/metrics';
import type { CliIo } from '../cliIo';
import { exitCodes } from '../exitCodes';
import { loadDataset, type LoadedData } from '../load/loadDataset';
import { DataLayoutError, NoInputError } from '../load/locateFiles';
import { problemLines } from '../output/inputsReport';
import { analyzeSections, runSections, type SectionModule } from '../sections/index';
import { analyzeUsage } from '../usage';
import { parseAnalyzeArgs, type AnalyzeOptions } from './analyzeOptions';
import { labelsOf } from './labels';
import { jsonOutput, textOutput } from './renderOutput';

const prefix = 'kizuna analyze:';

async function load(options: AnalyzeOptions, io: CliIo): Promise<LoadedData | number> {
  try {
    return await loadDataset(options.dataDir, options.dataArg);
  } catch (error) {
    if (error instanceof NoInputError) {
      io.stderr.write(`${prefix} ${error.message}\n`);
      return exitCodes.noInput;
    }
    if (error instanceof DataLayoutError) {
      io.stderr.write(`${prefix} ${error.message}\n`);
      return exitCodes.dataError;
    }
    throw error;
  }
}

function nothingUsable(loaded: LoadedData): string | undefined {
  const accounts = loaded.report.files.find((file) => file.entity === 'account');
  if (accounts === undefined || accounts.rowsUsed > 0) return undefined;
  const why = accounts.problem ?? `${accounts.rowsRejected} of ${accounts.rowsRead} rows rejected`;
  return `nothing usable in ${loaded.report.dir}: no valid account in ${accounts.path} (${why})`;
}

/** Runs `kizuna analyze` on already checked options; resolves to the exit code. */
export async function analyze(options: AnalyzeOptions, io: CliIo, modules: readonly SectionModule[] = analyzeSections): Promise<number> {
  const loaded = await load(options, io);
  if (typeof loaded === 'number') return loaded;
  const problems = problemLines(loaded.report);
  if (problems.length > 0) io.stderr.write(`${problems.join('\n')}\n`);
  const unusable = nothingUsable(loaded);
  if (unusable !== undefined) {
    io.stderr.write(`${prefix} ${unusable}\n`);
    return exitCodes.dataError;
  }
  const { dataset, report } = loaded;
  const context = { dataset, tables: buildFactTables(dataset), options, labels: labelsOf(dataset) };
  const { sections, failed } = runSections(modules, context);
  io.stdout.write(options.json ? jsonOutput(options, report, sections, failed) : textOutput(report, sections));
  if (failed.length > 0) io.stderr.write(`${prefix} section(s) failed: ${failed.join(', ')}\n`);
  return failed.length > 0 ? exitCodes.software : exitCodes.ok;
}

/** `kizuna analyze …`: parses the arguments, then analyses; resolves to the exit code. */
export async function runAnalyze(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseAnalyzeArgs(argv, io.cwd);
  switch (args.kind) {
    case 'help':
      io.stdout.write(`${analyzeUsage}\n`);
      return exitCodes.ok;
    case 'usageError':
      io.stderr.write(`${prefix} ${args.message}\n\n${analyzeUsage}\n`);
      return exitCodes.usage;
    case 'options':
      return analyze(args.options, io);
  }
}
