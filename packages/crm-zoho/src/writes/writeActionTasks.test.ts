import type { Action } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { answering, bodyOf, jsonResponse } from '../testing/fakeTransport';
import { createZohoDataSource } from '../zohoDataSource';

const accountId = '6012345000000399001';
const contactId = '6012345000000399002';
const action = (key: string, status: Action['status'] = 'accepted'): Action => ({
  id: key,
  idempotencyKey: key,
  accountId,
  contactId,
  playbookId: 'renewal-risk',
  title: 'Call the sponsor before renewal',
  reasons: ['renewal in 30 days', 'NPS fell 12 points'],
  valueAtStake: 18500000,
  expectedEffect: 0.3,
  urgency: 0.8,
  status,
  createdAt: '2026-03-01T00:00:00.000Z',
  dueAt: '2026-03-08T00:00:00.000Z',
});

const success = (id: string) => ({ code: 'SUCCESS', details: { id, Created_Time: '2026-03-01T09:00:00+09:00' }, message: 'record added', status: 'success' });
const duplicate = (id: string) => ({
  code: 'DUPLICATE_DATA',
  details: { api_name: 'Kizuna_Action_Key', json_path: '$.data[1].Kizuna_Action_Key', duplicate_record: { id, module: { api_name: 'Tasks', id: '1' }, Owner: { id: '9', name: 'A' } } },
  message: 'duplicate data',
  status: 'error',
});

