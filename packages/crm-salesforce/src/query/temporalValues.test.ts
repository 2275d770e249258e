import { createFetchTransport, normaliseDateTime, withBearerAuth } from '@kizuna/crm-core';
import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSalesforceConnection } from '../connection';
import { dateTimeValue, dateValue, readRecords } from './index';

const instanceUrl = 'https://acme.my.salesforce.com';
const dataset = generateOrganisation({ seed: 7, accounts: 10 });
const org = createSalesforceOrg(dataset);
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['t'] }));
const transport = withBearerAuth(createFetchTransport(), () => 't');
const connection = parseSalesforceConnection({ instanceUrl });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** The same record as the GraphQL (UI API) answers it: every field `{ value }`, datetimes in `Z`. */
function asGraphQlNode(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const node: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (field === 'attributes') continue;
    const text = typeof value === 'string' ? value.replace(/\+0000$/, 'Z') : value;
    node[field] = field === 'Id' ? value : { value: text };
  }
  return node;
}

describe('datetimes', () => {
  it('REST sends +0000 and GraphQL Z; both normalise to the same instant, the canonical one', async () => {
    const rows = await readRecords(transport, connection, 'SELECT Id, Responded_At__c FROM Kizuna_Feedback__c');
    const respondedAt = new Map(dataset.feedback.map((row) => [org.salesforceIdOf('feedback', row.id), row.respondedAt]));
    for (const rest of rows) {
      const wire = String(rest['Responded_At__c']);
      expect(wire).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
      const graphQl = asGraphQlNode(rest);
      expect(graphQl['Responded_At__c']).toEqual({ value: wire.replace('+0000', 'Z') });
      expect(normaliseDateTime(wire)).toBe(normaliseDateTime(wire.replace('+0000', 'Z')));
      expect(dateTimeValue(rest, 'Responded_At__c')).toBe(dateTimeValue(graphQl, 'Responded_At__c'));
      expect(Date.parse(dateTimeValue(rest, 'Responded_At__c') ?? '')).toBe(Date.parse(respondedAt.get(String(rest['Id'])) ?? ''));
    }
  });

  it('canonicalises a Z value without milliseconds and refuses a date where a datetime belongs', () => {
    expect(dateTimeValue({ At: '2026-05-20T20:49:32Z' }, 'At')).toBe('2026-05-20T20:49:32.000Z');
    expect(dateTimeValue({ At: '2026-05-21T05:49:32.000+0900' }, 'At')).toBe('2026-05-20T20:49:32.000Z');
    expect(dateTimeValue({ At: null }, 'At')).toBeNull();
    expect(() => dateTimeValue({ At: '2026-05-20' }, 'At')).toThrow(expect.objectContaining({ code: 'MALFORMED_RESPONSE' }));
    expect(() => dateTimeValue({ At: 'yesterday' }, 'At')).toThrow(expect.objectContaining({ code: 'MALFORMED_RESPONSE' }));
  });
});

describe('date-only fields', () => {
  it('keeps Task.ActivityDate and Opportunity.CloseDate as YYYY-MM-DD, from REST and GraphQL alike', async () => {
    const tasks = await readRecords(transport, connection, 'SELECT Id, ActivityDate FROM Task WHERE ActivityDate != null');
    const opportunities = await readRecords(transport, connection, 'SELECT Id, CloseDate FROM Opportunity');
    expect(tasks.length).toBeGreaterThan(0);
    for (const [record, field] of [...tasks.map((t) => [t, 'ActivityDate'] as const), ...opportunities.map((o) => [o, 'CloseDate'] as const)]) {
      expect(record[field]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(dateValue(record, field)).toBe(record[field]);
      expect(dateValue(asGraphQlNode(record), field)).toBe(record[field]);
    }
    const closeDates = new Map(dataset.opportunities.map((o) => [org.salesforceIdOf('opportunity', o.id), o.closeDate]));
    expect(opportunities.map((o) => dateValue(o, 'CloseDate'))).toEqual(opportunities.map((o) => closeDates.get(String(o['Id']))));
  });

  it('refuses a datetime where a date belongs', () => {
    expect(() => dateValue({ ActivityDate: '2026-05-30T00:00:00.000+0000' }, 'ActivityDate')).toThrow(expect.objectContaining({ code: 'MALFORMED_RESPONSE' }));
    expect(() => dateValue({ ActivityDate: '2026-02-30' }, 'ActivityDate')).toThrow(expect.objectContaining({ code: 'MALFORMED_RESPONSE' }));
  });
});
