import type { ZohoSdk } from '@kizuna/crm-zoho';
import { describe, expect, it } from 'vitest';
import { accountOfRecord, AccountLookupError } from './accountOfRecord';

/** Only `getRecord` answers, as `ZOHO.CRM.API.getRecord` does: `{data: [record]}`. */
function sdkAnswering(getRecord: () => Promise<unknown>): ZohoSdk {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    embeddedApp: { on: () => undefined, init: () => Promise.resolve() },
    CRM: {
      API: { getRecord, coql: unused, getAllRecords: unused, insertRecord: unused, updateRecord: unused, upsertRecord: unused },
      CONFIG: { getCurrentUser: unused },
    },
  };
}

describe('accountOfRecord', () => {
  it('reads the account lookup of a deal', async () => {
    const zoho = sdkAnswering(() => Promise.resolve({ data: [{ id: '42', Account_Name: { name: 'Zylker', id: '6012345000000399001' } }] }));
    await expect(accountOfRecord(zoho, 'Deals', '42')).resolves.toBe('6012345000000399001');
  });

  it('says when the record has no account', async () => {
    const zoho = sdkAnswering(() => Promise.resolve({ data: [{ id: '42', Account_Name: null }] }));
    await expect(accountOfRecord(zoho, 'Contacts', '42')).rejects.toMatchObject({ reason: 'no-account', message: 'Contacts record 42 is not linked to an account.' });
  });

  it('refuses a numeric account id (it may have lost digits) and answers of another shape', async () => {
    const numeric = sdkAnswering(() => Promise.resolve({ data: [{ Account_Name: { id: 6012345000000399 } }] }));
    await expect(accountOfRecord(numeric, 'Deals', '42')).rejects.toMatchObject({ reason: 'unreadable' });
    const odd = sdkAnswering(() => Promise.resolve({ records: [] }));
    await expect(accountOfRecord(odd, 'Deals', '42')).rejects.toBeInstanceOf(AccountLookupError);
    const refused = sdkAnswering(() => Promise.reject({ code: 'NO_PERMISSION', status: 'error' }));
    await expect(accountOfRecord(refused, 'Cases', '7')).rejects.toMatchObject({ reason: 'unreadable', message: 'Zoho CRM did not return Cases record 7.' });
  });
});
