import type { ZohoSdk } from '@kizuna/crm-zoho';
import type { ZohoWidgetSdk } from '@kizuna/embed-zoho';
import { z } from 'zod';
import type { HostChannel } from './hostChannel';
import { expectShape, zohoRest, type ZohoErrorEnvelope, type ZohoRestTarget } from './zohoRestClient';

const recordSchema = z.record(z.string(), z.unknown());
const recordsSchema = z.object({ data: z.array(recordSchema) });
const coqlSchema = z.object({ data: z.array(recordSchema), info: z.object({ count: z.number(), more_records: z.boolean() }) });
const listSchema = z.object({ data: z.array(recordSchema), info: z.object({ per_page: z.number(), count: z.number(), page: z.number(), more_records: z.boolean() }) });
const outcomesSchema = z.object({ data: z.array(z.looseObject({ code: z.string(), status: z.string() })) });
const usersSchema = z.object({
  users: z.array(
    z.looseObject({
      id: z.string(),
      zuid: z.string(),
      first_name: z.string().nullable(),
      last_name: z.string(),
      full_name: z.string(),
      email: z.string(),
      alias: z.string().nullable(),
      confirm: z.boolean(),
      status: z.string(),
      role: z.object({ name: z.string(), id: z.string() }),
      profile: z.object({ name: z.string(), id: z.string() }),
      locale: z.string(),
      time_zone: z.string(),
    }),
  ),
});
const resizeSchema = z.object({ height: z.coerce.number().nonnegative(), width: z.coerce.number().nonnegative().optional() });
/** `UI.Record.open`'s request: a module's API name and a record id (digits, as a string). */
const openRecordSchema = z.object({ Entity: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), RecordID: z.string().regex(/^\d{1,19}$/) });

/** What the SDK hands on for a 204 (no record, no match): the empty body. */
const emptyBody = '';

type Handler = (data: unknown) => void;

export interface StandInZohoOptions {
  readonly rest: ZohoRestTarget;
  readonly host: HostChannel;
}

type ApiData = Parameters<ZohoSdk['CRM']['API']['insertRecord']>[0]['APIData'];

const arrayOf = (data: ApiData): readonly unknown[] => (Array.isArray(data) ? data : [data]);
const triggerOf = (trigger: readonly string[] | undefined) => (trigger === undefined ? {} : { trigger });

/**
 * The demo's stand-in for Zoho's widget SDK (`ZohoEmbededAppSDK.min.js`): the `ZOHO` object with
 * the calls Kizuna's widget makes, answering as the SDK's JSDoc documents (reference zoho.md,
 * "Promise results"; `@kizuna/crm-zoho` `zohoSdkTypes.ts`):
 *
 * - `embeddedApp.on('PageLoad', fn)` and `init()`: `init()` asks the CRM window (the demo's shell)
 *   for the page's context and raises PageLoad with it during the handshake, then resolves;
 * - `CRM.API.coql` → `{data, info: {count, more_records}}`; `getRecord` → `{data: [record]}`;
 *   `getAllRecords` → `{data, info: {per_page, count, page, more_records}}` (v2-style, no tokens);
 *   `insertRecord` / `updateRecord` → `{data: [{code, details, message, status}]}`;
 *   `upsertRecord` → the bare array of results; a 204 resolves with the empty body;
 * - `CRM.CONFIG.getCurrentUser()` → the flat user `{id, zuid, full_name, first_name, last_name,
 *   email, alias, role, profile, confirm, status}`, with the user's `locale` and `time_zone`
 *   (the shell may override the locale, as the demo's `?lang=` does);
 * - `CRM.UI.Resize({height, width})` → `true` once the CRM window resized the frame;
 * - `CRM.UI.Record.open({Entity, RecordID})` → the CRM window goes to the record's page (`true`),
 *   or answers `false` for a page it does not have; a request that is not a module and a Zoho id
 *   rejects with Zoho's error envelope.
 *
 * Where the real SDK relays each call to the CRM, which runs it in the user's session, the
 * stand-in calls the simulated org's REST API v8 (`POST {api_domain}/crm/v8/coql`, …) and
 * reshapes the answers. Request-level errors reject with Zoho's `{code, message, status}` envelope.
 */
