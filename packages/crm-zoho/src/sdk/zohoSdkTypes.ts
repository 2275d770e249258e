/**
 * Types for the Zoho CRM widget SDK (`ZohoEmbededAppSDK.min.js`, loaded from Zoho's CDN; there is
 * no npm package and no official typing). Written from the SDK source's JSDoc
 * (`lib/ZohoCrmHelper.js` of ZohoDevelopers/embeddedApp-js-sdk) and its README: only the calls
 * Kizuna makes. Result shapes are not trusted: the gateway validates every one.
 */

export interface ZohoSdkRecordRequest {
  readonly Entity: string;
  readonly RecordID: string | readonly string[];
  readonly approved?: 'true' | 'false' | 'both';
}

export interface ZohoSdkAllRecordsRequest {
  readonly Entity: string;
  readonly fields?: string;
  readonly sort_order?: 'asc' | 'desc';
  readonly page?: number;
  readonly per_page?: number;
}

export interface ZohoSdkWriteRequest {
  readonly Entity: string;
  readonly APIData: Readonly<Record<string, unknown>> | ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly Trigger?: readonly string[];
}

export interface ZohoSdkUpsertRequest extends ZohoSdkWriteRequest {
  readonly duplicate_check_fields?: readonly string[];
}

/** `ZOHO.CRM.API`: REST-like calls in the signed-in user's session (results `{data, info}` like REST v2). */
export interface ZohoSdkCrmApi {
  coql(request: { readonly select_query: string }): Promise<unknown>;
  getRecord(request: ZohoSdkRecordRequest): Promise<unknown>;
  getAllRecords(request: ZohoSdkAllRecordsRequest): Promise<unknown>;
  insertRecord(request: ZohoSdkWriteRequest): Promise<unknown>;
  updateRecord(request: ZohoSdkWriteRequest): Promise<unknown>;
  /** The JSDoc shows a bare array of results (no `data` wrapper): both are accepted. */
  upsertRecord(request: ZohoSdkUpsertRequest): Promise<unknown>;
}

/** `ZOHO.CRM.CONFIG`: `getCurrentUser()` resolves to a flat user object (`{id, full_name, email, …}`). */
export interface ZohoSdkConfig {
  getCurrentUser(): Promise<unknown>;
}

export interface ZohoSdkEmbeddedApp {
  /** Register `PageLoad` before `init()`; its payload is `{Entity, EntityId}` (see parsePageLoad). */
  on(event: 'PageLoad' | 'Notify' | 'HistoryPopState' | 'ContextUpdate', handler: (data: unknown) => void): void;
  init(): Promise<unknown>;
}

export interface ZohoSdkUi {
  Resize(size: { readonly height: number | string; readonly width?: number | string }): Promise<unknown>;
}

/** The `ZOHO` global the SDK script defines. */
export interface ZohoSdk {
  readonly embeddedApp: ZohoSdkEmbeddedApp;
  readonly CRM: {
    readonly API: ZohoSdkCrmApi;
    readonly CONFIG: ZohoSdkConfig;
    readonly UI?: ZohoSdkUi;
  };
}

declare global {
  /** Defined by Zoho's widget SDK script inside a CRM widget; absent anywhere else. */
  var ZOHO: ZohoSdk | undefined;
}
