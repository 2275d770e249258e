import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from '../cliIo';
import { connectionArgOptions, readConnectionOptions, secretsInArgs, UsageError, type ConnectionOptions } from '../crm/connectionArgs';

/** What `kizuna pull` was asked to do, checked. */
export interface PullOptions {
  readonly connection: ConnectionOptions;
  /** The output directory as given, for messages, and absolute. */
  readonly outArg: string;
  readonly outDir: string;
  /** Rows per batch asked of Salesforce (`Sforce-Query-Options`), 200–2,000; default Salesforce's 2,000. */
  readonly batchSize: number | undefined;
  /** Ignore an unfinished checkpoint and start over. */
  readonly restart: boolean;
  readonly json: boolean;
}

export type PullArgs =
  | { readonly kind: 'options'; readonly options: PullOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usageError'; readonly message: string; readonly secrets: readonly string[] };

function batchSizeOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 200 || value > 2000) throw new UsageError(`--batch-size must be a whole number from 200 to 2000 (got ${text})`);
  return value;
}

function readArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: false,
    strict: true,
    options: {
      ...connectionArgOptions,
      out: { type: 'string' },
      'batch-size': { type: 'string' },
      restart: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
}

/** Reads the arguments after `pull`; never throws. */
export function parsePullArgs(argv: readonly string[], io: Pick<CliIo, 'cwd' | 'env'>): PullArgs {
  const env = io.env ?? {};
  try {
    const values = readArgs(argv);
    if (values.help) return { kind: 'help' };
    const connection = readConnectionOptions(values, env, io.cwd);
    if (values.out === undefined || values.out === '') throw new UsageError('--out DIR is required');
    const options: PullOptions = {
      connection,
      outArg: values.out,
      outDir: isAbsolute(values.out) ? values.out : resolve(io.cwd, values.out),
      batchSize: batchSizeOf(values['batch-size']),
      restart: values.restart,
      json: values.json,
    };
    return { kind: 'options', options };
  } catch (error) {
    return { kind: 'usageError', message: error instanceof Error ? error.message : String(error), secrets: secretsInArgs(argv, env) };
  }
}
