import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { canonicalFixture } from '../../testing/canonicalFixture';
import { createZohoOrg } from '../zohoOrg';
import { zohoHandlers } from '../zohoHandlers';
import { dataOf, objectOf, zohoTestClient } from '../testing/zohoTestClient';

const org = createZohoOrg(canonicalFixture(), { dataCentre: 'JP', now: () => Date.parse('2026-06-01T00:00:00Z') });
const server = setupServer(...zohoHandlers(org));
org.oauth.issueAccessToken('token');
org.oauth.issueAccessToken('read-only', { scopes: ['ZohoCRM.modules.READ'] });
org.oauth.issueAccessToken('tasks-create', { scopes: ['ZohoCRM.modules.tasks.CREATE'] });
const api = zohoTestClient(org.apiDomain, 'token');
const acme = org.zohoIdOf('account', 'acc-1');
const hanako = org.zohoIdOf('contact', 'con-1');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const task = (key: string, extra: Record<string, unknown> = {}) => ({
  Subject: 'Call the detractor',
  Due_Date: '2026-06-08',
  What_Id: { id: acme },
  $se_module: 'Accounts',
  Who_Id: { id: hanako },
  Kizuna_Action_Key: key,
  ...extra,
});

describe('POST /crm/v8/Tasks', () => {
  it('inserts and answers 201 with a per-record SUCCESS, stamps in the user zone', async () => {
    const reply = await api.insert('Tasks', { data: [task('NBA-new-0001')], trigger: [] });
    expect(reply.status).toBe(201);
    const [result] = dataOf(reply);
    expect(result).toEqual({
      code: 'SUCCESS',
      details: {
        Modified_Time: '2026-06-01T09:00:00+09:00',
        Modified_By: { name: org.admin.full_name, id: org.admin.id },
        Created_Time: '2026-06-01T09:00:00+09:00',
        id: expect.stringMatching(/^\d{19}$/),
        Created_By: { name: org.admin.full_name, id: org.admin.id },
        $approval_state: 'approved',
      },
      message: 'record added',
      status: 'success',
    });
    const id = String(objectOf(result?.['details'])['id']);
    const read = await api.get(`/Tasks/${id}`);
    expect(dataOf(read)[0]).toMatchObject({
      Subject: 'Call the detractor',
      What_Id: { name: 'Acme Corp', id: acme },
      $se_module: 'Accounts',
      Who_Id: { name: 'Hanako Yamada', id: hanako },
      Due_Date: '2026-06-08',
      Owner: { name: org.admin.full_name, id: org.admin.id, email: org.admin.email },
    });
    expect(org.writes.log.at(-1)).toEqual({ module: 'Tasks', operation: 'insert', trigger: [], ids: [id] });
  });

  it('refuses a second task with the same action key: DUPLICATE_DATA naming the existing record', async () => {
    const existing = org.zohoIdOf('actionTask', 'act-1');
    const reply = await api.insert('Tasks', { data: [task('NBA-acc1-detractor-call')] });
    expect(reply.status).toBe(400);
    expect(dataOf(reply)).toEqual([
      {
        code: 'DUPLICATE_DATA',
        details: {
          api_name: 'Kizuna_Action_Key',
          duplicate_record: { Owner: { name: expect.any(String), id: expect.any(String), zuid: expect.any(String) }, id: existing },
          json_path: '$.data[0].Kizuna_Action_Key',
          id: existing,
          more_records: false,
        },
        message: 'duplicate data',
        status: 'error',
      },
    ]);
  });

  it('answers 207 for a mixed batch with one result per record in input order', async () => {
    const reply = await api.insert('Tasks', {
      data: [task('NBA-mixed-0001'), { Due_Date: '2026-06-08' }, task('NBA-mixed-0003', { What_Id: { id: acme }, $se_module: undefined }), task('NBA-mixed-0001')],
    });
    expect(reply.status).toBe(207);
    expect(dataOf(reply).map((result) => [result['status'], result['code'], objectOf(result['details'])['api_name']])).toEqual([
      ['success', 'SUCCESS', undefined],
      ['error', 'MANDATORY_NOT_FOUND', 'Subject'],
      ['error', 'MANDATORY_NOT_FOUND', '$se_module'],
      ['error', 'DUPLICATE_DATA', 'Kizuna_Action_Key'],
    ]);
  });

  it('refuses wrong types: a lookup as a bare string, a datetime for Due_Date, an unknown picklist value', async () => {
    const reply = await api.insert('Tasks', {
      data: [task('NBA-type-0001', { Who_Id: hanako }), task('NBA-type-0002', { Due_Date: '2026-06-08T10:00:00+09:00' }), task('NBA-type-0003', { Status: 'Open' })],
    });
    expect(reply.status).toBe(400);
    expect(dataOf(reply).map((result) => objectOf(result['details']))).toEqual([
      { expected_data_type: 'lookup', api_name: 'Who_Id', json_path: '$.data[0].Who_Id' },
      { expected_data_type: 'date', api_name: 'Due_Date', json_path: '$.data[1].Due_Date' },
      expect.objectContaining({ supported_values: expect.arrayContaining(['Not Started', 'Completed']), api_name: 'Status' }),
    ]);
  });

  it('refuses unknown field names, more than 100 records, a bad trigger and an unknown module, inside data[]', async () => {
    const typo = await api.insert('Tasks', { data: [task('NBA-typo-0001', { Kizuna_Actionkey: 'x' })] });
    expect(dataOf(typo)).toEqual([
      { code: 'INVALID_DATA', details: { api_name: 'Kizuna_Actionkey', json_path: '$.data[0].Kizuna_Actionkey' }, message: 'the field api name given seems to be invalid', status: 'error' },
    ]);
    const many = await api.insert('Tasks', { data: Array.from({ length: 101 }, (_, i) => task(`NBA-many-${String(i).padStart(4, '0')}`)) });
    expect(many.status).toBe(400);
    expect(dataOf(many)).toEqual([expect.objectContaining({ code: 'LIMIT_EXCEEDED', status: 'error' })]);
    const trigger = await api.insert('Tasks', { data: [task('NBA-trigger-01')], trigger: ['everything'] });
    expect(dataOf(trigger)).toEqual([expect.objectContaining({ code: 'INVALID_DATA', details: expect.objectContaining({ api_name: 'trigger' }) })]);
    expect(dataOf(await api.insert('Meetings', { data: [{ Event_Title: 'x' }] }))).toEqual([
      { code: 'INVALID_MODULE', details: { resource_path_index: 0 }, message: 'the module name given seems to be invalid', status: 'error' },
    ]);
  });

  it('writes custom modules and checks their unique Action_Key', async () => {
    const first = await api.insert('Kizuna_Actions', { data: [{ Name: 'Snooze', Action_Key: 'NBA-snooze-0001', Action_Status: 'snoozed', Account: { id: acme } }] });
    expect(first.status).toBe(201);
    const again = await api.insert('Kizuna_Actions', { data: [{ Name: 'Snooze', Action_Key: 'nba-SNOOZE-0001' }] });
    expect(dataOf(again)[0]).toMatchObject({ code: 'DUPLICATE_DATA', details: { api_name: 'Action_Key' } });
  });

  it('needs a create scope for the module (401 OAUTH_SCOPE_MISMATCH)', async () => {
    expect(objectOf((await api.insert('Tasks', { data: [task('NBA-scope-001')] }, { token: 'read-only' })).body)['code']).toBe('OAUTH_SCOPE_MISMATCH');
    expect((await api.insert('Tasks', { data: [task('NBA-scope-002')] }, { token: 'tasks-create' })).status).toBe(201);
    expect((await api.insert('Calls', { data: [{ Subject: 'x' }] }, { token: 'tasks-create' })).status).toBe(401);
  });
});

