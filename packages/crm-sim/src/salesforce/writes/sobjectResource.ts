import { isJsonObject, versionNumber, type RestAnswer, type RestCall } from '../restAnswer';
import { invalidField, notFound, simUnsupported } from '../salesforceApiError';
import type { SalesforceObjectDescribe } from '../salesforceSchema';
import type { SalesforceOrg } from '../salesforceOrg';
import { wireValue } from '../soql/projection';
import type { JsonRecord } from '../soql/queryContext';
import type { StoredRecord } from '../storedRecord';
import { cannotDeserialize, DuplicateExternalIdError, methodNotAllowed } from './dmlErrors';
import { describeOrNotFound, type WriteBody } from './sobjectWrites';

/** The API version from which an upsert that updates answers 200 with a body (204 before). */
const upsertBodyVersion = 46;

export function recordUrl(version: string, objectName: string, id: string): string {
  return `/services/data/${version}/sobjects/${objectName}/${id}`;
}

/** A write body must be a JSON object (an array or a scalar cannot become an sObject). */
export function writeBody(body: unknown): WriteBody {
  if (isJsonObject(body)) return body;
  const token = Array.isArray(body) ? 'START_ARRAY' : body === undefined ? 'no content' : 'VALUE_STRING';
  throw cannotDeserialize('SObject', token, Array.isArray(body) ? '[' : String(body));
}

/** A record as `GET /sobjects/Type/id` returns it: every field (or those in `?fields=`), schema order. */
function recordJson(describe: SalesforceObjectDescribe, record: StoredRecord, version: string, fieldsParam: string | null): JsonRecord {
  const wanted = fieldsParam === null ? null : fieldsParam.split(',').map((name) => name.trim().toLowerCase());
  for (const name of wanted ?? []) {
    if (!describe.fields.some((field) => field.name.toLowerCase() === name)) throw invalidField(name, describe.name);
  }
  const out: JsonRecord = { attributes: { type: describe.name, url: recordUrl(version, describe.name, String(record['Id'])) } };
  for (const field of describe.fields) {
    if (wanted === null || wanted.includes(field.name.toLowerCase())) out[field.name] = wireValue(field, record[field.name] ?? null);
  }
  return out;
}

function multipleChoices(version: string, objectName: string, error: DuplicateExternalIdError): RestAnswer {
  return { status: 300, body: error.matchingIds.map((id) => recordUrl(version, objectName, id)) };
}

function createRecord(org: SalesforceOrg, describe: SalesforceObjectDescribe, call: RestCall, version: string): RestAnswer {
  const id = org.sobjects.create(describe.name, writeBody(call.body));
  return { status: 201, body: { id, success: true, errors: [] }, headers: { Location: recordUrl(version, describe.name, id) } };
}

/** `/sobjects/Type/id`: GET, PATCH (204), DELETE (204). */
function recordById(org: SalesforceOrg, describe: SalesforceObjectDescribe, id: string, call: RestCall, version: string): RestAnswer {
  switch (call.method) {
    case 'GET':
      return { status: 200, body: recordJson(describe, org.sobjects.find(describe.name, id), version, new URL(call.url, 'https://sim.invalid').searchParams.get('fields')) };
    case 'PATCH':
      org.sobjects.update(describe.name, id, writeBody(call.body));
      return { status: 204, body: null };
    case 'DELETE':
      org.sobjects.delete(describe.name, id);
      return { status: 204, body: null };
    default:
      throw methodNotAllowed(call.method, ['GET', 'PATCH', 'DELETE', 'HEAD']);
  }
}

function upsert(org: SalesforceOrg, describe: SalesforceObjectDescribe, field: string, value: string, call: RestCall, version: string): RestAnswer {
  const updateOnly = new URL(call.url, 'https://sim.invalid').searchParams.get('updateOnly') === 'true';
  const outcome = org.sobjects.upsert(describe.name, field, value, writeBody(call.body), { updateOnly });
  const withCreated = (versionNumber(version) ?? 0) >= upsertBodyVersion;
  const body = withCreated ? { id: outcome.id, errors: [], success: true, created: outcome.created } : { id: outcome.id, errors: [], success: true };
  if (outcome.created) return { status: 201, body, headers: { Location: recordUrl(version, describe.name, outcome.id) } };
  return withCreated ? { status: 200, body } : { status: 204, body: null };
}

/** `/sobjects/Type/Field/value`: GET, PATCH (upsert), DELETE by external id. */
function recordByExternalId(org: SalesforceOrg, describe: SalesforceObjectDescribe, field: string, value: string, call: RestCall, version: string): RestAnswer {
  if (call.method === 'PATCH') return upsert(org, describe, field, value, call, version);
  if (call.method !== 'GET' && call.method !== 'DELETE') throw methodNotAllowed(call.method, ['GET', 'PATCH', 'DELETE', 'HEAD']);
  const fieldDescribe = org.schema.field(describe.name, field);
  if (fieldDescribe === undefined || !fieldDescribe.externalId) throw notFound();
  const matches = org.store.findByField(describe.name, fieldDescribe.name, value);
  const [match, ...others] = matches;
  if (others.length > 0) throw new DuplicateExternalIdError(fieldDescribe.name, matches.map((record) => String(record['Id'])));
  if (match === undefined) throw notFound();
  return recordById(org, describe, String(match['Id']), call, version);
}

/**
 * The sObject resources under `/services/data/vXX.X/sobjects/`: create, retrieve, update,
 * delete by id, and retrieve / upsert / delete by external id. `segments` are the decoded path
 * segments after `sobjects`. Describe resources answer 501 SIM_UNSUPPORTED.
 */
export function sobjectResource(org: SalesforceOrg, segments: readonly string[], call: RestCall, version: string): RestAnswer {
  const [type, second, third, ...rest] = segments;
  if (type === undefined || second === 'describe') throw simUnsupported(`GET ${call.url.split('?')[0] ?? ''} (describe)`);
  if (rest.length > 0) throw notFound();
  const describe = describeOrNotFound(org.store, type);
  try {
    if (second === undefined) {
      if (call.method === 'POST') return createRecord(org, describe, call, version);
      if (call.method === 'GET') throw simUnsupported(`GET /sobjects/${describe.name} (basic information)`);
      throw methodNotAllowed(call.method, ['GET', 'HEAD', 'POST']);
    }
    return third === undefined
      ? recordById(org, describe, second, call, version)
      : recordByExternalId(org, describe, second, third, call, version);
  } catch (error) {
    // Several records with the external id: 300 with their URLs, nothing written.
    if (error instanceof DuplicateExternalIdError) return multipleChoices(version, describe.name, error);
    throw error;
  }
}
