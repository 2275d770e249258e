import type { RecordSource } from './recordSource';

/** What every part of one query's execution shares. */
export interface QueryContext {
  readonly source: RecordSource;
  /** `v66.0`: used in `attributes.url`. */
  readonly apiVersion: string;
  /** queryAll: include rows with `IsDeleted = true`. */
  readonly includeDeleted: boolean;
  /** Epoch ms that TODAY, LAST_N_DAYS:n … are relative to. */
  readonly now: number;
}

/** A record or aggregate row as it goes on the wire. */
export type JsonRecord = Record<string, unknown>;

/** A (child) QueryResult as it goes on the wire. */
export interface JsonQueryResult {
  readonly totalSize: number;
  readonly done: boolean;
  readonly nextRecordsUrl?: string;
  readonly records: readonly JsonRecord[];
}