describe('writing actions as Zoho Tasks', () => {
  it('inserts Tasks linked by What_Id + $se_module and Who_Id, with no automation, then the ledger record', async () => {
    const { transport, requests } = answering((request) => (request.url.endsWith('/upsert') ? jsonResponse(200, { data: [{ ...success('7001'), action: 'insert' }] }) : jsonResponse(201, { data: [success('5001')] })));
    const source = createZohoDataSource({ connection: { apiDomain: 'https://www.zohoapis.in' }, tokens: () => 't', transport });
    expect(await source.writeActions([action('act-00000001')])).toEqual([{ idempotencyKey: 'act-00000001', ok: true, crmTaskId: '5001', created: true }]);
    expect([requests[0]?.method, requests[0]?.url]).toEqual(['POST', 'https://www.zohoapis.in/crm/v8/Tasks']);
    expect(bodyOf(requests[0])).toEqual({
      data: [
        {
          Subject: 'Call the sponsor before renewal',
          Description: 'renewal in 30 days\nNPS fell 12 points',
          What_Id: { id: accountId },
          $se_module: 'Accounts',
          Who_Id: { id: contactId },
          Due_Date: '2026-03-08',
          Status: 'Not Started',
          Priority: 'High',
          Kizuna_Action_Key: 'act-00000001',
          Kizuna_Playbook: 'renewal-risk',
          Kizuna_Value_At_Stake: 18500000,
          Kizuna_Expected_Effect: 0.3,
          Kizuna_Urgency: 0.8,
        },
      ],
      trigger: [],
    });
    expect(requests[1]?.url).toBe('https://www.zohoapis.in/crm/v8/Kizuna_Actions/upsert');
    expect(bodyOf(requests[1])).toMatchObject({ duplicate_check_fields: ['Action_Key'], trigger: [], data: [{ Action_Key: 'act-00000001', Task_Id: '5001', Account: { id: accountId }, Due_At: '2026-03-08T00:00:00+00:00' }] });
  });

  it('reads a 207 per record: a repeated key is the Task written before, updated, never a second Task', async () => {
    const { transport, requests } = answering((request) => {
      if (request.method === 'PUT') return jsonResponse(200, { data: [{ code: 'SUCCESS', details: { id: '5000' }, message: 'record updated', status: 'success' }] });
      if (request.url.endsWith('/upsert')) return jsonResponse(200, { data: [success('7001'), success('7002')] });
      return jsonResponse(207, { data: [success('5001'), duplicate('5000'), { code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Subject' }, message: 'required field not found', status: 'error' }] });
    });
    const source = createZohoDataSource({ connection: { apiDomain: 'https://www.zohoapis.in' }, tokens: () => 't', transport });
    const results = await source.writeActions([action('act-00000001'), action('act-00000002', 'done'), action('act-00000003')]);
    expect(results).toEqual([
      { idempotencyKey: 'act-00000001', ok: true, crmTaskId: '5001', created: true },
      { idempotencyKey: 'act-00000002', ok: true, crmTaskId: '5000', created: false },
      { idempotencyKey: 'act-00000003', ok: false, code: 'VALIDATION', message: 'required field not found' },
    ]);
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(['POST /crm/v8/Tasks', 'PUT /crm/v8/Tasks', 'POST /crm/v8/Kizuna_Actions/upsert']);
    expect(bodyOf(requests[1])).toMatchObject({ data: [{ id: '5000', Status: 'Completed', Kizuna_Action_Key: 'act-00000002' }], trigger: [] });
  });

  it('makes no Task for snoozed or dismissed actions: their decision goes to the ledger only, with the Task an acceptance wrote', async () => {
    const { transport, requests } = answering((request) => {
      if (request.url.endsWith('/upsert')) return jsonResponse(200, { data: [success('7001'), success('7002'), success('7003')] });
      return jsonResponse(201, { data: [success('5001')] });
    });
    const source = createZohoDataSource({ connection: { apiDomain: 'https://www.zohoapis.in' }, tokens: () => 't', transport });
    const snoozed: Action = { ...action('act-00000002', 'snoozed'), snoozedUntil: '2026-03-15T00:00:00.000Z', crmTaskId: '5000' };
    const dismissed: Action = { ...action('act-00000003', 'dismissed'), dismissedAt: '2026-03-02T00:00:00.000Z', dismissedReason: 'already in touch' };
    expect(await source.writeActions([action('act-00000001'), snoozed, dismissed])).toEqual([
      { idempotencyKey: 'act-00000001', ok: true, crmTaskId: '5001', created: true },
      { idempotencyKey: 'act-00000002', ok: true, crmTaskId: '5000', created: false },
      { idempotencyKey: 'act-00000003', ok: true, crmTaskId: '7003', created: false },
    ]);
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(['POST /crm/v8/Tasks', 'POST /crm/v8/Kizuna_Actions/upsert']);
    expect(bodyOf(requests[0])).toMatchObject({ data: [{ Kizuna_Action_Key: 'act-00000001' }] });
    expect(bodyOf(requests[1])).toMatchObject({
      data: [
        { Action_Key: 'act-00000001', Action_Status: 'accepted', Task_Id: '5001' },
        { Action_Key: 'act-00000002', Action_Status: 'snoozed', Task_Id: '5000', Snoozed_Until: '2026-03-15T00:00:00+00:00' },
        { Action_Key: 'act-00000003', Action_Status: 'dismissed', Task_Id: null, Dismissed_Reason: 'already in touch' },
      ],
    });
  });

  it('reports an all-failed batch (HTTP 400, data[]) per action and rejects on what is not about a record', async () => {
    const failed = { code: 'INVALID_DATA', details: { api_name: 'What_Id' }, message: 'invalid data', status: 'error' };
    const { transport } = answering(() => jsonResponse(400, { data: [failed] }));
    const source = createZohoDataSource({ connection: { apiDomain: 'https://www.zohoapis.in' }, tokens: () => 't', transport });
    expect(await source.writeActions([action('act-00000001')])).toEqual([{ idempotencyKey: 'act-00000001', ok: false, code: 'VALIDATION', message: 'invalid data' }]);
    const refused = answering(() => jsonResponse(401, { code: 'OAUTH_SCOPE_MISMATCH', details: {}, message: 'invalid oauth scope', status: 'error' }));
    const other = createZohoDataSource({ connection: { apiDomain: 'https://www.zohoapis.in' }, tokens: () => 't', transport: refused.transport });
    await expect(other.writeActions([action('act-00000001')])).rejects.toMatchObject({ code: 'AUTH_INVALID' });
  });
});
