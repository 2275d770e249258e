import { readFile } from 'node:fs/promises';
import { isCrmError } from '@kizuna/crm-core';
import { parseZohoMappingFile, zohoDefaultMapping, type ZohoMapping } from '@kizuna/crm-zoho';
import { exitCodes } from '../exitCodes';
import type { ZohoConnectionOptions } from './zohoArgs';

export type ZohoMappingLoad = { readonly ok: true; readonly mapping: ZohoMapping } | { readonly ok: false; readonly code: number; readonly message: string };

/** The default Zoho layout with the `--mapping` file's overrides: unreadable 66, invalid 2 (as for Salesforce). */
export async function loadZohoMapping(options: ZohoConnectionOptions): Promise<ZohoMappingLoad> {
  if (options.mapping === undefined) return { ok: true, mapping: zohoDefaultMapping };
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
    return { ok: true, mapping: parseZohoMappingFile(json) };
  } catch (error) {
    if (isCrmError(error)) return { ok: false, code: exitCodes.usage, message: `${arg}: ${error.message}` };
    throw error;
  }
}
