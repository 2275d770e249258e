import { mapRecord, type ObjectMapping } from '@kizuna/crm-core';
import type { EntityName, EntityOf, RejectedRecord, UnavailablePart } from '@kizuna/model';

/** Refusals that lose one part of an account context (missing object or field, no access), not all of it. */
export const partErrorCodes: ReadonlySet<string> = new Set(['INVALID_TYPE', 'INVALID_FIELD', 'INVALID_QUERY', 'PERMISSION_DENIED']);

/**
 * Collects an account context's records as they are mapped: valid ones returned, invalid ones kept
 * in `rejected` with their issues, refused parts in `unavailable`. Shared by the REST and bridge reads.
 */
export class ContextBuilder {
  readonly rejected: RejectedRecord[] = [];
  readonly unavailable: UnavailablePart[] = [];

  map<TName extends EntityName>(entity: TName, mapping: ObjectMapping, records: ReadonlyArray<Readonly<Record<string, unknown>>>): EntityOf<TName>[] {
    const mapped: EntityOf<TName>[] = [];
    for (const record of records) {
      const result = mapRecord(entity, mapping, record);
      if (result.ok) mapped.push(result.value);
      else this.rejected.push({ entity, recordId: typeof record['Id'] === 'string' ? record['Id'] : undefined, issues: result.issues });
    }
    return mapped;
  }

  /** Notes a refused part once. */
  markUnavailable(part: UnavailablePart): void {
    if (!this.unavailable.some((known) => known.entity === part.entity && known.code === part.code && known.message === part.message)) {
      this.unavailable.push(part);
    }
  }
}