export function createStandInZoho({ rest, host }: StandInZohoOptions): ZohoWidgetSdk {
  const handlers = new Map<string, Handler[]>();
  let userLocale: string | null = null;
  let handshake: Promise<unknown> | undefined;
  const raise = (event: string, data: unknown) => {
    for (const handler of handlers.get(event) ?? []) handler(data);
  };
  const writes = async (method: 'POST' | 'PUT', path: string, body: unknown, what: string) => {
    const answer = await zohoRest(rest, method, path, body);
    return expectShape(outcomesSchema, answer.body, what);
  };
  return {
    embeddedApp: {
      on(event, handler) {
        handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      },
      init() {
        handshake ??= host.init().then((context) => {
          userLocale = context.userLocale;
          raise('PageLoad', context.pageLoad);
          return true;
        });
        return handshake;
      },
    },
    CRM: {
      API: {
        async coql({ select_query }) {
          const answer = await zohoRest(rest, 'POST', '/coql', { select_query });
          return answer.status === 204 ? emptyBody : expectShape(coqlSchema, answer.body, 'a COQL query');
        },
        async getRecord({ Entity, RecordID }) {
          const ids = typeof RecordID === 'string' ? [RecordID] : RecordID;
          const data: Record<string, unknown>[] = [];
          for (const id of ids) {
            const answer = await zohoRest(rest, 'GET', `/${encodeURIComponent(Entity)}/${encodeURIComponent(id)}`);
            if (answer.status !== 204) data.push(...expectShape(recordsSchema, answer.body, `reading ${Entity} ${id}`).data);
          }
          return data.length === 0 ? emptyBody : { data };
        },
        async getAllRecords({ Entity, fields, sort_order, page, per_page }) {
          const query = new URLSearchParams();
          if (fields !== undefined) query.set('fields', fields);
          if (sort_order !== undefined) query.set('sort_order', sort_order);
          query.set('page', String(page ?? 1));
          query.set('per_page', String(per_page ?? 200));
          const answer = await zohoRest(rest, 'GET', `/${encodeURIComponent(Entity)}?${query.toString()}`);
          if (answer.status === 204) return emptyBody;
          const body = expectShape(listSchema, answer.body, `reading ${Entity}`);
          const { per_page: perPage, count, page: pageNumber, more_records } = body.info;
          return { data: body.data, info: { per_page: perPage, count, page: pageNumber, more_records } };
        },
        insertRecord({ Entity, APIData, Trigger }) {
          return writes('POST', `/${encodeURIComponent(Entity)}`, { data: arrayOf(APIData), ...triggerOf(Trigger) }, `writing ${Entity}`);
        },
        updateRecord({ Entity, APIData, Trigger }) {
          return writes('PUT', `/${encodeURIComponent(Entity)}`, { data: arrayOf(APIData), ...triggerOf(Trigger) }, `updating ${Entity}`);
        },
        async upsertRecord({ Entity, APIData, Trigger, duplicate_check_fields }) {
          const body = { data: arrayOf(APIData), ...triggerOf(Trigger), ...(duplicate_check_fields === undefined ? {} : { duplicate_check_fields }) };
          return (await writes('POST', `/${encodeURIComponent(Entity)}/upsert`, body, `upserting ${Entity}`)).data;
        },
      },
      CONFIG: {
        async getCurrentUser() {
          const answer = await zohoRest(rest, 'GET', '/users?type=CurrentUser');
          const [user] = expectShape(usersSchema, answer.body, 'reading the current user').users;
          if (user === undefined) throw new Error('Zoho answered the current user with no user.');
          const { id, zuid, full_name, first_name, last_name, email, alias, role, profile, confirm, status, locale, time_zone } = user;
          return { id, zuid, full_name, first_name, last_name, email, alias, role, profile, confirm, status, locale: userLocale ?? locale, time_zone };
        },
      },
      UI: {
        Resize(size) {
          return host.resize(resizeSchema.parse(size));
        },
        Record: {
          open(request) {
            const parsed = openRecordSchema.safeParse(request);
            if (!parsed.success) {
              const refusal: ZohoErrorEnvelope = { code: 'INVALID_DATA', message: 'the record to open is not a module and a record id', status: 'error' };
              return Promise.reject(refusal);
            }
            return host.openRecord({ entity: parsed.data.Entity, recordId: parsed.data.RecordID });
          },
        },
      },
    },
  };
}
