import { createFetchTransport, objectMappingSchema, withBearerAuth, withCallAccounting, type CallStats } from '@kizuna/crm-core';
import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import type { CanonicalDataset } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSalesforceConnection } from '../connection';
import { salesforceDefaultMapping } from '../defaultMapping';
import { createSalesforceDataSource } from '../salesforceDataSource';
import { datasetParts, resolveScope } from './datasetParts';
import { datasetSoql } from './datasetSoql';
import { readDatasetOverRest } from './readDataset';

/**
 * A portfolio read against the simulated org over (intercepted) HTTP: what comes back is the
 * generated data of the window and business units asked for, mapped to the canonical model.
 */
const instanceUrl = 'https://dataset.my.salesforce.com';
const dataset: CanonicalDataset = generateOrganisation({ seed: 11, accounts: 60 });
const org = createSalesforceOrg(dataset);
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['t'] }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const window = { from: '2025-10-01', to: '2026-10-01' };
const inWindow = (iso: string) => iso >= '2025-10-01T00:00:00.000Z' && iso < '2026-10-01T00:00:00.000Z';
/** As the metrics core's reference read dates a pulse: the first day of its quarter or month. */
const pulseStartsInWindow = (period: string) => {
  const [year = '', part = ''] = period.split('-');
  const month = part.startsWith('Q') ? (Number(part.slice(1)) - 1) * 3 + 1 : Number(part);
  return inWindow(`${year}-${String(month).padStart(2, '0')}-01T00:00:00.000Z`);
};
const sorted = <T>(values: readonly T[]) => values.map((value) => JSON.stringify(value)).sort();
const sfAccount = (canonicalId: string) => org.salesforceIdOf('account', canonicalId);

function source(options: Partial<Parameters<typeof createSalesforceDataSource>[0]> = {}) {
  return createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 't', ...options });
}

