import { mappedCrmFields, toCrmError, type CrmErrorCode, type ObjectMapping } from '@kizuna/crm-core';
import type { EntityName } from '@kizuna/model';
import { coqlLimits, coqlSelect, type CoqlCondition } from '../coql/coqlText';
import type { ZohoGateway, ZohoRecord } from '../gateway';
import { partErrorCodes } from './contextBuilder';

/** One COQL read of a module: the mapping's fields under fixed conditions, paged by OFFSET. */
export interface PartRead {
  readonly key: string;
  readonly entity: EntityName;
  readonly mapping: ObjectMapping;
  readonly where: readonly CoqlCondition[];
}

export type PartOutcome =
  | { readonly ok: true; readonly rows: ZohoRecord[] }
  | { readonly ok: false; readonly code: CrmErrorCode; readonly message: string };

export interface RoundStats {
  /** Sequential rounds of calls (calls of one round go out together). */
  rounds: number;
}

interface Cursor {
  readonly read: PartRead;
  offset: number;
  rows: ZohoRecord[];
  done: boolean;
  failure?: { code: CrmErrorCode; message: string };
}

function selectOf(read: PartRead): Omit<Parameters<typeof coqlSelect>[0], 'limit' | 'offset'> {
  const fields = [...new Set(['id', ...mappedCrmFields(read.mapping)])];
  return { module: read.mapping.object, fields, where: read.where, orderBy: [{ field: 'id', direction: 'asc' }] };
}

/**
 * Reads several parts in rounds: the first page of every part goes out at once, then the next
 * page of every part that said `more_records`, and so on — so a view costs as many sequential
 * round trips as its longest part has pages (2,000 rows a page). A part the CRM refuses (missing
 * module or field, no access) ends with its error; anything else (auth, limits, outage) rejects.
 */
export async function readPartsInRounds(gateway: ZohoGateway, reads: readonly PartRead[], stats: RoundStats, signal?: AbortSignal): Promise<Map<string, PartOutcome>> {
  const cursors: Cursor[] = reads.map((read) => ({ read, offset: 0, rows: [], done: false }));
  for (;;) {
    const open = cursors.filter((cursor) => !cursor.done);
    if (open.length === 0) break;
    stats.rounds += 1;
    await Promise.all(
      open.map(async (cursor) => {
        try {
          const page = await gateway.coql(coqlSelect({ ...selectOf(cursor.read), limit: coqlLimits.rowsPerCall, offset: cursor.offset }), signal);
          cursor.rows.push(...page.rows);
          cursor.offset += coqlLimits.rowsPerCall;
          cursor.done = !page.more;
        } catch (error) {
          const crmError = toCrmError(error);
          if (!partErrorCodes.has(crmError.code)) throw crmError;
          cursor.failure = { code: crmError.code, message: crmError.message };
          cursor.done = true;
        }
      }),
    );
  }
  return new Map(
    cursors.map((cursor) => [cursor.read.key, cursor.failure === undefined ? { ok: true, rows: cursor.rows } : { ok: false, ...cursor.failure }] as const),
  );
}
