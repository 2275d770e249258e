import type { SalesforceSchema } from '../salesforceSchema';
import type { StoredRecord } from '../storedRecord';

/** What the SOQL executor reads: the schema, the records, and a clock for date literals. */
export interface RecordSource {
  readonly schema: SalesforceSchema;
  records(objectName: string): readonly StoredRecord[];
  recordById(id: string): { readonly objectName: string; readonly record: StoredRecord } | undefined;
  /** Records of `childObject` whose lookup `field` holds `parentId`. */
  childrenOf(childObject: string, field: string, parentId: string): readonly StoredRecord[];
  /** Epoch ms of "now" (TODAY, LAST_N_DAYS … are relative to it, in UTC). */
  now(): number;
}
