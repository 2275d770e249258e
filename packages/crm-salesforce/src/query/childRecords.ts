import { CrmError } from '@kizuna/crm-core';
import { asQueryPage, completeQueryResult, type SalesforceRecord } from '../restQuery';
import type { ChildPaging } from './readerContext';

/**
 * The rows of a parent-to-child subquery, e.g. `childRecords(account, 'Contacts')`. Salesforce
 * sends `null` when there are none (reference A.4), which gives `[]`, as does a relationship that
 * was not selected. A child result with `done: false` is followed to the end via `paging`
 * (`completeQueryResult`); without `paging` it is refused rather than cut short.
 */
export async function childRecords(record: SalesforceRecord, relationship: string, paging?: ChildPaging): Promise<SalesforceRecord[]> {
  const value = record[relationship];
  if (value === null || value === undefined) return [];
  const first = asQueryPage(value, `the ${relationship} child result`);
  if (first.done) return [...first.records];
  if (paging === undefined) {
    throw new CrmError('INVALID_INPUT', `${relationship} has more rows than its first batch: pass a transport and connection to read them.`);
  }
  return completeQueryResult(paging.transport, paging.connection, first, paging.signal);
}
