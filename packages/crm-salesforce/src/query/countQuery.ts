import { CrmError, type HttpTransport } from '@kizuna/crm-core';
import { z } from 'zod';
import type { SalesforceConnection } from '../connection';
import { fetchQueryPage, queryUrl } from '../restQuery';
import type { SingleBatchOptions } from './readerContext';
import { isCountQuery } from './soqlShape';

/** COUNT() answers in `totalSize`, with no records (reference A.6). */
const countResultSchema = z.object({ totalSize: z.number().int().nonnegative(), done: z.literal(true), records: z.array(z.unknown()).length(0) });

/**
 * The number of rows a `SELECT COUNT() FROM … [WHERE …]` query counts, read from `totalSize`.
 * Refuses any other query (INVALID_QUERY): `COUNT(Id)` is an aggregate — see `aggregateQuery` —
 * and a records query's `totalSize` would cost reading the rows.
 */
export async function countQuery(
  transport: HttpTransport,
  connection: SalesforceConnection,
  soql: string,
  options: SingleBatchOptions = {},
): Promise<number> {
  if (!isCountQuery(soql)) {
    throw new CrmError('INVALID_QUERY', 'countQuery runs `SELECT COUNT() FROM …` only; use aggregateQuery for COUNT(field).');
  }
  const page = await fetchQueryPage(transport, queryUrl(connection, soql, options.includeDeleted === true), { Accept: 'application/json' }, options.signal);
  const result = countResultSchema.safeParse(page);
  if (!result.success) {
    throw new CrmError('MALFORMED_RESPONSE', 'Salesforce answered COUNT() with records or more batches.', { cause: result.error });
  }
  return result.data.totalSize;
}
