import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import type { Action } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceDataSource } from '../salesforceDataSource';

/** Accepting an action writes one Task keyed by the action's idempotency key — never two. */
const instanceUrl = 'https://writes.my.salesforce.com';
const dataset = generateOrganisation({ seed: 21, accounts: 4 });
const org = createSalesforceOrg(dataset);
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['t'] }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const source = () => createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 't' });
const firstAccount = dataset.accounts[0];
if (firstAccount === undefined) throw new Error('no account generated');
const accountId = org.salesforceIdOf('account', firstAccount.id);

function action(key: string, title = 'Call the decision maker about their score'): Action {
  return {
    id: `nba-${key}`,
    accountId,
    playbookId: 'dm_detractor_no_follow_up',
    title,
    reasons: ['Aiko Sato (decision maker) answered 3 on 2026-09-28', 'No follow-up for 72 hours'],
    valueAtStake: 12_000_000,
    expectedEffect: 0.35,
    urgency: 0.8,
    status: 'accepted',
    idempotencyKey: key,
    createdAt: '2026-09-30T09:00:00.000Z',
    dueAt: '2026-10-02T00:00:00.000Z',
  };
}

function tasksWithKey(key: string) {
  return org.query(`SELECT Id, Subject FROM Task WHERE Kizuna_Action_Key__c = '${key}'`).records;
}

describe('writeActions', () => {
  it('creates the task once and updates it when the same action is written again', async () => {
    const dataSource = source();
    const [first] = await dataSource.writeActions([action('dm_detractor-0001aaaa')]);
    expect(first).toMatchObject({ ok: true, created: true });
    const [second] = await dataSource.writeActions([action('dm_detractor-0001aaaa', 'Call the decision maker today')]);
    expect(second).toMatchObject({ ok: true, created: false });
    expect(first?.ok && second?.ok && first.crmTaskId === second.crmTaskId).toBe(true);
    expect(tasksWithKey('dm_detractor-0001aaaa').map((task) => task['Subject'])).toEqual(['Call the decision maker today']);
  });

  it('writes several actions through collections, one result each, in order, idempotently', async () => {
    const actions = ['batch-0001aaaa', 'batch-0002aaaa', 'batch-0003aaaa'].map((key) => action(key));
    const dataSource = source();
    const results = await dataSource.writeActions(actions);
    expect(results.map((result) => [result.idempotencyKey, result.ok])).toEqual(actions.map((a) => [a.idempotencyKey, true]));
    await dataSource.writeActions(actions);
    for (const a of actions) expect(tasksWithKey(a.idempotencyKey)).toHaveLength(1);
  });

  it('reports a record Salesforce refuses without failing the others', async () => {
    const bad = { ...action('batch-bad0aaaa'), accountId: '001000000000000AAA' };
    const results = await source().writeActions([action('batch-good-aaaa'), bad]);
    expect(results[0]).toMatchObject({ ok: true });
    expect(results[1]).toMatchObject({ ok: false, idempotencyKey: 'batch-bad0aaaa' });
  });

  it('reads written actions back as the account’s actions, not as touchpoints', async () => {
    const dataSource = source();
    await dataSource.writeActions([action('readback-0001aaa')]);
    const context = await dataSource.getAccountContext(accountId);
    const written = context.actions.find((a) => a.idempotencyKey === 'readback-0001aaa');
    expect(written).toMatchObject({ status: 'accepted', playbookId: 'dm_detractor_no_follow_up', expectedEffect: 0.35, urgency: 0.8 });
    expect(written?.reasons).toEqual(action('x').reasons);
    expect(context.touchpoints.some((t) => t.subject === written?.title)).toBe(false);
    expect(context.rejected).toEqual([]);
  });
});
