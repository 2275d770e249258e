import { mapRecord, type ObjectMapping } from '@kizuna/crm-core';
import type { EntityName, EntityOf, RejectedRecord, UnavailablePart } from '@kizuna/model';
import type { ZohoRecord } from '../gateway';
import { flattenRecord } from '../records/flattenRecord';

/** Refusals that lose one part of a read (missing module or field, no access), not all of it. */
export const partErrorCodes: ReadonlySet<string> = new Set(['INVALID_TYPE', 'INVALID_FIELD', 'INVALID_QUERY', 'PERMISSION_DENIED']);

/** Maps records as they arrive: valid ones returned, invalid ones kept in `rejected`, refused parts in `unavailable`. */
export class ContextBuilder {
  readonly rejected: RejectedRecord[] = [];
  readonly unavailable: UnavailablePart[] = [];

  map<TName extends EntityName>(entity: TName, mapping: ObjectMapping, records: readonly ZohoRecord[]): EntityOf<TName>[] {
    const mapped: EntityOf<TName>[] = [];
    for (const record of records) {
      const result = mapRecord(entity, mapping, flattenRecord(record));
      if (result.ok) mapped.push(result.value);
      else this.rejected.push({ entity, recordId: typeof record['id'] === 'string' ? record['id'] : undefined, issues: result.issues });
    }
    return mapped;
  }

  markUnavailable(part: UnavailablePart): void {
    if (!this.unavailable.some((known) => known.entity === part.entity && known.code === part.code && known.message === part.message)) {
      this.unavailable.push(part);
    }
  }
}