describe('PUT /crm/v8/{module}', () => {
  it('updates by id, stamps Closed_Time when a task is completed, and 400s for an unknown id', async () => {
    const id = org.zohoIdOf('actionTask', 'act-1');
    const reply = await api.update('Tasks', { data: [{ id, Status: 'Completed' }, { id: '4876876000000999999', Status: 'Completed' }] });
    expect(reply.status).toBe(207);
    expect(dataOf(reply)).toEqual([
      expect.objectContaining({ code: 'SUCCESS', message: 'record updated', status: 'success' }),
      { code: 'INVALID_DATA', details: { id: '4876876000000999999' }, message: 'the id given seems to be invalid', status: 'error' },
    ]);
    const read = dataOf(await api.get(`/Tasks/${id}?fields=Status,Closed_Time`))[0];
    expect(read).toEqual({ Status: 'Completed', Closed_Time: '2026-06-01T09:00:00+09:00', id });
    const single = await api.send('PUT', `/Tasks/${id}`, { data: [{ Priority: 'Low' }] });
    expect(single.status).toBe(200);
  });
});

describe('POST /crm/v8/{module}/upsert', () => {
  it('updates the record matching a duplicate-check field and inserts the others, saying which', async () => {
    const existing = org.zohoIdOf('action', 'act-1');
    const reply = await api.send('POST', '/Kizuna_Actions/upsert', {
      data: [
        { Name: 'Call the detractor', Action_Key: 'NBA-acc1-detractor-call', Action_Status: 'done' },
        { Name: 'Brand new', Action_Key: 'NBA-upsert-new-01', Action_Status: 'dismissed' },
      ],
      duplicate_check_fields: ['Action_Key'],
      trigger: [],
    });
    expect(reply.status).toBe(200);
    expect(dataOf(reply)).toEqual([
      { code: 'SUCCESS', duplicate_field: 'Action_Key', action: 'update', details: expect.objectContaining({ id: existing }), message: 'record updated', status: 'success' },
      { code: 'SUCCESS', duplicate_field: 'Action_Key', action: 'insert', details: expect.objectContaining({ id: expect.any(String) }), message: 'record added', status: 'success' },
    ]);
    expect(objectOf(dataOf(reply)[1]?.['details'])).not.toHaveProperty('$approval_state');
    expect(dataOf(await api.get(`/Kizuna_Actions/${existing}?fields=Action_Status`))[0]).toEqual({ Action_Status: 'done', id: existing });
  });

  it('refuses Tasks (not an upsert module: INVALID_MODULE) and a field that is not a duplicate check', async () => {
    const tasks = await api.send('POST', '/Tasks/upsert', { data: [task('NBA-upsert-task-1')] });
    expect(tasks.status).toBe(400);
    expect(dataOf(tasks)).toEqual([{ code: 'INVALID_MODULE', details: { resource_path_index: 0 }, message: 'the module name given seems to be invalid', status: 'error' }]);
    const field = await api.send('POST', '/Kizuna_Actions/upsert', { data: [{ Name: 'x', Action_Key: 'NBA-upsert-x-001' }], duplicate_check_fields: ['Playbook'] });
    expect(dataOf(field)[0]).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'Playbook' } });
  });
});

describe('GET /crm/v8/{module}/actions/count', () => {
  it('gives the total, which info.count does not', async () => {
    const before = org.records('Kizuna_Actions').length;
    expect((await api.get('/Kizuna_Actions/actions/count')).body).toEqual({ count: before });
  });
});
