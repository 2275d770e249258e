import { describe, expect, it } from 'vitest';
import { canonicalFixture } from '../../testing/canonicalFixture';
import { SalesforceApiError } from '../salesforceApiError';
import { createSalesforceOrg } from '../salesforceOrg';

const org = createSalesforceOrg(canonicalFixture(), { now: () => Date.parse('2026-05-22T12:00:00Z') });
const acme = org.salesforceIdOf('account', 'acc-1');
const hanako = org.salesforceIdOf('contact', 'con-1');
const loginCase = org.salesforceIdOf('supportCase', 'case-1');
// A task related to a case (not an account), so TYPEOF has a second type to tell apart.
const caseTask = org.sobjects.create('Task', { Subject: 'Follow up on the case', WhatId: loginCase });
const url = (type: string, id: string) => `/services/data/v66.0/sobjects/${type}/${id}`;

function errorOf(soql: string): { status: number; errorCode: string } {
  try {
    org.query(soql);
  } catch (error) {
    if (error instanceof SalesforceApiError) return { status: error.status, errorCode: error.errorCode };
    throw error;
  }
  throw new Error(`expected ${soql} to fail`);
}

describe('polymorphic What / Who through the Name object', () => {
  it("answers What.Name, What.Type and Who.Name as Name records whose url points at the real record", () => {
    const [task] = org.query("SELECT What.Name, What.Type, Who.Name, Who.Type FROM Task WHERE TaskSubtype = 'Email'").records;
    expect(task).toEqual({
      attributes: { type: 'Task', url: expect.stringMatching(/^\/services\/data\/v66\.0\/sobjects\/Task\/00T/) },
      What: { attributes: { type: 'Name', url: url('Account', acme) }, Name: 'Acme Corp', Type: 'Account' },
      Who: { attributes: { type: 'Name', url: url('Contact', hanako) }, Name: 'Hanako Yamada', Type: 'Contact' },
    });
  });

  it('shows a case by its number, and an empty lookup as null', () => {
    const [task] = org.query(`SELECT What.Name, What.Type, Who.Name FROM Task WHERE Id = '${caseTask}'`).records;
    expect(task?.['What']).toEqual({ attributes: { type: 'Name', url: url('Case', loginCase) }, Name: expect.stringMatching(/^\d{8}$/), Type: 'Case' });
    expect(task?.['Who']).toBeNull();
  });

  it('filters on What.Type', () => {
    expect(org.query("SELECT Id FROM Task WHERE What.Type = 'Case'").records.map((r) => r['Id'])).toEqual([caseTask]);
  });
});

describe('TYPEOF', () => {
  const soql = (where: string) =>
    `SELECT Subject, TYPEOF What WHEN Account THEN Name, Industry WHEN Opportunity THEN Amount ELSE Name, Type END FROM Task WHERE ${where}`;

  it('shapes a WHEN match as a record of the real type, with that type\'s fields', () => {
    const [task] = org.query(soql("TaskSubtype = 'Email'")).records;
    expect(task?.['What']).toEqual({ attributes: { type: 'Account', url: url('Account', acme) }, Name: 'Acme Corp', Industry: 'Manufacturing' });
  });

  it('follows relationship paths inside a WHEN branch', () => {
    const [task] = org.query(`SELECT TYPEOF What WHEN Case THEN Subject, Account.Name END FROM Task WHERE Id = '${caseTask}'`).records;
    expect(task?.['What']).toEqual({
      attributes: { type: 'Case', url: url('Case', loginCase) },
      Subject: 'Login fails',
      Account: { attributes: { type: 'Account', url: url('Account', acme) }, Name: 'Acme Corp' },
    });
  });

  it('shapes the ELSE branch from the Name object', () => {
    const [task] = org.query(soql(`Id = '${caseTask}'`)).records;
    expect(task?.['What']).toEqual({ attributes: { type: 'Name', url: url('Case', loginCase) }, Name: expect.any(String), Type: 'Case' });
  });

  it('without ELSE, answers an unmatched type with attributes only, and an empty lookup with null', () => {
    const records = org.query(`SELECT TYPEOF What WHEN Account THEN Name END, TYPEOF Who WHEN Contact THEN Email WHEN Lead THEN Company END FROM Task WHERE Id = '${caseTask}'`).records;
    expect(records[0]).toMatchObject({ What: { attributes: { type: 'Case', url: url('Case', loginCase) } }, Who: null });
    expect(Object.keys(records[0]?.['What'] ?? {})).toEqual(['attributes']);
  });

  it('works in a child subquery', () => {
    const [account] = org.query(`SELECT Name, (SELECT TYPEOF Who WHEN Contact THEN Name, Title END FROM Tasks WHERE TaskSubtype = 'Email') FROM Account WHERE Id = '${acme}'`).records;
    expect(account?.['Tasks']).toMatchObject({ records: [{ Who: { attributes: { type: 'Contact' }, Name: 'Hanako Yamada', Title: 'CIO' } }] });
  });

  it('refuses a non-polymorphic field, a type the lookup cannot reference, unknown fields, and What selected twice', () => {
    expect(errorOf('SELECT TYPEOF Account WHEN Account THEN Name END FROM Task').errorCode).toBe('MALFORMED_QUERY');
    expect(errorOf('SELECT TYPEOF What WHEN Contact THEN Name END FROM Task').errorCode).toBe('MALFORMED_QUERY');
    expect(errorOf('SELECT TYPEOF What WHEN Account THEN Nope__c END FROM Task').errorCode).toBe('INVALID_FIELD');
    expect(errorOf('SELECT TYPEOF What WHEN Account THEN Name ELSE Industry END FROM Task').errorCode).toBe('INVALID_FIELD');
    expect(errorOf('SELECT What.Name, TYPEOF What WHEN Account THEN Name END FROM Task').errorCode).toBe('MALFORMED_QUERY');
    expect(errorOf('SELECT TYPEOF What WHEN Account THEN Name END, What.Name FROM Task').errorCode).toBe('MALFORMED_QUERY');
    expect(errorOf('SELECT TYPEOF What WHEN Account THEN Name END, COUNT(Id) FROM Task GROUP BY WhatId').errorCode).toBe('MALFORMED_QUERY');
  });
});
