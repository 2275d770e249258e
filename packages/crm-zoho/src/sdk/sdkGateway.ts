import { CrmError, toCrmError } from '@kizuna/crm-core';
import type { CrmUser } from '@kizuna/model';
import { z } from 'zod';
import { bcp47Of, writeOutcomeSchema, zohoRecordSchema, type WriteOutcome, type ZohoGateway } from '../gateway';
import { crmErrorOfZoho, zohoErrorBodySchema } from '../zohoError';
import type { ZohoSdk } from './zohoSdkTypes';

const listSchema = z.object({ data: z.array(zohoRecordSchema), info: z.object({ more_records: z.boolean() }).partial().optional() });
const writeSchema = z.union([z.object({ data: z.array(writeOutcomeSchema) }), z.array(writeOutcomeSchema)]);
/** `ZOHO.CRM.CONFIG.getCurrentUser()`: a flat object; `locale`/`time_zone` when the SDK passes them. */
const userSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  full_name: z.string().nullish(),
  email: z.string().nullish(),
  locale: z.string().nullish(),
  time_zone: z.string().nullish(),
});

/**
 * Empty answers: the SDK hands a 204 (no match) on as an empty body — `""`, nothing, or `{}`.
 * Anything else must have the documented shape, or it is MALFORMED_RESPONSE (never silently empty).
 */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
}

const statusOfCode: Readonly<Record<string, number>> = { INVALID_TOKEN: 401, AUTHENTICATION_FAILURE: 401, OAUTH_SCOPE_MISMATCH: 401, NO_PERMISSION: 403, TOO_MANY_REQUESTS: 429, INTERNAL_ERROR: 500 };

/** An SDK error: the promise rejects (or resolves) with Zoho's `{code, message, status}` envelope, or something else. */
function sdkError(value: unknown, what: string): CrmError {
  const body = zohoErrorBodySchema.safeParse(value);
  if (body.success) return crmErrorOfZoho((Object.hasOwn(statusOfCode, body.data.code) ? statusOfCode[body.data.code] : undefined) ?? 400, body.data);
  if (value instanceof Error) return toCrmError(value);
  return new CrmError('UNKNOWN', `The Zoho widget SDK refused ${what}.`, { cause: value });
}

async function call(what: string, run: () => Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    throw sdkError(error, what);
  }
  if (typeof value === 'object' && value !== null && 'code' in value && (value as { status?: unknown }).status === 'error') throw sdkError(value, what);
  return value;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CrmError('MALFORMED_RESPONSE', `The Zoho widget SDK returned ${what} of an unexpected shape.`, { cause: result.error });
  return result.data;
}

function outcomes(value: unknown, what: string): WriteOutcome[] {
  const result = parsed(writeSchema, value, what);
  return Array.isArray(result) ? result : result.data;
}

export interface SdkGatewayOptions {
  /** The locale when the SDK's user object carries none (the browser's, typically). */
  readonly fallbackLocale?: string;
}

/**
 * The gateway inside a Zoho CRM widget: the same calls through `ZOHO.CRM.API` in the signed-in
 * user's session (no OAuth, no tokens), with the SDK's own result shapes normalised —
 * `getAllRecords` pages by `page` only (v2-style `info`, no tokens), `upsertRecord` may answer a
 * bare array, `getCurrentUser` a flat object. AbortSignals cannot stop an SDK call; they are
 * checked before each.
 */
export function createSdkGateway(zoho: ZohoSdk, options: SdkGatewayOptions = {}): ZohoGateway {
  const api = zoho.CRM.API;
  const checked = (signal: AbortSignal | undefined) => {
    if (signal?.aborted === true) throw new CrmError('CANCELLED', 'The request was cancelled.');
  };
  return {
    via: 'sdk',
    async coql(query, signal) {
      checked(signal);
      const value = await call('a COQL query', () => api.coql({ select_query: query }));
      if (isEmpty(value)) return { rows: [], more: false };
      const body = parsed(listSchema, value, 'a COQL result');
      return { rows: body.data, more: body.info?.more_records ?? false };
    },
    async listRecords(request, signal) {
      checked(signal);
      if (request.pageToken !== undefined) {
        throw new CrmError('INVALID_QUERY', `The widget SDK pages records by page number only (2,000 records): read more ${request.module} through COQL.`);
      }
      const value = await call(`reading ${request.module}`, () =>
        api.getAllRecords({ Entity: request.module, fields: request.fields.join(','), page: request.page ?? 1, per_page: request.perPage ?? 200 }),
      );
      if (isEmpty(value)) return { rows: [], more: false, nextPageToken: undefined };
      const body = parsed(listSchema, value, 'a record list');
      return { rows: body.data, more: body.info?.more_records ?? false, nextPageToken: undefined };
    },
    async insert(request, signal) {
      checked(signal);
      return outcomes(await call(`writing ${request.module}`, () => api.insertRecord({ Entity: request.module, APIData: request.records, Trigger: request.trigger })), 'a write result');
    },
    async update(request, signal) {
      checked(signal);
      return outcomes(await call(`updating ${request.module}`, () => api.updateRecord({ Entity: request.module, APIData: request.records, Trigger: request.trigger })), 'an update result');
    },
    async upsert(request, signal) {
      checked(signal);
      const value = await call(`upserting ${request.module}`, () =>
        api.upsertRecord({ Entity: request.module, APIData: request.records, Trigger: request.trigger, duplicate_check_fields: request.duplicateCheckFields }),
      );
      return outcomes(value, 'an upsert result');
    },
    async currentUser(signal): Promise<CrmUser> {
      checked(signal);
      const user = parsed(userSchema, await call('reading the current user', () => zoho.CRM.CONFIG.getCurrentUser()), 'the current user');
      return {
        id: user.id,
        name: user.full_name ?? user.email ?? user.id,
        ...(user.email ? { email: user.email } : {}),
        locale: bcp47Of(user.locale ?? undefined) ?? options.fallbackLocale ?? 'en-US',
        ...(user.time_zone ? { timeZone: user.time_zone } : {}),
      };
    },
  };
}
