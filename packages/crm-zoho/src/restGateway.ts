import { CrmError, parseJsonBody, type HttpResponse, type HttpTransport } from '@kizuna/crm-core';
import type { CrmUser } from '@kizuna/model';
import { z } from 'zod';
import { crmUrl, type ZohoConnection } from './dataCentres';
import { bcp47Of, writeOutcomeSchema, zohoRecordSchema, type ZohoFieldMeta, type ZohoGateway, type WriteOutcome, type WriteRequest } from './gateway';
import { coqlModule, coqlField } from './coql/coqlText';
import { zohoErrorFrom } from './zohoError';

/** `info` of a list: treat every key but `more_records` as optional (v8 OAS `Info`). */
const listBodySchema = z.object({
  data: z.array(zohoRecordSchema),
  info: z.object({ more_records: z.boolean(), next_page_token: z.string().nullish() }),
});
const coqlBodySchema = z.object({ data: z.array(zohoRecordSchema), info: z.object({ more_records: z.boolean() }) });
const writeBodySchema = z.object({ data: z.array(writeOutcomeSchema) });
const usersBodySchema = z.object({
  users: z
    .array(z.object({ id: z.string(), full_name: z.string().nullish(), email: z.string().nullish(), locale: z.string().nullish(), time_zone: z.string().nullish() }))
    .min(1),
});
/**
 * `settings/fields`: `unique` is `{}` on a field that allows duplicates (v8 OAS getFields example);
 * the keys of a unique field's object are not documented, so any non-empty object (or `true`)
 * reads as unique.
 */
const fieldsBodySchema = z.object({
  fields: z.array(z.object({ api_name: z.string(), unique: z.unknown().optional() })),
});

function isUnique(value: unknown): boolean {
  if (value === true) return true;
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/** The Records API's largest page. */
export const RECORDS_PER_PAGE = 200;
/** `page` alone reaches the first 2,000 records; `page_token` after that. */
export const PAGE_REACH = 2000;
export const MAX_FIELDS_PER_CALL = 50;

function ok(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

function parse<T>(schema: z.ZodType<T>, response: HttpResponse, what: string): T {
  const parsed = schema.safeParse(parseJsonBody(response, what));
  if (!parsed.success) throw new CrmError('MALFORMED_RESPONSE', `Zoho CRM returned a ${what} of an unexpected shape.`, { status: response.status, cause: parsed.error });
  return parsed.data;
}

/**
 * The gateway over Zoho's REST API v8: `transport` carries `Authorization: Zoho-oauthtoken …`
 * (see `zohoTransport`), every URL is on the connection's `api_domain`.
 */
export function createRestGateway(transport: HttpTransport, connection: ZohoConnection): ZohoGateway {
  const signalOf = (signal: AbortSignal | undefined) => (signal === undefined ? {} : { signal });
  const json = { 'Content-Type': 'application/json', Accept: 'application/json' };

  async function write(method: 'POST' | 'PUT', request: WriteRequest & { readonly duplicateCheckFields?: readonly string[] }, signal?: AbortSignal): Promise<WriteOutcome[]> {
    const upsert = request.duplicateCheckFields !== undefined;
    const body = upsert
      ? { data: request.records, trigger: request.trigger, duplicate_check_fields: request.duplicateCheckFields.map(coqlField) }
      : { data: request.records, trigger: request.trigger };
    const response = await transport({
      method,
      url: crmUrl(connection, upsert ? `${coqlModule(request.module)}/upsert` : coqlModule(request.module)),
      headers: json,
      body: JSON.stringify(body),
      ...signalOf(signal),
    });
    // 201 inserted, 200 updated, 207 some failed; an all-failed batch is 400 but still data[]-wrapped.
    if (ok(response) || response.status === 400) {
      const body = writeBodySchema.safeParse(response.text === '' ? undefined : parseJsonBody(response, 'write result'));
      if (body.success) return body.data.data;
    }
    throw zohoErrorFrom(response);
  }

  return {
    via: 'rest',
    async coql(query, signal) {
      const response = await transport({ method: 'POST', url: crmUrl(connection, 'coql'), headers: json, body: JSON.stringify({ select_query: query }), ...signalOf(signal) });
      if (response.status === 204) return { rows: [], more: false };
      if (!ok(response)) throw zohoErrorFrom(response);
      const body = parse(coqlBodySchema, response, 'COQL result');
      return { rows: body.data, more: body.info.more_records };
    },
    async listRecords(request, signal) {
      if (request.fields.length === 0 || request.fields.length > MAX_FIELDS_PER_CALL) {
        throw new CrmError('INVALID_INPUT', `The Records API takes 1 to ${MAX_FIELDS_PER_CALL} fields a call (got ${request.fields.length}).`);
      }
      // Oldest first (`sort_by` id, ascending): records created during a read land on later pages, not earlier ones.
      const params = new URLSearchParams({ fields: request.fields.map(coqlField).join(','), per_page: String(request.perPage ?? RECORDS_PER_PAGE), sort_by: 'id', sort_order: 'asc' });
      // Never `page` with `page_token` (AMBIGUITY_DURING_PROCESSING).
      if (request.pageToken !== undefined) params.set('page_token', request.pageToken);
      else params.set('page', String(request.page ?? 1));
      const response = await transport({ method: 'GET', url: crmUrl(connection, coqlModule(request.module), params), headers: { Accept: 'application/json' }, ...signalOf(signal) });
      if (response.status === 204) return { rows: [], more: false, nextPageToken: undefined };
      if (!ok(response)) throw zohoErrorFrom(response);
      const body = parse(listBodySchema, response, 'record list');
      return { rows: body.data, more: body.info.more_records, nextPageToken: body.info.next_page_token ?? undefined };
    },
    insert: (request, signal) => write('POST', request, signal),
    update: (request, signal) => write('PUT', request, signal),
    upsert: (request, signal) => write('POST', request, signal),
    async fields(module, signal): Promise<readonly ZohoFieldMeta[]> {
      const response = await transport({ method: 'GET', url: crmUrl(connection, 'settings/fields', new URLSearchParams({ module })), headers: { Accept: 'application/json' }, ...signalOf(signal) });
      if (response.status === 204) return [];
      if (!ok(response)) throw zohoErrorFrom(response);
      return parse(fieldsBodySchema, response, 'field list').fields.map((field) => ({ apiName: field.api_name, unique: isUnique(field.unique) }));
    },
    async currentUser(signal): Promise<CrmUser> {
      const response = await transport({ method: 'GET', url: crmUrl(connection, 'users', new URLSearchParams({ type: 'CurrentUser' })), headers: { Accept: 'application/json' }, ...signalOf(signal) });
      if (!ok(response)) throw zohoErrorFrom(response);
      const [user] = parse(usersBodySchema, response, 'current user').users;
      if (user === undefined) throw new CrmError('MALFORMED_RESPONSE', 'Zoho CRM named no current user.');
      return {
        id: user.id,
        name: user.full_name ?? user.email ?? user.id,
        ...(user.email ? { email: user.email } : {}),
        locale: bcp47Of(user.locale ?? undefined) ?? 'en-US',
        ...(user.time_zone ? { timeZone: user.time_zone } : {}),
      };
    },
  };
}
