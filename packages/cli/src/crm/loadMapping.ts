import { readFile } from 'node:fs/promises';
import { isCrmError } from '@kizuna/crm-core';
import { parseSalesforceMappingFile, salesforceDefaultMapping, type SalesforceMapping } from '@kizuna/crm-salesforce';
import { exitCodes } from '../exitCodes';
import type { ConnectionOptions } from './connectionArgs';

export type MappingLoad =
  | { readonly ok: true; readonly mapping: SalesforceMapping; readonly custom: boolean }
  | { readonly ok: false; readonly code: number; readonly message: string };

/**
 * The mapping to use: the default layout, with the `--mapping` file's overrides applied. A file
 * that cannot be read is exit 66 (as `analyze`'s missing input); one that is not a valid mapping
 * file is a usage error (2), with every problem named.
 */
export async function loadMapping(options: ConnectionOptions): Promise<MappingLoad> {
  if (options.mapping === undefined) return { ok: true, mapping: salesforceDefaultMapping, custom: false };
  const { arg, path } = options.mapping;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { ok: false, code: exitCodes.noInput, message: `cannot read the mapping file ${arg} (${reason})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, code: exitCodes.usage, message: `the mapping file ${arg} is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    return { ok: true, mapping: parseSalesforceMappingFile(json), custom: true };
  } catch (error) {
    if (isCrmError(error)) return { ok: false, code: exitCodes.usage, message: `${arg}: ${error.message}` };
    throw error;
  }
}
