import { parseQuery, type ConditionWithValueQuery, type WhereClause } from '@jetstreamapp/soql-parser-js';
import { CrmError } from '@kizuna/crm-core';
import {
  compileAggregateSoql,
  createSalesforceDataSource,
  parseSalesforceMappingFile,
  salesforceDefaultMapping,
  selectQuery,
  sourceLayouts,
} from '@kizuna/crm-salesforce';
import { createSalesforceOrg } from '@kizuna/crm-sim';
import type { AggregateQuery } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { identifierInjectionCorpus, soqlInjectionCorpus } from './injectionCorpus';

/**
 * Every SOQL injection attempt, in every user-controlled value that reaches a query, leaves the
 * query meaning exactly what it meant: the simulator (which parses and executes SOQL as Salesforce
 * does) returns exactly the records whose field equals the attempt, character for character.
 */
const dataset = generateOrganisation({ seed: 7, accounts: 30, asOf: '2026-10-01T00:00:00.000Z' });
const accountMapping = salesforceDefaultMapping.account;
const feedbackLayout = sourceLayouts(salesforceDefaultMapping).feedback;

/** SOQL's string escapes, undone: what the server compares against. */
function unescapeSoql(literal: string): string {
  const body = literal.slice(1, -1);
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/gs, (_, char: string) =>
    char.length === 5 ? String.fromCharCode(Number.parseInt(char.slice(1), 16)) : (escapes[char] ?? char),
  );
}

/** The flat list of conditions of a WHERE made only of ANDs, without parentheses; throws on anything else. */
function conjunctionOf(where: WhereClause | undefined): ConditionWithValueQuery[] {
  if (where === undefined) return [];
  if ('operator' in where && where.operator !== 'AND') throw new Error(`the WHERE has ${where.operator}`);
  const left = where.left;
  if (left === null) throw new Error('the WHERE has a negation');
  if ((left.openParen ?? 0) > 0 || ('closeParen' in left && (left.closeParen ?? 0) > 0)) throw new Error('the WHERE has parentheses');
  return [left, ...('right' in where ? conjunctionOf(where.right) : [])];
}

describe('SOQL injection corpus', () => {
  it('has at least 50 attempts', () => {
    expect(soqlInjectionCorpus.length).toBeGreaterThanOrEqual(50);
  });

  it.each(soqlInjectionCorpus.map((attempt, index) => [index, attempt] as const))(
    'filter value #%i is one escaped literal and matches only itself',
    (_, attempt) => {
      const org = createSalesforceOrg(dataset);
      const victim = org.records('Account')[3];
      expect(victim).toBeDefined();
      if (victim === undefined) return;
      org.store.update(String(victim.Id), { Name: attempt });

      const soql = selectQuery({ mapping: accountMapping, where: [{ field: 'Name', equals: attempt }] });
      const conditions = conjunctionOf(parseQuery(soql).where);
      expect(conditions).toHaveLength(1);
      const [only] = conditions;
      expect(only).toMatchObject({ field: 'Name', operator: '=' });
      expect(unescapeSoql(String(only !== undefined && 'value' in only ? only.value : ''))).toBe(attempt);

      const result = org.query(soql);
      expect(result.records.map((record) => record.Id)).toEqual([victim.Id]);
    },
  );

  it.each(soqlInjectionCorpus.map((attempt, index) => [index, attempt] as const))(
    'aggregate filter value #%i (eq and in) narrows to exactly its own group',
    (_, attempt) => {
      expect(feedbackLayout).toBeDefined();
      if (feedbackLayout === undefined) return;
      const org = createSalesforceOrg(dataset);
      const victim = org.records('Account')[5];
      if (victim === undefined) throw new Error('no account to relabel');
      org.store.update(String(victim.Id), { Kizuna_Business_Unit__c: attempt });
      const canonical = dataset.accounts.find((account) => org.salesforceIdOf('account', account.id) === victim.Id);
      const expected = dataset.feedback.filter((answer) => answer.accountId === canonical?.id).length;

      for (const where of [
        [{ field: 'businessUnitId', op: 'eq', value: attempt }],
        [{ field: 'businessUnitId', op: 'in', values: [attempt, `${attempt}'`] }],
      ] as const) {
        const query: AggregateQuery = { source: 'feedback', where, groupBy: ['businessUnitId'], measures: [{ id: 'n', op: 'count' }] };
        const compiled = compileAggregateSoql(query, feedbackLayout, accountMapping);
        const rows = org.query(compiled.soql).records;
        const total = rows.reduce((sum, row) => sum + Number(row.m0 ?? 0), 0);
        expect(total).toBe(expected);
        for (const row of rows) expect(Object.values(row)).toContain(attempt);
      }
    },
  );

  it.each(soqlInjectionCorpus.map((attempt, index) => [index, attempt] as const))(
    'account id #%i is refused before any request is made',
    async (_, attempt) => {
      let requests = 0;
      const source = createSalesforceDataSource({
        connection: { instanceUrl: 'https://acme.my.salesforce.com' },
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

describe('identifier injection (mapping files and plan fields)', () => {
  it.each(identifierInjectionCorpus.map((attempt, index) => [index, attempt] as const))(
    'mapping name #%i is refused with a named problem',
    (_, attempt) => {
      const files = [
        { version: 1, objects: { account: { object: attempt } } },
        { version: 1, objects: { account: { fields: { name: attempt } } } },
        { version: 1, objects: { account: { fields: { name: ['Name', attempt] } } } },
      ];
      for (const file of files) {
        expect(() => parseSalesforceMappingFile(file)).toThrow(CrmError);
        expect(() => parseSalesforceMappingFile(file)).toThrow(/mapping file is not valid/);
      }
    },
  );

  it.each(identifierInjectionCorpus.map((attempt, index) => [index, attempt] as const))(
    'plan field #%i never reaches SOQL',
    (_, attempt) => {
      if (feedbackLayout === undefined) throw new Error('no feedback layout');
      const query: AggregateQuery = {
        source: 'feedback',
        where: [{ field: attempt, op: 'eq', value: 'x' }],
        groupBy: [],
        measures: [{ id: 'n', op: 'sum', field: attempt }],
      };
      expect(() => compileAggregateSoql(query, feedbackLayout, accountMapping)).toThrow();
    },
  );
});
