import { isJsonObject, type RestAnswer, type RestCall } from '../restAnswer';
import { invalidType, notFound, SalesforceApiError } from '../salesforceApiError';
import { toSalesforceId18 } from '../salesforceId';
import type { SalesforceOrg } from '../salesforceOrg';
import { cannotDeserialize, malformedId, methodNotAllowed } from './dmlErrors';
import { describeOrNotFound, type WriteBody } from './sobjectWrites';

/** sObject Collections take at most 200 records (or ids) per request. */
export const maxCollectionRecords = 200;

type ItemResult = Readonly<Record<string, unknown>>;

export interface CollectionAnswer {
  readonly answer: RestAnswer;
  /** Whether any record failed (what makes an enclosing allOrNone composite roll back). */
  readonly itemsFailed: boolean;
}

function exceededIdLimit(): SalesforceApiError {
  // Observed wording (jsforce users); the docs only say "up to 200".
  return new SalesforceApiError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${maxCollectionRecords} records into this call`);
}

const rolledBack: ItemResult = {
  success: false,
  errors: [
    {
      statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
      fields: [],
    },
  ],
};

/** A failed item: `statusCode`, not `errorCode`, inside SaveResults; no `id` key (as the docs show). */
function failure(error: SalesforceApiError): ItemResult {
  return { success: false, errors: [{ statusCode: error.errorCode, message: error.message, fields: [...(error.fields ?? [])] }] };
}

/**
 * Runs one operation per item inside a savepoint. With `allOrNone`, one failure rolls every
 * write back and the items that had succeeded report ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
function runItems<T>(org: SalesforceOrg, items: readonly T[], allOrNone: boolean, operation: (item: T) => ItemResult): CollectionAnswer {
  org.store.begin();
  const outcomes = items.map((item): { ok: ItemResult } | { error: SalesforceApiError } => {
    try {
      return { ok: operation(item) };
    } catch (error) {
      if (error instanceof SalesforceApiError) return { error };
      throw error;
    }
  });
  const itemsFailed = outcomes.some((outcome) => 'error' in outcome);
  const rollback = allOrNone && itemsFailed;
  if (rollback) org.store.rollback();
  else org.store.commit();
  const results = outcomes.map((outcome) => ('error' in outcome ? failure(outcome.error) : rollback ? rolledBack : outcome.ok));
  return { answer: { status: 200, body: results }, itemsFailed };
}

interface CollectionBody {
  readonly allOrNone: boolean;
  readonly records: readonly { readonly type: string; readonly fields: WriteBody }[];
}

/** `{allOrNone?, records: [{attributes: {type}, …}]}`; malformed requests fail as a whole with 400 (codes unverified). */
function collectionBody(body: unknown): CollectionBody {
  const records = isJsonObject(body) ? body['records'] : undefined;
  if (!Array.isArray(records)) throw cannotDeserialize('SObject[]', 'no records', String(records));
  if (records.length > maxCollectionRecords) throw exceededIdLimit();
  return {
    allOrNone: isJsonObject(body) && body['allOrNone'] === true,
    records: records.map((record: unknown) => {
      const attributes = isJsonObject(record) ? record['attributes'] : undefined;
      const type = isJsonObject(attributes) ? attributes['type'] : undefined;
      if (!isJsonObject(record) || typeof type !== 'string') {
        throw new SalesforceApiError(400, 'INVALID_TYPE', 'Each record of an sObject Collections request needs attributes with a type');
      }
      return { type, fields: record };
    }),
  };
}

function idOf(fields: WriteBody): string {
  const id = Object.entries(fields).find(([key]) => key.toLowerCase() === 'id')?.[1];
  if (typeof id !== 'string') throw new SalesforceApiError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', []);
  return id;
}

function withoutId(fields: WriteBody): WriteBody {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => key.toLowerCase() !== 'id'));
}

/** `PATCH /composite/sobjects/Type/ExternalIdField`: every record of that type, keyed by the field's value. */
function upsertCollection(org: SalesforceOrg, type: string, field: string, body: CollectionBody, allOrNone: boolean): CollectionAnswer {
  const describe = describeOrNotFound(org.store, type);
  if (body.records.some((record) => record.type.toLowerCase() !== describe.name.toLowerCase())) {
    throw new SalesforceApiError(400, 'INVALID_TYPE', `Each record must be of type ${describe.name}, as the URL says`);
  }
  return runItems(org, body.records, allOrNone, (record) => {
    const value = Object.entries(record.fields).find(([key]) => key.toLowerCase() === field.toLowerCase())?.[1];
    if (typeof value !== 'string' || value === '') throw new SalesforceApiError(400, 'MISSING_ARGUMENT', `${field} not specified`, [field]);
    const outcome = org.sobjects.upsert(describe.name, field, value, record.fields);
    return { id: outcome.id, success: true, errors: [], created: outcome.created };
  });
}

function deleteCollection(org: SalesforceOrg, params: URLSearchParams, allOrNone: boolean): CollectionAnswer {
  const ids = (params.get('ids') ?? '').split(',').filter((id) => id !== '');
  if (ids.length > maxCollectionRecords) throw exceededIdLimit();
  return runItems(org, ids, allOrNone, (id) => {
    const id18 = toSalesforceId18(id);
    const found = id18 === null ? undefined : org.store.recordById(id18);
    if (id18 === null || found === undefined) throw malformedId('Id', 'Id', id);
    org.sobjects.delete(found.objectName, id18);
    return { id: id18, success: true, errors: [] };
  });
}

/**
 * sObject Collections under `/composite/sobjects`: create (POST), update (PATCH), delete
 * (DELETE `?ids=`) and upsert (PATCH `/Type/ExternalIdField`). A well-formed request answers 200
 * with one result per record, in order, even when records failed. `allOrNoneOverride` is the
 * enclosing composite's `allOrNone: true`, which overrides the request's own flag.
 */
export function collectionsResource(org: SalesforceOrg, segments: readonly string[], call: RestCall, allOrNoneOverride: boolean): CollectionAnswer {
  const [type, field, ...rest] = segments;
  const params = new URL(call.url, 'https://sim.invalid').searchParams;
  if (rest.length > 0 || (type !== undefined && field === undefined)) throw notFound();
  if (call.method === 'DELETE' && type === undefined) return deleteCollection(org, params, allOrNoneOverride || params.get('allOrNone') === 'true');
  const body = collectionBody(call.body);
  const allOrNone = allOrNoneOverride || body.allOrNone;
  if (type !== undefined && field !== undefined) {
    if (call.method !== 'PATCH') throw methodNotAllowed(call.method, ['PATCH']);
    return upsertCollection(org, type, field, body, allOrNone);
  }
  if (call.method === 'POST') {
    return runItems(org, body.records, allOrNone, (record) => {
      if (org.schema.object(record.type) === undefined) throw invalidType(record.type);
      return { id: org.sobjects.create(record.type, record.fields), success: true, errors: [] };
    });
  }
  if (call.method === 'PATCH') {
    return runItems(org, body.records, allOrNone, (record) => {
      const id = idOf(record.fields);
      org.sobjects.update(record.type, id, withoutId(record.fields));
      return { id: org.sobjects.find(record.type, id)['Id'], success: true, errors: [] };
    });
  }
  throw methodNotAllowed(call.method, ['POST', 'PATCH', 'DELETE']);
}
