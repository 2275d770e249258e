import { createFetchTransport, withBearerAuth } from '@kizuna/crm-core';
import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSalesforceConnection } from '../connection';
import { aggregateQuery, countQuery } from './index';

const instanceUrl = 'https://acme.my.salesforce.com';
const dataset = generateOrganisation({ seed: 7, accounts: 10 });
const org = createSalesforceOrg(dataset);
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['t'] }));
const transport = withBearerAuth(createFetchTransport(), () => 't');
const connection = parseSalesforceConnection({ instanceUrl });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** How many canonical accounts have each value of a key (the expected group counts). */
function tally(key: (account: (typeof dataset.accounts)[number]) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const account of dataset.accounts) counts.set(key(account), (counts.get(key(account)) ?? 0) + 1);
  return counts;
}

describe('COUNT() and COUNT(Id)', () => {
  const filter = "FROM Kizuna_Feedback__c WHERE Scale__c = 'nps_0_10' AND Score__c >= 9";
  const promoters = dataset.feedback.filter((row) => row.scale === 'nps_0_10' && row.score >= 9).length;

  it('give the same number by different shapes: totalSize vs an AggregateResult row', async () => {
    expect(await countQuery(transport, connection, `SELECT COUNT() ${filter}`)).toBe(promoters);
    const [row, ...others] = await aggregateQuery(transport, connection, `SELECT COUNT(Id) ${filter}`);
    expect(others).toEqual([]);
    expect(row).toEqual({ values: { expr0: promoters } }); // no `grouping`: not a ROLLUP query
  });

  it('keep aliases, and number unaliased aggregates expr0, expr1 … over aggregates only', async () => {
    const rows = await aggregateQuery(transport, connection, `SELECT Scale__c, COUNT(Id), MAX(Score__c) top, MIN(Score__c) ${filter} GROUP BY Scale__c`);
    expect(rows).toEqual([{ values: { Scale__c: 'nps_0_10', expr0: promoters, top: 10, expr1: 9 } }]);
  });

  it('countQuery refuses anything but COUNT(), and aggregateQuery refuses COUNT() and record queries, before any request', async () => {
    await expect(countQuery(transport, connection, `SELECT COUNT(Id) ${filter}`)).rejects.toMatchObject({ code: 'INVALID_QUERY' });
    await expect(countQuery(transport, connection, `SELECT Id ${filter}`)).rejects.toMatchObject({ code: 'INVALID_QUERY' });
    await expect(aggregateQuery(transport, connection, `SELECT COUNT() ${filter}`)).rejects.toMatchObject({ code: 'INVALID_QUERY' });
    await expect(aggregateQuery(transport, connection, `SELECT Id ${filter}`)).rejects.toMatchObject({ code: 'INVALID_QUERY' });
  });

  it("surfaces Salesforce's own refusal as a CrmError", async () => {
    await expect(countQuery(transport, connection, 'SELECT COUNT() FROM Account ORDER BY Name')).rejects.toMatchObject({ code: 'INVALID_QUERY', crmCode: 'MALFORMED_QUERY' });
  });
});

describe('GROUP BY ROLLUP with GROUPING()', () => {
  const soql =
    'SELECT Kizuna_Business_Unit__c unit, Kizuna_Segment__c segment, COUNT(Id) accounts, ' +
    'GROUPING(Kizuna_Business_Unit__c) gUnit, GROUPING(Kizuna_Segment__c) gSegment ' +
    'FROM Account GROUP BY ROLLUP(Kizuna_Business_Unit__c, Kizuna_Segment__c)';

  it('marks detail, per-unit subtotal and grand-total rows, and the counts add up', async () => {
    const rows = await aggregateQuery(transport, connection, soql);
    const at = (level: string) => rows.filter((row) => row.grouping?.level === level);

    const subtotals = at('subtotal');
    expect(new Map(subtotals.map((row) => [row.values['unit'], row.values['accounts']]))).toEqual(tally((a) => a.businessUnitId));
    expect(subtotals.every((row) => row.values['segment'] === null && row.grouping?.rolledUp.join() === 'Kizuna_Segment__c')).toBe(true);

    const [total, ...moreTotals] = at('total');
    expect(moreTotals).toEqual([]);
    expect(total).toEqual({
      values: { unit: null, segment: null, accounts: dataset.accounts.length, gUnit: 1, gSegment: 1 },
      grouping: { level: 'total', rolledUp: ['Kizuna_Business_Unit__c', 'Kizuna_Segment__c'] },
    });
    expect(rows[rows.length - 1]).toBe(total);

    const detail = at('detail');
    expect(new Map(detail.map((row) => [`${String(row.values['unit'])}/${String(row.values['segment'])}`, row.values['accounts']]))).toEqual(
      tally((a) => `${a.businessUnitId}/${a.segmentId}`),
    );
    const sum = (list: typeof rows) => list.reduce((n, row) => n + Number(row.values['accounts']), 0);
    expect(sum(detail)).toBe(sum(subtotals));
    expect(sum(subtotals)).toBe(total?.values['accounts']);
  });

  it('reads unaliased GROUPING() columns by their implied exprN keys', async () => {
    const rows = await aggregateQuery(transport, connection, 'SELECT Kizuna_Segment__c, COUNT(Id), GROUPING(Kizuna_Segment__c) FROM Account GROUP BY ROLLUP(Kizuna_Segment__c)');
    expect(rows.map((row) => row.grouping?.level)).toEqual([...tally((a) => a.segmentId).keys()].map(() => 'detail').concat('total'));
    expect(rows[rows.length - 1]?.values).toEqual({ Kizuna_Segment__c: null, expr0: dataset.accounts.length, expr1: 1 });
  });

  it('refuses a ROLLUP query without GROUPING() for each field: a subtotal could not be told from a null group', async () => {
    const missing = 'SELECT Kizuna_Business_Unit__c, Kizuna_Segment__c, GROUPING(Kizuna_Segment__c) g, COUNT(Id) FROM Account GROUP BY ROLLUP(Kizuna_Business_Unit__c, Kizuna_Segment__c)';
    await expect(aggregateQuery(transport, connection, missing)).rejects.toMatchObject({ code: 'INVALID_QUERY', message: expect.stringContaining('GROUPING(Kizuna_Business_Unit__c)') });
  });
});
