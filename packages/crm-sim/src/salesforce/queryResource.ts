import { aggregateQueryMore, invalidQueryLocator, malformedQuery } from './salesforceApiError';
import { maxAggregateRows } from './soql/aggregateQuery';
import type { SalesforceOrg } from './salesforceOrg';
import type { JsonQueryResult } from './soql/queryContext';

export const defaultBatchSize = 2000;
/** The locator handed out with an aggregate result's first batch; queryMore refuses it. */
const aggregateLocator = '01g000000000000AGG';
const minBatchSize = 200;

/**
 * `Sforce-Query-Options: batchSize=N`: 200–2,000, default 2,000. Values outside the range are
 * clamped to it (Salesforce documents the range and that the size is not guaranteed).
 */
export function batchSizeOf(header: string | null): number {
  const match = header === null ? null : /batchSize\s*=\s*(\d+)/i.exec(header);
  if (match?.[1] === undefined) return defaultBatchSize;
  return Math.min(defaultBatchSize, Math.max(minBatchSize, Number(match[1])));
}

function nextRecordsUrl(version: string, locatorId: string, offset: number): string {
  return `/services/data/${version}/query/${locatorId}-${offset}`;
}

/** `GET /query?q=` and `/queryAll?q=`: the first batch, and a locator when there is more. */
export function runQuery(
  org: SalesforceOrg,
  soql: string | null,
  options: { version: string; includeDeleted: boolean; batchSize: number },
): JsonQueryResult {
  if (soql === null || soql.trim() === '') throw malformedQuery('unexpected token: <EOF>');
  const result = org.execute(soql, { includeDeleted: options.includeDeleted, apiVersion: options.version });
  if (result.kind === 'count') return { totalSize: result.totalSize, done: true, records: [] };
  // Aggregate results come in one batch of at most 2,000 rows, whatever batchSize says; past
  // that the batch ends with done: false and a locator that queryMore refuses.
  if (result.kind === 'aggregate') {
    if (result.records.length <= maxAggregateRows) return { totalSize: result.totalSize, done: true, records: result.records };
    return {
      totalSize: result.totalSize,
      done: false,
      nextRecordsUrl: nextRecordsUrl(options.version, aggregateLocator, maxAggregateRows),
      records: result.records.slice(0, maxAggregateRows),
    };
  }
  const records = result.page(0, options.batchSize);
  if (records.length >= result.totalSize) return { totalSize: result.totalSize, done: true, records };
  const locatorId = org.cursors.open({ result, batchSize: options.batchSize });
  return {
    totalSize: result.totalSize,
    done: false,
    nextRecordsUrl: nextRecordsUrl(options.version, locatorId, records.length),
    records,
  };
}

/** `GET /query/01g…-2000` (or `/queryAll/…`): the batch at the locator's offset. */
export function runQueryMore(org: SalesforceOrg, locator: string, version: string): JsonQueryResult {
  if (locator.startsWith(`${aggregateLocator}-`)) throw aggregateQueryMore();
  const match = /^(01g[0-9A-Za-z]{15})-(\d+)$/.exec(locator);
  const locatorId = match?.[1];
  const cursor = locatorId === undefined ? undefined : org.cursors.get(locatorId);
  const offset = Number(match?.[2]);
  if (locatorId === undefined || cursor === undefined || offset > cursor.result.totalSize) throw invalidQueryLocator();
  const records = cursor.result.page(offset, cursor.batchSize);
  const next = offset + records.length;
  if (next >= cursor.result.totalSize) {
    org.cursors.close(locatorId);
    return { totalSize: cursor.result.totalSize, done: true, records };
  }
  return {
    totalSize: cursor.result.totalSize,
    done: false,
    nextRecordsUrl: nextRecordsUrl(version, locatorId, next),
    records,
  };
}
