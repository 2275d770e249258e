import { parseArgs } from 'node:util';
import type { CliIo } from '../cliIo';
import { connectionArgOptions, readConnectionOptions, secretsInArgs, type ConnectionOptions } from '../crm/connectionArgs';

/** What `kizuna doctor` was asked to check. */
export interface DoctorOptions {
  readonly connection: ConnectionOptions;
  readonly json: boolean;
}

export type DoctorArgs =
  | { readonly kind: 'options'; readonly options: DoctorOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usageError'; readonly message: string; readonly secrets: readonly string[] };

/** Reads the arguments after `doctor`; never throws. */
export function parseDoctorArgs(argv: readonly string[], io: Pick<CliIo, 'cwd' | 'env'>): DoctorArgs {
  const env = io.env ?? {};
  try {
    const { values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: { ...connectionArgOptions, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
    if (values.help) return { kind: 'help' };
    return { kind: 'options', options: { connection: readConnectionOptions(values, env, io.cwd), json: values.json } };
  } catch (error) {
    return { kind: 'usageError', message: error instanceof Error ? error.message : String(error), secrets: secretsInArgs(argv, env) };
  }
}
