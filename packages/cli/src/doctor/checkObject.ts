import { isCrmError, type CrmError } from '@kizuna/crm-core';
import { queryPages } from '@kizuna/crm-salesforce';
import type { CliSession } from '../crm/salesforceSession';
import { keysetQuery, namedFields, probeQuery, type PullPart } from '../crm/pullParts';

/** What one part's object and fields look like to this user. */
export type ObjectStatus =
  | { readonly kind: 'ok'; readonly empty: boolean }
  /** INVALID_TYPE: no such object, or the user may not see it (Salesforce does not tell them apart). */
  | { readonly kind: 'missingObject'; readonly message: string }
  /** INVALID_FIELD on these fields: no such field, or field-level security hides it. */
  | { readonly kind: 'missingFields'; readonly fields: readonly string[] }
  | { readonly kind: 'noAccess'; readonly message: string }
  /** Refused for another reason (a field that cannot be filtered or sorted …). */
  | { readonly kind: 'refused'; readonly message: string };

/** Answers that concern the object or its fields; every other failure stops the doctor. */
const objectCodes = new Set(['INVALID_TYPE', 'INVALID_FIELD', 'INVALID_QUERY', 'PERMISSION_DENIED']);

/** Runs a query for its first batch: the number of records, or the object-level error. */
async function tryQuery(session: CliSession, soql: string, includeDeleted: boolean, signal: AbortSignal | undefined): Promise<number | CrmError> {
  try {
    for await (const records of queryPages(session.transport, session.connection, soql, { includeDeleted, ...(signal === undefined ? {} : { signal }) })) {
      return records.length;
    }
    return 0;
  } catch (error) {
    if (isCrmError(error) && objectCodes.has(error.code)) return error;
    throw error;
  }
}

/**
 * The fields among `fields` that Salesforce refuses, by bisection: a half that reads is clean, a
 * refused half is split again. k bad fields among n cost about 2k·log2(n) cheap queries.
 */
async function refusedFields(session: CliSession, object: string, fields: readonly string[], signal: AbortSignal | undefined): Promise<string[]> {
  if (fields.length <= 1) return [...fields];
  const middle = Math.ceil(fields.length / 2);
  const found: string[] = [];
  for (const half of [fields.slice(0, middle), fields.slice(middle)]) {
    const answer = await tryQuery(session, probeQuery(object, half), false, signal);
    if (typeof answer !== 'number' && answer.code === 'INVALID_FIELD') found.push(...(await refusedFields(session, object, half, signal)));
  }
  return found;
}

/** `SELECT Id FROM <object> LIMIT 1`: proves the session works (an object error still does). */
export async function probeConnection(session: CliSession, object: string, signal: AbortSignal | undefined): Promise<void> {
  await tryQuery(session, probeQuery(object, ['Id']), false, signal);
}

/**
 * Checks one part with the cheapest query that proves it: the pull's own query with LIMIT 1 (all
 * mapped fields, its filters, ORDER BY Id). Describe is not needed. On INVALID_FIELD the offending
 * fields are found by bisection; on INVALID_TYPE the object is reported.
 */
export async function checkObject(session: CliSession, part: PullPart, signal: AbortSignal | undefined): Promise<ObjectStatus> {
  const answer = await tryQuery(session, keysetQuery(part, null, 1), part.includeArchived, signal);
  if (typeof answer === 'number') return { kind: 'ok', empty: answer === 0 };
  switch (answer.code) {
    case 'INVALID_TYPE':
      return { kind: 'missingObject', message: answer.message };
    case 'PERMISSION_DENIED':
      return { kind: 'noAccess', message: answer.message };
    case 'INVALID_FIELD': {
      const fields = await refusedFields(session, part.mapping.object, namedFields(part), signal);
      return fields.length > 0 ? { kind: 'missingFields', fields } : { kind: 'refused', message: answer.message };
    }
    default:
      return { kind: 'refused', message: answer.message };
  }
}
