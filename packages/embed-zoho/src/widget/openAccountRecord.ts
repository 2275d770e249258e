import { isZohoId, type ZohoSdk } from '@kizuna/crm-zoho';

/**
 * `ZOHO.CRM.UI.Record`: the CRM window opens a record's page (the SDK's JSDoc, `lib/ZohoCrmHelper.js`:
 * `open({Entity, RecordID})` resolves with true or false; `Target: "_blank"` opens it in a new tab).
 */
export interface ZohoSdkRecordUi {
  open(request: { readonly Entity: string; readonly RecordID: string; readonly Target?: '_blank' }): Promise<unknown>;
}

/** `ZOHO.CRM.UI` with the record calls the widget makes besides `Resize`. */
export interface ZohoWidgetUi extends NonNullable<ZohoSdk['CRM']['UI']> {
  readonly Record?: ZohoSdkRecordUi;
}

/** The `ZOHO` object as the widget uses it: the SDK's calls, with `CRM.UI.Record`. */
export interface ZohoWidgetSdk extends ZohoSdk {
  readonly CRM: ZohoSdk['CRM'] & { readonly UI?: ZohoWidgetUi };
}

/** Why an account could not be opened: not a Zoho id, no `UI.Record` in this SDK, the CRM said no, or the call failed. */
export type OpenAccountFailure = 'invalid-id' | 'unavailable' | 'refused' | 'failed';

export class OpenAccountError extends Error {
  override readonly name = 'OpenAccountError';
  readonly reason: OpenAccountFailure;

  constructor(reason: OpenAccountFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

function detailOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  // The SDK rejects with Zoho's envelope `{code, message, status}` rather than an Error.
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}

/**
 * Opens an account's record page in the CRM around the widget:
 * `ZOHO.CRM.UI.Record.open({Entity: 'Accounts', RecordID})`. Only a Zoho record id (decimal
 * digits, as a string: `isZohoId`) is ever handed to the SDK; anything else, an SDK without
 * `UI.Record`, a `false` answer or a rejected call becomes an `OpenAccountError` saying which.
 */
export async function openAccountRecord(zoho: ZohoWidgetSdk, accountId: unknown, accountsModule = 'Accounts'): Promise<void> {
  if (typeof accountId !== 'string' || !isZohoId(accountId)) {
    const shown = (typeof accountId === 'string' ? JSON.stringify(accountId) : String(accountId)).slice(0, 40);
    throw new OpenAccountError('invalid-id', `Kizuna cannot open the account ${shown}: it is not a Zoho record id.`);
  }
  const record = zoho.CRM.UI?.Record;
  if (record === undefined) throw new OpenAccountError('unavailable', 'This Zoho CRM page offers no ZOHO.CRM.UI.Record.open to open the account with.');
  let opened: unknown;
  try {
    opened = await record.open({ Entity: accountsModule, RecordID: accountId });
  } catch (error) {
    throw new OpenAccountError('failed', `Zoho CRM could not open the account ${accountId}: ${detailOf(error)}`, { cause: error });
  }
  if (opened === false) throw new OpenAccountError('refused', `Zoho CRM did not open the account ${accountId}.`);
}
