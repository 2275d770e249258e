import type { ZohoSdk } from '@kizuna/crm-zoho';
import { describe, expect, it } from 'vitest';
import { openAccountRecord, OpenAccountError, type ZohoSdkRecordUi, type ZohoWidgetSdk } from './openAccountRecord';

const accountId = '6012345000000399001';
const unused = () => Promise.reject(new Error('not used here'));

/** The SDK with only what opening a record needs; `record` answers `UI.Record.open` (absent: an SDK without it). */
function sdkWith(record: ZohoSdkRecordUi | undefined): { zoho: ZohoWidgetSdk; opened: Array<Parameters<ZohoSdkRecordUi['open']>[0]> } {
  const opened: Array<Parameters<ZohoSdkRecordUi['open']>[0]> = [];
  const base: ZohoSdk = {
    embeddedApp: { on: () => undefined, init: () => Promise.resolve() },
    CRM: {
      API: { coql: unused, getRecord: unused, getAllRecords: unused, insertRecord: unused, updateRecord: unused, upsertRecord: unused },
      CONFIG: { getCurrentUser: unused },
    },
  };
  const ui = {
    Resize: () => Promise.resolve(true),
    ...(record === undefined
      ? {}
      : {
          Record: {
            open: (request: Parameters<ZohoSdkRecordUi['open']>[0]) => {
              opened.push(request);
              return record.open(request);
            },
          },
        }),
  };
  return { zoho: { ...base, CRM: { ...base.CRM, UI: ui } }, opened };
}

async function failureOf(attempt: Promise<void>): Promise<OpenAccountError> {
  const error: unknown = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof OpenAccountError)) throw new Error(`expected an OpenAccountError, got ${String(error)}`);
  return error;
}

describe('openAccountRecord', () => {
  it('asks the CRM to open the account’s record page: ZOHO.CRM.UI.Record.open({Entity, RecordID})', async () => {
    const { zoho, opened } = sdkWith({ open: () => Promise.resolve(true) });
    await openAccountRecord(zoho, accountId);
    await openAccountRecord(zoho, accountId, 'Kunden');
    expect(opened).toEqual([
      { Entity: 'Accounts', RecordID: accountId },
      { Entity: 'Kunden', RecordID: accountId },
    ]);
  });

  it('never hands the SDK anything but a Zoho record id, given as a string', async () => {
    const { zoho, opened } = sdkWith({ open: () => Promise.resolve(true) });
    for (const bad of ['001000000000001AAA', '6012345000000399001/edit', '60123450000003990011', '', Number(accountId), undefined]) {
      const failure = await failureOf(openAccountRecord(zoho, bad));
      expect(failure.reason).toBe('invalid-id');
      expect(failure.message).toContain('is not a Zoho record id');
    }
    expect(opened).toEqual([]);
  });

  it('says which way it failed: no UI.Record in this SDK, a CRM that answers false, a rejected call', async () => {
    expect((await failureOf(openAccountRecord(sdkWith(undefined).zoho, accountId))).reason).toBe('unavailable');
    expect((await failureOf(openAccountRecord(sdkWith({ open: () => Promise.resolve(false) }).zoho, accountId))).reason).toBe('refused');
    const envelope = { code: 'NO_PERMISSION', message: 'permission denied', status: 'error' };
    const failed = await failureOf(openAccountRecord(sdkWith({ open: () => Promise.reject(envelope) }).zoho, accountId));
    expect(failed).toMatchObject({ reason: 'failed', message: `Zoho CRM could not open the account ${accountId}: permission denied`, cause: envelope });
  });
});
