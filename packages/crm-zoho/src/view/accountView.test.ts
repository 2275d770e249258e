import { describe, expect, it } from 'vitest';
import { createZohoDataSource } from '../zohoDataSource';
import { answering, coqlOf, jsonResponse, zohoError } from '../testing/fakeTransport';

const accountId = '6012345000000399001';
const idOf = (n: number) => `6012345000001${String(n).padStart(6, '0')}`;
const lookup = { name: 'Zylker', id: accountId };

/** Documented COQL answers per module: `{data, info: {count, more_records}}`, lookups as `{name, id}`. */
const rows: Record<string, Array<Record<string, unknown>>> = {
  Accounts: [{ id: accountId, Account_Name: 'Zylker', Kizuna_Business_Unit: 'bu-1', Kizuna_Product_Line: 'pl-1', Kizuna_Segment: 'ent', Kizuna_Serving_Team: 'team-1', Kizuna_ARR: 18500000, Currency: 'JPY', Kizuna_Status: 'active', Kizuna_Customer_Since: '2021-04-01' }],
  Contacts: [{ id: idOf(1), Full_Name: 'Aiko Tanaka', Email: 'aiko@zylker.example', Account_Name: lookup, Kizuna_Role: null }],
  Tasks: [{ id: idOf(2), Subject: 'QBR prep', What_Id: lookup, Who_Id: { name: 'Aiko Tanaka', id: idOf(1) }, Kizuna_Channel: 'email', Kizuna_Department: 'success', Kizuna_Journey_Stage: 'adoption', Closed_Time: '2026-03-01T10:00:00+09:00', Due_Date: '2026-03-01' }],
  Calls: [{ id: idOf(3), Subject: 'Check-in', What_Id: lookup, Kizuna_Channel: 'phone', Kizuna_Department: 'success', Kizuna_Journey_Stage: 'adoption', Call_Start_Time: '2026-03-02T10:00:00+09:00' }],
  Events: Array.from({ length: 4500 }, (_, index) => ({ id: idOf(10_000 + index), Event_Title: 'Workshop', What_Id: lookup, Kizuna_Channel: 'meeting', Kizuna_Department: 'professional_services', Kizuna_Journey_Stage: 'onboarding', Start_DateTime: '2026-01-10T09:00:00+09:00' })),
  Cases: [{ id: idOf(4), Subject: 'Login fails', Account_Name: lookup, Status: 'On Hold', Priority: 'High', Kizuna_Channel: 'email', Kizuna_Escalated: null, Created_Time: '2026-02-01T09:00:00+09:00' }],
  Deals: [{ id: idOf(5), Deal_Name: 'Renewal 2026', Account_Name: lookup, Type: 'Renewal', Stage: 'Negotiation/Review', Kizuna_Outcome: null, Amount: 18500000, Currency: 'JPY', Closing_Date: '2026-09-30' }],
  Kizuna_Actions: [],
};

function zohoOrg(refuse: Record<string, ReturnType<typeof zohoError>> = {}) {
  return answering((request) => {
    const query = coqlOf(request) ?? '';
    const module = /from (\w+)/.exec(query)?.[1] ?? '';
    const refusal = refuse[module];
    if (refusal !== undefined) return refusal;
    const offset = Number(/offset (\d+)/.exec(query)?.[1] ?? 0);
    const page = (rows[module] ?? []).slice(offset, offset + 2000);
    if (page.length === 0) return jsonResponse(204);
    return jsonResponse(200, { data: page, info: { count: page.length, more_records: offset + 2000 < (rows[module] ?? []).length } });
  });
}

describe('the account view', () => {
  it('reads every part in the same round, and pages the longest part in further rounds (3 for 4,500 events)', async () => {
    const { transport, requests } = zohoOrg();
    const source = createZohoDataSource({ connection: { apiDomain: 'https://www.zohoapis.jp' }, tokens: () => 't', transport });
    const context = await source.getAccountContext(accountId);
    expect(source.rounds.rounds).toBe(3);
    expect(requests).toHaveLength(9 + 2);
    expect(requests.every((request) => request.method === 'POST' && request.url === 'https://www.zohoapis.jp/crm/v8/coql')).toBe(true);
    expect(coqlOf(requests[2])).toBe(
      `select id, What_Id, Who_Id, Kizuna_Channel, Kizuna_Department, Kizuna_Journey_Stage, Kizuna_Moment_Of_Truth, Kizuna_Team, Subject, Closed_Time, Due_Date from Tasks where (What_Id = '${accountId}' and Kizuna_Action_Key is null) order by id asc limit 2000`,
    );
    expect(context.account).toMatchObject({ id: accountId, name: 'Zylker', arr: 18500000, businessUnitId: 'bu-1' });
    expect(context.contacts).toEqual([{ id: idOf(1), accountId, name: 'Aiko Tanaka', email: 'aiko@zylker.example', role: 'user' }]);
    expect(context.touchpoints).toHaveLength(4502);
    expect(context.touchpoints[0]).toMatchObject({ accountId, contactId: idOf(1), occurredAt: '2026-03-01T01:00:00.000Z' });
    expect(context.supportCases[0]).toMatchObject({ status: 'waiting_on_customer', priority: 'high', escalated: false, openedAt: '2026-02-01T00:00:00.000Z' });
    expect(context.opportunities[0]).toMatchObject({ type: 'renewal', status: 'open', closeDate: '2026-09-30' });
    expect([context.rejected, context.unavailable]).toEqual([[], []]);
  });

  it('shows the rest when the org refuses a part (missing custom module)', async () => {
    const { transport } = zohoOrg({ Kizuna_Feedback: zohoError(400, 'INVALID_MODULE', 'the module name given seems to be invalid') });
    const source = createZohoDataSource({ connection: { apiDomain: 'https://www.zohoapis.jp' }, tokens: () => 't', transport });
    const context = await source.getAccountContext(accountId);
    expect(context.unavailable).toEqual([{ entity: 'feedback', code: 'INVALID_TYPE', message: 'the module name given seems to be invalid' }]);
    expect(context.contacts).toHaveLength(1);
  });

  it('fails the whole view on what no part can survive, and refuses ids that are not Zoho ids', async () => {
    const { transport } = zohoOrg({ Accounts: zohoError(401, 'OAUTH_SCOPE_MISMATCH') });
    const source = createZohoDataSource({ connection: { apiDomain: 'https://www.zohoapis.jp' }, tokens: () => 't', transport });
    await expect(source.getAccountContext(accountId)).rejects.toMatchObject({ code: 'AUTH_INVALID', crmCode: 'OAUTH_SCOPE_MISMATCH' });
    await expect(source.getAccountContext("1' or id is not null")).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
