import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { canonicalFixture } from '../testing/canonicalFixture';
import { createZohoOrg } from './zohoOrg';
import { zohoHandlers } from './zohoHandlers';
import { arrayOf, objectOf, zohoTestClient } from './testing/zohoTestClient';

const org = createZohoOrg(canonicalFixture());
const server = setupServer(...zohoHandlers(org, { accessTokens: ['token'] }));
org.oauth.issueAccessToken('modules-only', { scopes: ['ZohoCRM.modules.ALL'] });
const api = zohoTestClient(org.apiDomain, 'token');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('module and field metadata', () => {
  it('lists the modules, Events labelled Meetings, Kizuna modules as custom', async () => {
    const modules = arrayOf(objectOf((await api.get('/settings/modules')).body)['modules']).map(objectOf);
    expect(modules.find((module) => module['api_name'] === 'Events')).toMatchObject({ plural_label: 'Meetings', generated_type: 'default' });
    expect(modules.filter((module) => module['generated_type'] === 'custom').map((module) => module['api_name'])).toEqual([
      'Kizuna_Feedback',
      'Kizuna_Employee_Pulse',
      'Kizuna_Actions',
    ]);
  });

  it('lists a module’s fields with types, picklist values and lookup targets', async () => {
    const fields = arrayOf(objectOf((await api.get('/settings/fields?module=Tasks')).body)['fields']).map(objectOf);
    expect(fields.find((field) => field['api_name'] === 'Status')).toMatchObject({ data_type: 'picklist', json_type: 'string', pick_list_values: expect.arrayContaining([{ display_value: 'Completed', actual_value: 'Completed' }]) });
    expect(fields.find((field) => field['api_name'] === 'Who_Id')).toMatchObject({ data_type: 'lookup', lookup: { module: { api_name: 'Contacts', id: expect.any(String) } } });
    expect(fields.find((field) => field['api_name'] === 'Kizuna_Action_Key')).toMatchObject({ custom_field: true, length: 80, unique: { casesensitive: 'false' } });
    expect(fields.find((field) => field['api_name'] === 'Subject')).toMatchObject({ unique: {}, lookup: {}, system_mandatory: true });
    expect(objectOf((await api.get('/settings/fields')).body)['code']).toBe('REQUIRED_PARAM_MISSING');
    expect(objectOf((await api.get('/settings/fields?module=Tasks', { token: 'modules-only' })).body)['code']).toBe('OAUTH_SCOPE_MISMATCH');
  });
});