describe('readDataset over REST', () => {
  it('reads the window of every fact, as generated, with the structure named by its keys', async () => {
    const { dataset: read, rejected, unavailable } = await source().readDataset(window);
    expect(rejected).toEqual([]);
    expect(unavailable).toEqual([]);
    expect(read.accounts.map((account) => account.name).sort()).toEqual(dataset.accounts.map((account) => account.name).sort());
    expect(read.contacts).toHaveLength(dataset.contacts.length);
    const feedbackKey = (answer: CanonicalDataset['feedback'][number]) => [answer.score, answer.respondedAt, answer.kind];
    expect(sorted(read.feedback.map(feedbackKey))).toEqual(sorted(dataset.feedback.filter((answer) => inWindow(answer.respondedAt)).map(feedbackKey)));
    const caseKey = (supportCase: CanonicalDataset['supportCases'][number]) => [supportCase.openedAt, supportCase.priority, supportCase.status];
    expect(sorted(read.supportCases.map(caseKey))).toEqual(sorted(dataset.supportCases.filter((supportCase) => inWindow(supportCase.openedAt)).map(caseKey)));
    expect(read.opportunities.length).toBe(dataset.opportunities.filter((opportunity) => opportunity.closeDate >= '2025-10-01' && opportunity.closeDate < '2026-10-01').length);
    expect(read.touchpoints.length).toBeGreaterThan(0);
    expect(read.touchpoints.every((touchpoint) => inWindow(touchpoint.occurredAt))).toBe(true);
    expect(read.businessUnits.map((unit) => unit.id)).toEqual([...new Set(dataset.accounts.map((account) => account.businessUnitId))].sort());
    // pulses by the start of their period: the generated ones span more than the window
    const pulsesInWindow = dataset.employeePulses.filter((pulse) => pulseStartsInWindow(pulse.period));
    expect(pulsesInWindow.length).toBeGreaterThan(0);
    expect(pulsesInWindow.length).toBeLessThan(dataset.employeePulses.length);
    expect(sorted(read.employeePulses.map((pulse) => [pulse.teamId, pulse.period]))).toEqual(sorted(pulsesInWindow.map((pulse) => [pulse.teamId, pulse.period])));
    // every fact points at an account of the read
    const accountIds = new Set(read.accounts.map((account) => account.id));
    expect([...read.feedback, ...read.touchpoints, ...read.supportCases].every((fact) => accountIds.has(fact.accountId))).toBe(true);
  });

  it('cuts by business unit through the account, and reads only the entities asked for', async () => {
    const unit = dataset.businessUnits[0]?.id ?? '';
    const { dataset: read } = await source().readDataset({ ...window, businessUnitIds: [unit], entities: ['feedback'] });
    const accounts = dataset.accounts.filter((account) => account.businessUnitId === unit);
    expect(read.accounts.map((account) => account.id).sort()).toEqual(accounts.map((account) => sfAccount(account.id)).sort());
    const ids = new Set(accounts.map((account) => account.id));
    expect(read.feedback).toHaveLength(dataset.feedback.filter((answer) => ids.has(answer.accountId) && inWindow(answer.respondedAt)).length);
    expect([read.touchpoints, read.supportCases, read.opportunities, read.contacts, read.actions]).toEqual([[], [], [], [], []]);
    expect(read.businessUnits.map((businessUnit) => businessUnit.id)).toEqual([unit]);
  });

  it('pages every object to its end (nextRecordsUrl), whatever the page size', async () => {
    const stats: CallStats = { calls: 0, bytesReceived: 0 };
    const transport = withBearerAuth(withCallAccounting(createFetchTransport(), stats), () => 't');
    const context = { transport, connection: parseSalesforceConnection({ instanceUrl }), mapping: salesforceDefaultMapping, feedbackSource: 'kizuna' as const };
    const scope = { ...window, entities: ['feedback' as const] };
    const paged = await readDatasetOverRest({ ...context, batchSize: 200 }, scope);
    const expected = dataset.feedback.filter((answer) => inWindow(answer.respondedAt)).length;
    expect(expected).toBeGreaterThan(200);
    expect(paged.dataset.feedback).toHaveLength(expected);
    // accounts and feedback, each in pages of 200
    expect(stats.calls).toBe(Math.ceil(dataset.accounts.length / 200) + Math.ceil(expected / 200));
  });

  it('reports an object the org does not have as unavailable and still returns the rest', async () => {
    const mapping = { ...salesforceDefaultMapping, supportCase: objectMappingSchema.parse({ ...salesforceDefaultMapping.supportCase, object: 'Ticket__c' }) };
    const { dataset: read, unavailable } = await source({ mapping }).readDataset({ ...window, entities: ['feedback', 'supportCase'] });
    expect(unavailable.map((part) => [part.entity, part.code])).toEqual([['supportCase', 'INVALID_TYPE']]);
    expect(read.supportCases).toEqual([]);
    expect(read.feedback.length).toBeGreaterThan(0);
  });

  it('reports a field the org does not have as unavailable', async () => {
    const fields = { ...salesforceDefaultMapping.opportunity.fields, renewingAmount: 'Renewing_Amount_Missing__c' };
    const mapping = { ...salesforceDefaultMapping, opportunity: objectMappingSchema.parse({ ...salesforceDefaultMapping.opportunity, fields }) };
    const { unavailable } = await source({ mapping }).readDataset({ ...window, entities: ['opportunity'] });
    expect(unavailable.map((part) => [part.entity, part.code])).toEqual([['opportunity', 'INVALID_FIELD']]);
  });

  it('reads the pulses of the periods that start in the window, and none when no period starts in it', async () => {
    const scope = resolveScope({ from: '2026-03-15', to: '2026-07-01', entities: ['employeePulse'] });
    const pulses = datasetParts(salesforceDefaultMapping, scope).find((part) => part.name === 'employeePulses');
    if (pulses === undefined) throw new Error('pulses are read');
    expect(datasetSoql(pulses, scope, salesforceDefaultMapping.account)).toMatch(/ FROM Kizuna_Employee_Pulse__c WHERE Period__c IN \('2026-04', '2026-Q2', '2026-05', '2026-06'\)$/);

    const dataSource = source();
    const { dataset: none } = await dataSource.readDataset({ from: '2026-01-05', to: '2026-01-20', entities: ['employeePulse'] });
    expect(none.employeePulses).toEqual([]);
    // the accounts only: no query for pulses that cannot be in the window
    expect(dataSource.stats.calls).toBe(1);
  });

  it('refuses a window that is not one before sending anything', async () => {
    const dataSource = source();
    await expect(dataSource.readDataset({ from: '2026-10-01', to: '2025-10-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(dataSource.readDataset({ from: "2025-10-01' OR Name != '", to: '2026-10-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(dataSource.stats.calls).toBe(0);
  });

  it('writes business units as escaped literals and windows tasks on completion, else due date', () => {
    const scope = resolveScope({ ...window, businessUnitIds: ["bu-1' OR Name != '"], entities: ['touchpoint'] });
    const tasks = datasetParts(salesforceDefaultMapping, scope).find((part) => part.name === 'tasks');
    if (tasks === undefined) throw new Error('touchpoints are read from tasks');
    expect(datasetSoql(tasks, scope, salesforceDefaultMapping.account)).toBe(
      'SELECT Id, WhatId, WhoId, Subject, Kizuna_Channel__c, Kizuna_Department__c, Kizuna_Journey_Stage__c, Kizuna_Moment_Of_Truth__c, Kizuna_Team__c, CompletedDateTime, ActivityDate FROM Task ' +
        "WHERE WhatId IN (SELECT Id FROM Account WHERE Kizuna_Business_Unit__c IN ('bu-1\\' OR Name != \\'')) AND Kizuna_Action_Key__c = null AND " +
        '((CompletedDateTime >= 2025-10-01T00:00:00Z AND CompletedDateTime < 2026-10-01T00:00:00Z) OR (CompletedDateTime = null AND ActivityDate >= 2025-10-01 AND ActivityDate < 2026-10-01))',
    );
  });
});
