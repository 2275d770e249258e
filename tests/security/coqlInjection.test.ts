import { CrmError } from '@kizuna/crm-core';
import { compileAggregateCoql, coqlSelect, createZohoDataSource, parseZohoMappingFile, sourceLayouts, zohoDefaultMapping } from '@kizuna/crm-zoho';
import { createZohoOrg, type ZohoOrg } from '@kizuna/crm-sim';
import type { AggregateQuery } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { coqlInjectionCorpus, identifierInjectionCorpus } from './injectionCorpus';

/**
 * Every COQL injection attempt, in every user-controlled value that reaches a query, leaves the
 * query meaning what it meant: the simulator (which parses and executes COQL as documented)
 * returns exactly the records whose field equals the attempt, character for character.
 */
const dataset = generateOrganisation({ seed: 7, accounts: 30, asOf: '2026-10-01T00:00:00.000Z' });
const accountMapping = zohoDefaultMapping.account;
const feedbackLayout = sourceLayouts(zohoDefaultMapping).feedback;

/**
 * A fresh org in which one account's field holds the attempt. An attempt longer than the field
 * allows is refused by the CRM (INVALID_DATA); then no account may match it.
 */
function orgWith(field: string, attempt: string): { org: ZohoOrg; victimId: string | undefined } {
  const org = createZohoOrg(dataset);
  const module = org.store.module('Accounts');
  const victim = org.records('Accounts')[4];
  if (module === undefined || victim === undefined) throw new Error('the simulated org has no accounts');
  const victimId = String(victim.id);
  const answer = JSON.stringify(org.writes.write(module, 'update', { data: [{ id: victimId, [field]: attempt }] }, org.admin.id, victimId));
  if (answer.includes('SUCCESS')) return { org, victimId };
  expect(answer).toContain('INVALID_DATA');
  expect(attempt.length).toBeGreaterThan(255);
  return { org, victimId: undefined };
}

describe('COQL injection corpus', () => {
  it('has at least 50 attempts', () => {
    expect(coqlInjectionCorpus.length).toBeGreaterThanOrEqual(50);
  });

  it.each(coqlInjectionCorpus.map((attempt, index) => [index, attempt] as const))(
    'filter value #%i matches only itself',
    (_, attempt) => {
      const { org, victimId } = orgWith('Account_Name', attempt);
      const text = coqlSelect({ module: 'Accounts', fields: ['id', 'Account_Name'], where: [{ field: 'Account_Name', op: '=', value: attempt }] });
      const rows = org.coql(text).data;
      expect(rows.map((row) => row.id)).toEqual(victimId === undefined ? [] : [victimId]);
      if (victimId !== undefined) expect(rows[0]?.Account_Name).toBe(attempt);
      const negated = org.coql(coqlSelect({ module: 'Accounts', fields: ['id'], where: [{ field: 'Account_Name', op: '!=', value: attempt }] })).data;
      if (victimId !== undefined) expect(negated.map((row) => row.id)).not.toContain(victimId);
      expect(negated.length + rows.length).toBe(org.records('Accounts').length);
    },
  );

  it.each(coqlInjectionCorpus.map((attempt, index) => [index, attempt] as const))(
    'aggregate filter value #%i (eq and in) narrows to exactly its own group',
    (_, attempt) => {
      if (feedbackLayout === undefined) throw new Error('no feedback layout');
      const { org, victimId } = orgWith('Kizuna_Business_Unit', attempt);
      const canonical = dataset.accounts.find((account) => org.zohoIdOf('account', account.id) === victimId);
      const expected = victimId === undefined ? 0 : dataset.feedback.filter((answer) => answer.accountId === canonical?.id).length;
      for (const where of [
        [{ field: 'businessUnitId', op: 'eq', value: attempt }],
        [{ field: 'businessUnitId', op: 'in', values: [attempt, `${attempt}'`] }],
      ] as const) {
        const query: AggregateQuery = { source: 'feedback', where, groupBy: [], measures: [{ id: 'n', op: 'count' }] };
        const compiled = compileAggregateCoql(query, feedbackLayout, accountMapping);
        const measure = compiled.measures[0];
        if (measure === undefined) throw new Error('no measure compiled');
        const text = coqlSelect({
          module: compiled.module,
          fields: [],
          aggregates: compiled.measures.map(({ fn, field }) => ({ fn, field })),
          where: compiled.where,
        });
        const rows = org.coql(text).data;
        const total = rows.reduce((sum, row) => sum + Number(row[measure.key] ?? 0), 0);
        expect(total).toBe(expected);
      }
    },
  );

  it.each(coqlInjectionCorpus.map((attempt, index) => [index, attempt] as const))(
    'account id #%i is refused before any request is made',
    async (_, attempt) => {
      let requests = 0;
      const source = createZohoDataSource({
        connection: { apiDomain: 'https://www.zohoapis.jp' },
        tokens: () => 'token',
        transport: () => {
          requests += 1;
          return Promise.reject(new Error('no request may be made'));
        },
      });
      const error: unknown = await source.getAccountContext(attempt).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(CrmError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT' });
      expect(requests).toBe(0);
    },
  );
});

describe('identifier injection into Zoho mapping files and plan fields', () => {
  it.each(identifierInjectionCorpus.map((attempt, index) => [index, attempt] as const))(
    'mapping name #%i is refused with a named problem',
    (_, attempt) => {
      const files = [
        { version: 1, objects: { account: { object: attempt } } },
        { version: 1, objects: { account: { fields: { name: attempt } } } },
      ];
      for (const file of files) expect(() => parseZohoMappingFile(file)).toThrow(CrmError);
    },
  );

  it.each(identifierInjectionCorpus.map((attempt, index) => [index, attempt] as const))(
    'plan field #%i never reaches COQL',
    (_, attempt) => {
      if (feedbackLayout === undefined) throw new Error('no feedback layout');
      const query: AggregateQuery = {
        source: 'feedback',
        where: [{ field: attempt, op: 'eq', value: 'x' }],
        groupBy: [],
        measures: [{ id: 'n', op: 'sum', field: attempt }],
      };
      expect(() => compileAggregateCoql(query, feedbackLayout, accountMapping)).toThrow();
    },
  );
});
