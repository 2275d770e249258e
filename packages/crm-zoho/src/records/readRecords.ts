import { CrmError } from '@kizuna/crm-core';
import type { ZohoGateway, ZohoRecord } from '../gateway';
import { MAX_FIELDS_PER_CALL, PAGE_REACH, RECORDS_PER_PAGE } from '../restGateway';
import { coqlLimits, coqlSelect, type CoqlSelect } from '../coql/coqlText';

/** Field lists of at most 50, `id` in each (the Records API returns it anyway; it joins the parts). */
export function fieldChunks(fields: readonly string[], size = MAX_FIELDS_PER_CALL): string[][] {
  const unique = [...new Set(fields.filter((field) => field !== 'id'))];
  const chunks: string[][] = [];
  for (let start = 0; start < unique.length; start += size) chunks.push(unique.slice(start, start + size));
  return chunks.length === 0 ? [['id']] : chunks;
}

/**
 * Every page of one module through the Records API: `page` while it reaches (≤ 2,000 records),
 * then `page_token` from the previous answer (never both); stops on `more_records === false`, never
 * by counting. A 204 is an empty module.
 */
export async function* recordPages(gateway: ZohoGateway, module: string, fields: readonly string[], signal?: AbortSignal): AsyncGenerator<readonly ZohoRecord[]> {
  let page = 1;
  let token: string | undefined;
  for (;;) {
    const useToken = page * RECORDS_PER_PAGE > PAGE_REACH;
    if (useToken && token === undefined) {
      throw new CrmError('MALFORMED_RESPONSE', `Zoho said more ${module} records follow past ${PAGE_REACH} but gave no page token.`);
    }
    const answer = await gateway.listRecords({ module, fields, ...(useToken && token !== undefined ? { pageToken: token } : { page }), perPage: RECORDS_PER_PAGE }, signal);
    yield answer.rows;
    if (!answer.more) return;
    token = answer.nextPageToken;
    page += 1;
  }
}

/**
 * All records of a module with any number of fields: more than 50 are read in parts of 50 (each
 * part paged to its end) and joined on `id`.
 */
export async function readAllRecords(gateway: ZohoGateway, module: string, fields: readonly string[], signal?: AbortSignal): Promise<ZohoRecord[]> {
  const byId = new Map<string, Record<string, unknown>>();
  for (const chunk of fieldChunks(fields)) {
    for await (const rows of recordPages(gateway, module, chunk, signal)) {
      for (const row of rows) {
        const id = row['id'];
        if (typeof id !== 'string') throw new CrmError('MALFORMED_RESPONSE', `Zoho returned a ${module} record without a string id.`);
        byId.set(id, { ...byId.get(id), ...row });
      }
    }
  }
  return [...byId.values()];
}

/**
 * Pages of a COQL select by LIMIT/OFFSET (2,000 a call) until `more_records` is false. COQL reaches
 * 100,000 records this way; a read that would go further fails with INVALID_QUERY rather than stop short.
 */
export async function* coqlPages(gateway: ZohoGateway, select: Omit<CoqlSelect, 'limit' | 'offset'>, signal?: AbortSignal): AsyncGenerator<readonly ZohoRecord[]> {
  for (let offset = 0; ; offset += coqlLimits.rowsPerCall) {
    if (offset + coqlLimits.rowsPerCall > coqlLimits.maxOffsetReach) {
      throw new CrmError('INVALID_QUERY', `More than ${coqlLimits.maxOffsetReach} ${select.module} records match: COQL cannot page further; narrow the window or the business units.`);
    }
    const page = await gateway.coql(coqlSelect({ ...select, limit: coqlLimits.rowsPerCall, offset }), signal);
    yield page.rows;
    if (!page.more) return;
  }
}

/** Every row of a COQL select, with more than 50 columns read in parts joined on `id`. */
export async function coqlAll(gateway: ZohoGateway, select: Omit<CoqlSelect, 'limit' | 'offset'>, signal?: AbortSignal): Promise<ZohoRecord[]> {
  const byId = new Map<string, Record<string, unknown>>();
  for (const fields of fieldChunks(select.fields, coqlLimits.columns - 1)) {
    for await (const rows of coqlPages(gateway, { ...select, fields: ['id', ...fields], orderBy: [{ field: 'id', direction: 'asc' }] }, signal)) {
      for (const row of rows) {
        const id = row['id'];
        if (typeof id !== 'string') throw new CrmError('MALFORMED_RESPONSE', `Zoho returned a ${select.module} row without a string id.`);
        byId.set(id, { ...byId.get(id), ...row });
      }
    }
  }
  return [...byId.values()];
}
