import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { buildFactTables, compileKpi, evaluateKpi, finishKpi, kpiCatalogue, type KpiRequest } from '@kizuna/metrics';
import type { CanonicalDataset } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceDataSource } from './salesforceDataSource';

/**
 * The adapter against the simulator over (intercepted) HTTP: canonical data seeded into an org,
 * read back through REST query and the default mapping, must come back as it went in.
 */
const instanceUrl = 'https://acme.my.salesforce.com';
const dataset: CanonicalDataset = generateOrganisation({ seed: 7, accounts: 12 });
const org = createSalesforceOrg(dataset);
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['token-1'] }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function source() {
  return createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 'token-1' });
}

const sorted = <T>(values: T[]) => values.map((value) => JSON.stringify(value)).sort();

describe('createSalesforceDataSource against the simulated org', () => {
  it.each(dataset.accounts.slice(0, 6).map((account) => [account.name, account] as const))(
    'reads the whole context of %s back as it was generated',
    async (_name, account) => {
      const context = await source().getAccountContext(org.salesforceIdOf('account', account.id));
      expect(context.rejected).toEqual([]);
      const { id: _id, ...fields } = account;
      expect(context.account).toMatchObject(fields);

      const contacts = dataset.contacts.filter((contact) => contact.accountId === account.id);
      expect(sorted(context.contacts.map(({ name, role, email }) => ({ name, role, email })))).toEqual(
        sorted(contacts.map(({ name, role, email }) => ({ name, role, email }))),
      );

      const feedback = dataset.feedback.filter((answer) => answer.accountId === account.id);
      const answerKey = (answer: (typeof feedback)[number]) => ({
        kind: answer.kind,
        scale: answer.scale,
        score: answer.score,
        respondedAt: answer.respondedAt,
        driverScores: answer.driverScores,
        followUp: answer.followUp.state,
      });
      expect(sorted(context.feedback.map(answerKey))).toEqual(sorted(feedback.map(answerKey)));

      const touchpoints = dataset.touchpoints.filter((touchpoint) => touchpoint.accountId === account.id);
      const touchpointKey = ({ occurredAt, channel, department, journeyStage }: (typeof touchpoints)[number]) => ({
        occurredAt,
        channel,
        department,
        journeyStage,
      });
      expect(sorted(context.touchpoints.map(touchpointKey))).toEqual(sorted(touchpoints.map(touchpointKey)));

      const cases = dataset.supportCases.filter((supportCase) => supportCase.accountId === account.id);
      const caseKey = ({ openedAt, closedAt, priority, status, escalated }: (typeof cases)[number]) => ({
        openedAt,
        closedAt,
        priority,
        status,
        escalated,
      });
      expect(sorted(context.supportCases.map(caseKey))).toEqual(sorted(cases.map(caseKey)));

      const opportunities = dataset.opportunities.filter((opportunity) => opportunity.accountId === account.id);
      const opportunityKey = ({ type, status, amount, closeDate }: (typeof opportunities)[number]) => ({
        type,
        status,
        amount,
        closeDate,
      });
      expect(sorted(context.opportunities.map(opportunityKey))).toEqual(sorted(opportunities.map(opportunityKey)));
    },
  );

  it('reads the whole account context in one round trip (a composite request)', async () => {
    const dataSource = source();
    const account = dataset.accounts[0];
    if (account === undefined) throw new Error('no accounts generated');
    await dataSource.getAccountContext(org.salesforceIdOf('account', account.id));
    expect(dataSource.stats.calls).toBe(1);
    expect(dataSource.stats.bytesReceived).toBeGreaterThan(0);
  });

  it('lists every account', async () => {
    const accounts = await source().listAccounts();
    expect(accounts.map((account) => account.name).sort()).toEqual(dataset.accounts.map((account) => account.name).sort());
  });

  it('pushes a metrics plan down as SOQL aggregates, the three NPS counts in one composite', async () => {
    const dataSource = source();
    const request: KpiRequest = { groupBy: ['segmentId'] };
    const plan = compileKpi(kpiCatalogue.nps, request);
    if ('unsupported' in plan) throw new Error('nps is pushable');
    const result = await dataSource.runAggregatePlan(plan);
    if (!result.pushed) throw new Error(result.unsupported);
    const valueBySegment = (groups: ReturnType<typeof evaluateKpi>['groups']) => new Map(groups.map((group) => [group.keys.segmentId ?? '', group.result.value] as const));
    const pushed = valueBySegment(finishKpi(kpiCatalogue.nps, request, plan, result.totals).groups);
    const direct = valueBySegment(evaluateKpi(kpiCatalogue.nps, buildFactTables(dataset), request).groups);
    expect(pushed).toEqual(direct);
    expect(dataSource.stats.calls).toBe(1);
  });

  it('refuses an id that is not a Salesforce id before sending anything', async () => {
    const dataSource = source();
    await expect(dataSource.getAccountContext("001' OR Name != '")).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(dataSource.stats.calls).toBe(0);
  });

  it('says NOT_FOUND for an account the user cannot see', async () => {
    await expect(source().getAccountContext('001000000000000AAA')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports an unaccepted token as an authentication error, not as data', async () => {
    const dataSource = createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 'stolen' });
    const account = dataset.accounts[0];
    if (account === undefined) throw new Error('no accounts generated');
    await expect(dataSource.getAccountContext(org.salesforceIdOf('account', account.id))).rejects.toMatchObject({
      code: 'AUTH_EXPIRED',
      crmCode: 'INVALID_SESSION_ID',
      status: 401,
    });
  });
});
