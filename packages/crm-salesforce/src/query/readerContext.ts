import type { HttpTransport } from '@kizuna/crm-core';
import type { SalesforceConnection } from '../connection';

/** Options of a single-batch read (COUNT() and aggregate results are never paged). */
export interface SingleBatchOptions {
  /** `queryAll`: count or aggregate deleted and archived rows as well. */
  readonly includeDeleted?: boolean;
  readonly signal?: AbortSignal;
}

/** What following a child result's `nextRecordsUrl` needs. */
export interface ChildPaging {
  readonly transport: HttpTransport;
  readonly connection: SalesforceConnection;
  readonly signal?: AbortSignal;
}
