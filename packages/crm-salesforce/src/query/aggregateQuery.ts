import type { Query } from '@jetstreamapp/soql-parser-js';
import { CrmError, type HttpTransport } from '@kizuna/crm-core';
import { z } from 'zod';
import type { SalesforceConnection } from '../connection';
import { fetchQueryPage, queryUrl } from '../restQuery';
import type { SingleBatchOptions } from './readerContext';
import { groupingColumnOf, groupingColumnsOf, isAggregateShape, isCountQuery, parseSoqlShape, rollupFieldsOf } from './soqlShape';

/** A value of an AggregateResult column: grouped values, counts, sums, `+0000` datetimes as text. */
export type AggregateValue = string | number | boolean | null;
/** `detail`: an ordinary group; `subtotal`: some ROLLUP fields rolled up; `total`: all of them. */
export type RollupLevel = 'detail' | 'subtotal' | 'total';
export interface RollupGrouping {
  readonly level: RollupLevel;
  /** The ROLLUP fields (as written in the query) that this row totals over; their values are null. */
  readonly rolledUp: readonly string[];
}
export interface AggregateRow {
  /** By alias, grouped field name, or implied `expr0, expr1 …`; `attributes` is dropped. */
  readonly values: Readonly<Record<string, AggregateValue>>;
  /** Only for GROUP BY ROLLUP queries, read from their GROUPING(field) columns. */
  readonly grouping?: RollupGrouping;
}

const aggregateRowSchema = z
  .object({ attributes: z.object({ type: z.literal('AggregateResult') }) })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]));

interface RollupColumns {
  readonly fields: readonly string[];
  readonly keys: readonly string[];
}

/** For a ROLLUP query, the GROUPING column of every ROLLUP field; refuses the query if one is missing. */
function rollupColumnsOf(query: Query): RollupColumns | null {
  const fields = rollupFieldsOf(query);
  if (fields === null) return null;
  const columns = groupingColumnsOf(query);
  const keys = fields.map((field) => {
    const key = groupingColumnOf(columns, field, query);
    if (key === undefined) {
      throw new CrmError('INVALID_QUERY', `Select GROUPING(${field}) too: without it a ROLLUP subtotal row cannot be told from a group whose ${field} is null.`);
    }
    return key;
  });
  return { fields, keys };
}

function groupingOf(row: Readonly<Record<string, AggregateValue>>, rollup: RollupColumns): RollupGrouping {
  const rolledUp = rollup.fields.filter((field, index) => {
    const value = row[rollup.keys[index] ?? ''];
    if (value !== 0 && value !== 1) {
      throw new CrmError('MALFORMED_RESPONSE', `GROUPING(${field}) should be 0 or 1, not ${JSON.stringify(value)}.`);
    }
    return value === 1;
  });
  const level: RollupLevel = rolledUp.length === 0 ? 'detail' : rolledUp.length === rollup.fields.length ? 'total' : 'subtotal';
  return { level, rolledUp };
}

function rowOf(record: unknown, rollup: RollupColumns | null): AggregateRow {
  const parsed = aggregateRowSchema.safeParse(record);
  if (!parsed.success) throw new CrmError('MALFORMED_RESPONSE', 'Salesforce returned an aggregate row of an unexpected shape.', { cause: parsed.error });
  const { attributes: _attributes, ...values } = parsed.data;
  return rollup === null ? { values } : { values, grouping: groupingOf(values, rollup) };
}

/**
 * The AggregateResult rows of a GROUP BY, GROUP BY ROLLUP or aggregate SOQL query. Aggregate
 * results come in one batch of at most 2,000 rows and cannot be paged (reference A.6), so a
 * result that is not `done` is refused (INVALID_QUERY: narrow the query) rather than truncated.
 * ROLLUP queries must select GROUPING(field) for every ROLLUP field; each row then says whether
 * it is a detail, subtotal or grand-total row.
 */
export async function aggregateQuery(
  transport: HttpTransport,
  connection: SalesforceConnection,
  soql: string,
  options: SingleBatchOptions = {},
): Promise<AggregateRow[]> {
  if (isCountQuery(soql)) throw new CrmError('INVALID_QUERY', 'COUNT() has no rows: use countQuery, or COUNT(Id) here.');
  const query = parseSoqlShape(soql);
  if (!isAggregateShape(query)) throw new CrmError('INVALID_QUERY', 'aggregateQuery runs GROUP BY or aggregate-function queries only.');
  const rollup = rollupColumnsOf(query);
  const page = await fetchQueryPage(transport, queryUrl(connection, soql, options.includeDeleted === true), { Accept: 'application/json' }, options.signal);
  if (!page.done) {
    throw new CrmError('INVALID_QUERY', `More than ${page.records.length} aggregate rows, and aggregate results cannot be paged: narrow the query.`);
  }
  return page.records.map((record) => rowOf(record, rollup));
}
