import { CrmError, type HttpTransport } from '@kizuna/crm-core';
import type { SalesforceConnection } from '../connection';
import { queryAll, type QueryOptions, type SalesforceRecord } from '../restQuery';
import { isCountQuery } from './soqlShape';

/**
 * Every record of a SOQL query: `/query`, or `/queryAll` with `includeDeleted` (deleted and
 * archived rows too), paged to the end by `done` / `nextRecordsUrl` — never by counting.
 * Refuses `COUNT()`, whose rows are always `[]` (use `countQuery`).
 */
export async function readRecords(
  transport: HttpTransport,
  connection: SalesforceConnection,
  soql: string,
  options: QueryOptions = {},
): Promise<SalesforceRecord[]> {
  if (isCountQuery(soql)) throw new CrmError('INVALID_QUERY', 'COUNT() returns no records: use countQuery.');
  return queryAll(transport, connection, soql, options);
}
