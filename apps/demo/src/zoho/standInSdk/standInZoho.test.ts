import { createZohoSdkDataSource } from '@kizuna/crm-zoho';
import { createZohoOrg, zohoHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZohoHostContext } from '../zohoHostMessages';
import type { HostChannel } from './hostChannel';
import { createStandInZoho } from './standInZoho';

const dataset = generateOrganisation({ seed: 7, accounts: 6, asOf: '2026-06-01T00:00:00.000Z' });
const org = createZohoOrg(dataset);
const accessToken = 'stand-in-test-token';
const server = setupServer(...zohoHandlers(org, { accessTokens: [accessToken] }));
const [first, second] = dataset.accounts;
if (first === undefined || second === undefined) throw new Error('the test organisation has fewer than two accounts');
const firstId = org.zohoIdOf('account', first.id);
const secondId = org.zohoIdOf('account', second.id);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** The CRM window's side, as the demo's shell plays it: the page's context, the sizes and the records asked for. */
function crmWindow(context: ZohoHostContext) {
  const resized: number[] = [];
  const opened: Array<{ readonly entity: string; readonly recordId: string }> = [];
  const host: HostChannel = {
    init: () => Promise.resolve(context),
    resize: ({ height }) => {
      resized.push(height);
      return Promise.resolve(true);
    },
    openRecord: (record) => {
      opened.push(record);
      return Promise.resolve(record.entity === 'Accounts');
    },
  };
  return { host, resized, opened };
}

function zohoOn(context: ZohoHostContext = { pageLoad: {}, userLocale: null }) {
  const window = crmWindow(context);
  return { zoho: createStandInZoho({ rest: { apiDomain: org.apiDomain, accessToken }, host: window.host }), resized: window.resized, opened: window.opened };
}

describe('the stand-in Zoho widget SDK over the simulated Zoho API', () => {
  it('raises PageLoad with the page’s record during the handshake init() starts', async () => {
    const { zoho } = zohoOn({ pageLoad: { Entity: 'Accounts', EntityId: firstId }, userLocale: null });
    const seen: unknown[] = [];
    zoho.embeddedApp.on('PageLoad', (data) => seen.push(data));
    const init = zoho.embeddedApp.init();
    expect(seen).toEqual([]);
    await init;
    expect(seen).toEqual([{ Entity: 'Accounts', EntityId: firstId }]);
  });

  it('answers COQL as {data, info: {count, more_records}}, and a query without a match with the empty body', async () => {
    const { zoho } = zohoOn();
    const result = await zoho.CRM.API.coql({ select_query: `select Account_Name from Accounts where id = '${firstId}'` });
    expect(result).toEqual({ data: [{ Account_Name: first.name, id: firstId }], info: { count: 1, more_records: false } });
    expect(await zoho.CRM.API.coql({ select_query: `select Account_Name from Accounts where Account_Name = 'No such account'` })).toBe('');
  });

  it('rejects with Zoho’s error envelope when the API refuses a call', async () => {
    const { zoho } = zohoOn();
    await expect(zoho.CRM.API.coql({ select_query: 'select from Accounts' })).rejects.toMatchObject({ code: 'SYNTAX_ERROR', status: 'error' });
  });

  it('reads one record, or several when RecordID is an array, as {data: [record]}', async () => {
    const { zoho } = zohoOn();
    const one = await zoho.CRM.API.getRecord({ Entity: 'Accounts', RecordID: firstId });
    expect(one).toMatchObject({ data: [{ id: firstId, Account_Name: first.name }] });
    const both = await zoho.CRM.API.getRecord({ Entity: 'Accounts', RecordID: [firstId, secondId] });
    expect(both).toMatchObject({ data: [{ id: firstId }, { id: secondId }] });
  });

  it('lists records with the SDK’s page-numbered info (no page tokens)', async () => {
    const { zoho } = zohoOn();
    const page = await zoho.CRM.API.getAllRecords({ Entity: 'Accounts', fields: 'Account_Name', page: 1, per_page: 2 });
    expect(page).toMatchObject({ info: { per_page: 2, count: 2, page: 1, more_records: true } });
    expect(Object.keys((page as { info: object }).info).sort()).toEqual(['count', 'more_records', 'page', 'per_page']);
  });

  it('inserts records as {data: [outcome]} and answers an upsert with the bare array, as the SDK documents', async () => {
    const { zoho } = zohoOn();
    const task = { Subject: 'Call back about the renewal', What_Id: { id: firstId }, $se_module: 'Accounts' };
    const inserted = await zoho.CRM.API.insertRecord({ Entity: 'Tasks', APIData: task, Trigger: [] });
    expect(inserted).toMatchObject({ data: [{ code: 'SUCCESS', status: 'success' }] });
    const upserted = await zoho.CRM.API.upsertRecord({ Entity: 'Accounts', APIData: [{ Account_Name: first.name }], duplicate_check_fields: ['Account_Name'], Trigger: [] });
    expect(upserted).toMatchObject([{ status: 'success', details: { id: firstId } }]);
  });

  it('gives the signed-in user as a flat object in its own locale, or in the one the page asks for', async () => {
    const { zoho } = zohoOn();
    expect(await zoho.CRM.CONFIG.getCurrentUser()).toMatchObject({ id: org.admin.id, full_name: org.admin.full_name, email: org.admin.email, locale: 'ja_JP', time_zone: 'Asia/Tokyo' });
    const english = zohoOn({ pageLoad: {}, userLocale: 'en_US' }).zoho;
    await english.embeddedApp.init();
    expect(await english.CRM.CONFIG.getCurrentUser()).toMatchObject({ id: org.admin.id, locale: 'en_US' });
  });

  it('carries the widget’s data source (createZohoSdkDataSource) and its Resize requests to the CRM window', async () => {
    const { zoho, resized } = zohoOn();
    const user = await createZohoSdkDataSource(zoho).currentUser();
    expect(user).toMatchObject({ id: org.admin.id, locale: 'ja-JP', timeZone: 'Asia/Tokyo' });
    expect(await zoho.CRM.UI?.Resize({ height: 640, width: 800 })).toBe(true);
    expect(await zoho.CRM.UI?.Resize({ height: '480' })).toBe(true);
    expect(resized).toEqual([640, 480]);
  });

  it('asks the CRM window to open a record’s page (UI.Record.open) and answers with whether it did', async () => {
    const { zoho, opened } = zohoOn();
    const record = zoho.CRM.UI?.Record;
    expect(await record?.open({ Entity: 'Accounts', RecordID: firstId })).toBe(true);
    expect(await record?.open({ Entity: 'Leads', RecordID: secondId })).toBe(false);
    expect(opened).toEqual([
      { entity: 'Accounts', recordId: firstId },
      { entity: 'Leads', recordId: secondId },
    ]);
  });

  it('refuses to open anything but a module’s record by its Zoho id, with Zoho’s error envelope', async () => {
    const { zoho, opened } = zohoOn();
    await expect(zoho.CRM.UI?.Record?.open({ Entity: 'Accounts', RecordID: '001000000000001AAA' })).rejects.toMatchObject({ code: 'INVALID_DATA', status: 'error' });
    await expect(zoho.CRM.UI?.Record?.open({ Entity: '../Accounts', RecordID: firstId })).rejects.toMatchObject({ code: 'INVALID_DATA' });
    expect(opened).toEqual([]);
  });
});
