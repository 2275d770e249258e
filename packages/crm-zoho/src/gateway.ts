import type { CrmUser } from '@kizuna/model';
import { z } from 'zod';

/** A Zoho record as it comes off the wire: field API name → value (ids are strings). */
export type ZohoRecord = Readonly<Record<string, unknown>>;

export const zohoRecordSchema = z.record(z.string(), z.unknown());

export interface CoqlPage {
  readonly rows: readonly ZohoRecord[];
  /** `info.more_records`: the only signal that another page exists. */
  readonly more: boolean;
}

export interface RecordPageRequest {
  readonly module: string;
  /** At most 50 API names (the Records API's limit); callers split longer lists. */
  readonly fields: readonly string[];
  /** `page` for the first 2,000 records … */
  readonly page?: number;
  /** … and `page_token` beyond (never both). */
  readonly pageToken?: string;
  readonly perPage?: number;
}

export interface RecordPage {
  readonly rows: readonly ZohoRecord[];
  readonly more: boolean;
  readonly nextPageToken: string | undefined;
}

/** One record's result of a write, as Zoho reports it (`data[]` element). */
export interface WriteOutcome {
  readonly status: 'success' | 'error';
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface WriteRequest {
  readonly module: string;
  readonly records: readonly ZohoRecord[];
  /** Automation to run; `[]` runs none (workflows, approvals, blueprints stay quiet). */
  readonly trigger: readonly string[];
}

/**
 * What the adapter needs from Zoho CRM, whichever way it is reached: the REST API with OAuth
 * (`createRestGateway`) or the widget SDK inside CRM (`createSdkGateway`). Every method resolves
 * with validated shapes or rejects with a CrmError.
 */
export interface ZohoGateway {
  readonly via: 'rest' | 'sdk';
  coql(query: string, signal?: AbortSignal): Promise<CoqlPage>;
  listRecords(request: RecordPageRequest, signal?: AbortSignal): Promise<RecordPage>;
  insert(request: WriteRequest, signal?: AbortSignal): Promise<readonly WriteOutcome[]>;
  update(request: WriteRequest, signal?: AbortSignal): Promise<readonly WriteOutcome[]>;
  /** Insert or update by `duplicateCheckFields` (unique fields); not for Tasks, Calls or Events. */
  upsert(request: WriteRequest & { readonly duplicateCheckFields: readonly string[] }, signal?: AbortSignal): Promise<readonly WriteOutcome[]>;
  currentUser(signal?: AbortSignal): Promise<CrmUser>;
  /**
   * A module's field metadata (`GET /crm/v8/settings/fields?module=…`, scope
   * `ZohoCRM.settings.fields.READ`): REST only, for `kizuna doctor`.
   */
  fields?(module: string, signal?: AbortSignal): Promise<readonly ZohoFieldMeta[]>;
}

/** What `kizuna doctor` reads of a field's metadata. */
export interface ZohoFieldMeta {
  readonly apiName: string;
  /** Marked "do not allow duplicate values". */
  readonly unique: boolean;
}

export const writeOutcomeSchema = z.object({
  status: z.enum(['success', 'error']),
  code: z.string(),
  message: z.string().default(''),
  details: z.record(z.string(), z.unknown()).nullish().transform((details) => details ?? {}),
});

/** Zoho locales are `en_US`, `ja_JP`; the model speaks BCP 47. */
export function bcp47Of(locale: string | undefined): string | undefined {
  if (locale === undefined || locale === '') return undefined;
  return locale.replace(/_/g, '-');
}
