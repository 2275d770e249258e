import { parseArgs } from 'node:util';
import type { GenerateOptions } from './options';
import { writeOrganisationJsonl } from './writeOrganisationJsonl';

export const usage = `Usage: generate --seed N --accounts N --out DIR [--effects planted|none] [--periods N] [--as-of ISO]

Writes a deterministic sample organisation as JSON Lines, one file per entity (accounts.jsonl, feedback.jsonl …).`;

export interface CliCommand {
  readonly out: string;
  readonly options: GenerateOptions;
}

function integer(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  if (!/^-?\d+$/.test(text)) throw new Error(`--${name} must be a whole number (got ${text})`);
  return Number(text);
}

/** Reads `generate --seed N --accounts N --out DIR [--effects none] …`; throws an Error with a message for the user. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      seed: { type: 'string' },
      accounts: { type: 'string' },
      out: { type: 'string' },
      effects: { type: 'string' },
      periods: { type: 'string' },
      'as-of': { type: 'string' },
    },
  });
  if (positionals.length !== 1 || positionals[0] !== 'generate') throw new Error('the only command is "generate"');
  if (values.out === undefined) throw new Error('--out is required');
  const effects = values.effects ?? 'planted';
  if (effects !== 'planted' && effects !== 'none') throw new Error(`--effects must be planted or none (got ${effects})`);
  const options: GenerateOptions = {
    seed: integer('seed', values.seed),
    accounts: integer('accounts', values.accounts, 200),
    effects,
    ...(values.periods === undefined ? {} : { periods: integer('periods', values.periods) }),
    ...(values['as-of'] === undefined ? {} : { asOf: values['as-of'] }),
  };
  return { out: values.out, options };
}

export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

/** Runs the CLI; resolves to the process exit code. */
export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    output.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  const started = performance.now();
  const summary = await writeOrganisationJsonl(command.out, command.options);
  const seconds = (performance.now() - started) / 1000;
  for (const [entity, file] of Object.entries(summary.files)) {
    output.log(`${entity.padEnd(14)} ${String(file.records).padStart(10)} records  ${file.path}`);
  }
  output.log(`${summary.records} records, ${(summary.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
  return 0;
}
