import type { Action } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { createZohoSdkDataSource } from '../zohoDataSource';
import type { ZohoSdk, ZohoSdkCrmApi } from './zohoSdkTypes';

const accountId = '6012345000000399001';

/** A widget SDK answering with the shapes its JSDoc documents (ZohoCrmHelper.js). */
function widgetSdk(api: Partial<ZohoSdkCrmApi>, user: unknown = {}) {
  const calls: Array<[string, unknown]> = [];
  const record = (name: string, answer: (request: unknown) => unknown) => (request: unknown) => {
    calls.push([name, request]);
    return Promise.resolve(answer(request));
  };
  const unused = () => Promise.reject(new Error('not expected'));
  const zoho: ZohoSdk = {
    embeddedApp: { on: () => undefined, init: () => Promise.resolve() },
    CRM: {
      API: {
        coql: api.coql ?? unused,
        getRecord: api.getRecord ?? unused,
        getAllRecords: api.getAllRecords ?? unused,
        insertRecord: api.insertRecord ?? unused,
        updateRecord: api.updateRecord ?? unused,
        upsertRecord: api.upsertRecord ?? unused,
      },
      CONFIG: { getCurrentUser: () => record('getCurrentUser', () => user)(undefined) },
    },
  };
  return { zoho, calls, record };
}

describe('the data source inside a Zoho CRM widget', () => {
  it('runs the account view through ZOHO.CRM.API.coql, an empty answer being no rows', async () => {
    const queries: string[] = [];
    const { zoho } = widgetSdk({
      coql: (request) => {
        queries.push(request.select_query);
        if (!request.select_query.includes('from Accounts')) return Promise.resolve('');
        return Promise.resolve({
          data: [{ id: accountId, Account_Name: 'Zylker', Kizuna_Business_Unit: 'bu-1', Kizuna_Product_Line: 'pl', Kizuna_Segment: 'ent', Kizuna_Serving_Team: 't', Kizuna_ARR: 1, Currency: 'JPY', Kizuna_Status: 'active', Kizuna_Customer_Since: '2021-04-01' }],
          info: { count: 1, more_records: false },
        });
      },
    });
    const source = createZohoSdkDataSource(zoho);
    const context = await source.getAccountContext(accountId);
    expect(source.via).toBe('sdk');
    expect(context.account.name).toBe('Zylker');
    expect(queries).toHaveLength(9);
    expect(source.rounds.rounds).toBe(1);
  });

  it('writes through insertRecord with Trigger [] and reads upsertRecord answered as a bare array', async () => {
    const { zoho, calls, record } = widgetSdk({});
    Object.assign(zoho.CRM.API, {
      insertRecord: record('insertRecord', () => ({ data: [{ code: 'SUCCESS', details: { id: '5001' }, message: 'record added', status: 'success' }] })),
      upsertRecord: record('upsertRecord', () => [{ code: 'SUCCESS', details: { id: '7001' }, message: 'record added', status: 'success', action: 'insert' }]),
    });
    const action: Action = {
      id: 'act-00000001', idempotencyKey: 'act-00000001', accountId, playbookId: 'p', title: 'Call', reasons: ['r'], valueAtStake: 1, expectedEffect: 0.1, urgency: 0.1, status: 'accepted', createdAt: '2026-03-01T00:00:00.000Z',
    };
    expect(await createZohoSdkDataSource(zoho).writeActions([action])).toEqual([{ idempotencyKey: 'act-00000001', ok: true, crmTaskId: '5001', created: true }]);
    expect(calls.map(([name]) => name)).toEqual(['insertRecord', 'upsertRecord']);
    expect(calls[0]?.[1]).toMatchObject({ Entity: 'Tasks', Trigger: [], APIData: [{ What_Id: { id: accountId }, $se_module: 'Accounts', Kizuna_Action_Key: 'act-00000001' }] });
  });

  it('refuses an answer of an unexpected shape instead of reading it as empty', async () => {
    const { zoho } = widgetSdk({ coql: () => Promise.resolve({ rows: [] }) });
    await expect(createZohoSdkDataSource(zoho).getAccountContext(accountId)).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
  });

  it('reads the flat getCurrentUser object, and turns an SDK error envelope into a CrmError', async () => {
    const { zoho } = widgetSdk(
      { coql: () => Promise.reject({ code: 'OAUTH_SCOPE_MISMATCH', details: {}, message: 'invalid oauth scope', status: 'error' }) },
      { confirm: true, full_name: 'Aiko Tanaka', role: { name: 'CEO', id: '1' }, profile: { name: 'Administrator', id: '2' }, id: '6012345000000100001', email: 'aiko@zylker.example', zuid: '8000', status: 'active', locale: 'ja_JP', time_zone: 'Asia/Tokyo' },
    );
    const source = createZohoSdkDataSource(zoho);
    expect(await source.currentUser()).toEqual({ id: '6012345000000100001', name: 'Aiko Tanaka', email: 'aiko@zylker.example', locale: 'ja-JP', timeZone: 'Asia/Tokyo' });
    await expect(source.getAccountContext(accountId)).rejects.toMatchObject({ code: 'AUTH_INVALID', crmCode: 'OAUTH_SCOPE_MISMATCH' });
  });
});
