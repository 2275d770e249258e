import { createFetchTransport, withBearerAuth, type HttpRequest, type HttpTransport } from '@kizuna/crm-core';
import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSalesforceConnection } from '../connection';
import { asQueryPage, fetchQueryPage, queryUrl } from '../restQuery';
import { childRecords, polymorphicRef, readRecords } from './index';

const instanceUrl = 'https://acme.my.salesforce.com';
const dataset = generateOrganisation({ seed: 7, accounts: 10 });
const org = createSalesforceOrg(dataset);
// A bigger org on another instance, for results that need more than one batch (at least 200 rows).
const bigInstanceUrl = 'https://big.my.salesforce.com';
const bigOrg = createSalesforceOrg(generateOrganisation({ seed: 7, accounts: 40 }));
const server = setupServer(
  ...salesforceHandlers(org, { instanceUrl, accessTokens: ['t'] }),
  ...salesforceHandlers(bigOrg, { instanceUrl: bigInstanceUrl, accessTokens: ['t'] }),
);
const requests: HttpRequest[] = [];
const fetchTransport = withBearerAuth(createFetchTransport(), () => 't');
const transport: HttpTransport = (request) => {
  requests.push(request);
  return fetchTransport(request);
};
const connection = parseSalesforceConnection({ instanceUrl });
const bigConnection = parseSalesforceConnection({ instanceUrl: bigInstanceUrl });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** Canonical names by Salesforce id: what a polymorphic reference must resolve to. */
const accountNames = new Map(dataset.accounts.map((account) => [org.salesforceIdOf('account', account.id), account.name]));
const contactNames = new Map(dataset.contacts.map((contact) => [org.salesforceIdOf('contact', contact.id), contact.name]));

describe('polymorphic What / Who', () => {
  it('resolves What.Name / Who.Name on Tasks to the right Account and Contact', async () => {
    const tasks = await readRecords(transport, connection, 'SELECT Id, WhatId, WhoId, What.Name, What.Type, Who.Name FROM Task WHERE WhoId != null');
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      const what = polymorphicRef(task, 'What');
      const who = polymorphicRef(task, 'Who');
      expect(what).toEqual({ id: task['WhatId'], type: 'Account', name: accountNames.get(String(task['WhatId'])) });
      // Who.Type was not selected: the type comes from the url of the Name record.
      expect(who).toEqual({ id: task['WhoId'], type: 'Contact', name: contactNames.get(String(task['WhoId'])) });
    }
  });

  it('gives null for an empty lookup', async () => {
    const [account] = accountNames.keys();
    const id = org.sobjects.create('Task', { Subject: 'No contact yet', WhatId: account ?? '' });
    const [task] = await readRecords(transport, connection, `SELECT What.Name, Who.Name FROM Task WHERE Id = '${id}'`);
    if (task === undefined) throw new Error('the task was created');
    expect(task['Who']).toBeNull();
    expect(polymorphicRef(task, 'Who')).toBeNull();
    expect(polymorphicRef(task, 'What')).toEqual({ id: account, type: 'Account', name: accountNames.get(account ?? '') });
  });

  it('reads a TYPEOF result, whose attributes carry the real type', async () => {
    const [task] = await readRecords(transport, connection, 'SELECT WhatId, TYPEOF What WHEN Account THEN Name, Industry ELSE Name END FROM Task LIMIT 1');
    if (task === undefined) throw new Error('the sample org has Tasks');
    expect(task['What']).toMatchObject({ attributes: { type: 'Account' } });
    expect(polymorphicRef(task, 'What')).toEqual({ id: task['WhatId'], type: 'Account', name: accountNames.get(String(task['WhatId'])) });
  });
});

describe('child subqueries', () => {
  it('are null on the wire when there are no children, and [] from childRecords', async () => {
    const accounts = await readRecords(transport, connection, "SELECT Id, (SELECT Id FROM Cases WHERE Subject = 'no such subject'), (SELECT Id, Name FROM Contacts) FROM Account");
    for (const account of accounts) {
      expect(account['Cases']).toBeNull();
      expect(await childRecords(account, 'Cases')).toEqual([]);
      const contacts = await childRecords(account, 'Contacts');
      const expected = dataset.contacts.filter((contact) => org.salesforceIdOf('account', contact.accountId) === account['Id']);
      expect(contacts.map((contact) => contact['Name']).sort()).toEqual(expected.map((contact) => contact.name).sort());
    }
  });

  it('follows a child result that is not done to its end, and refuses to cut it short without paging', async () => {
    // The sim never pages child results, so a first batch of a real query stands in for one.
    const url = queryUrl(bigConnection, 'SELECT Id FROM Kizuna_Feedback__c');
    const first = await fetchQueryPage(transport, url, { 'Sforce-Query-Options': 'batchSize=200' });
    expect(first.done).toBe(false);
    const parent = { attributes: { type: 'Account' }, Kizuna_Feedback__r: first };
    await expect(childRecords(parent, 'Kizuna_Feedback__r')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const all = await childRecords(parent, 'Kizuna_Feedback__r', { transport, connection: bigConnection });
    expect(all).toHaveLength(first.totalSize);
    expect(asQueryPage(parent['Kizuna_Feedback__r'], 'the child result').records).toHaveLength(200);
  });
});

describe('readRecords', () => {
  it('pages /query to the end by nextRecordsUrl, and reads deleted rows only through /queryAll', async () => {
    const soql = 'SELECT Id, Subject FROM Event';
    requests.length = 0;
    const events = await readRecords(transport, connection, soql, { batchSize: 200 });
    expect(events).toHaveLength(org.records('Event').length);
    expect(requests.map((request) => new URL(request.url).pathname.split('/')[4])).toEqual(['query']);

    const [gone] = events;
    org.sobjects.delete('Event', String(gone?.['Id']));
    expect(await readRecords(transport, connection, soql)).toHaveLength(events.length - 1);
    const withDeleted = await readRecords(transport, connection, `${soql} WHERE IsDeleted = true`, { includeDeleted: true });
    expect(withDeleted.map((event) => event['Id'])).toEqual([gone?.['Id']]);
    expect(requests[requests.length - 1]?.url).toContain('/queryAll?q=');
  });

  it('follows several pages when the result is bigger than a batch', async () => {
    requests.length = 0;
    const feedback = await readRecords(transport, bigConnection, 'SELECT Id FROM Kizuna_Feedback__c', { batchSize: 200 });
    expect(feedback).toHaveLength(bigOrg.records('Kizuna_Feedback__c').length);
    expect(new Set(feedback.map((row) => row['Id'])).size).toBe(feedback.length);
    expect(requests.length).toBe(Math.ceil(feedback.length / 200));
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.slice(1).every((request) => /\/query\/01g[0-9A-Za-z]+-\d+$/.test(request.url))).toBe(true);
  });

  it('refuses COUNT(), whose records are always empty', async () => {
    await expect(readRecords(transport, connection, 'SELECT COUNT() FROM Event')).rejects.toMatchObject({ code: 'INVALID_QUERY' });
  });
});
