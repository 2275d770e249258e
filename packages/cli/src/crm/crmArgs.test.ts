import { crmErrorCodes } from '@kizuna/crm-core';
import { salesforceDefaultMapping } from '@kizuna/crm-salesforce';
import { describe, expect, it } from 'vitest';
import { parsePullArgs } from '../pull/pullArgs';
import { runCli } from '../testing/runCli';
import { exitCodeOf } from './crmFailure';
import { keysetQuery, pullPartsOf } from './pullParts';

const instance = ['--crm', 'salesforce', '--instance-url', 'https://acme.my.salesforce.com'];
const parse = (argv: readonly string[], env: Record<string, string> = {}) => parsePullArgs(argv, { cwd: '/work', env });

function usageError(argv: readonly string[], env: Record<string, string> = {}): string {
  const args = parse(argv, env);
  if (args.kind !== 'usageError') throw new Error(`expected a usage error, got ${args.kind}`);
  return args.message;
}

describe('pull and doctor arguments', () => {
  it('take flags first, then KIZUNA_SF_* variables, and resolve --out and --mapping against the working directory', () => {
    const args = parse(['--crm', 'salesforce', '--access-token', 'flag-token', '--out', 'export', '--mapping', 'org.json'], {
      KIZUNA_SF_INSTANCE_URL: 'https://acme.my.salesforce.com/',
      KIZUNA_SF_ACCESS_TOKEN: 'env-token',
    });
    if (args.kind !== 'options') throw new Error('did not parse');
    expect(args.options).toMatchObject({ outDir: '/work/export', batchSize: undefined, restart: false, json: false });
    expect(args.options.connection).toMatchObject({
      instanceUrl: 'https://acme.my.salesforce.com',
      apiVersion: 'v66.0',
      auth: { kind: 'accessToken', accessToken: 'flag-token', refresh: undefined },
      mapping: { arg: 'org.json', path: '/work/org.json' },
      secrets: ['flag-token'],
    });
  });

  it('sign in with a refresh token at the default login URL when there is no access token', () => {
    const args = parse(['--crm', 'salesforce', '--client-id', 'app', '--refresh-token', 'r1', '--client-secret', 's1', '--out', 'x']);
    if (args.kind !== 'options') throw new Error('did not parse');
    expect(args.options.connection.auth).toEqual({
      kind: 'refreshToken',
      refresh: { loginUrl: 'https://login.salesforce.com', clientId: 'app', clientSecret: 's1', refreshToken: 'r1' },
    });
    expect(args.options.connection.instanceUrl).toBeUndefined();
    expect(args.options.connection.secrets).toEqual(['r1', 's1']);
  });

  it('say what is missing or wrong', () => {
    expect(usageError(['--out', 'x'])).toBe('--crm is required (salesforce or zoho)');
    expect(usageError(['--crm', 'hubspot', '--out', 'x'])).toBe('--crm hubspot is not supported: salesforce or zoho');
    expect(usageError([...instance, '--out', 'x'])).toContain('sign in with --access-token (or KIZUNA_SF_ACCESS_TOKEN), or with --client-id and --refresh-token');
    expect(usageError([...instance, '--refresh-token', 'r', '--out', 'x'])).toContain('--refresh-token needs --client-id');
    expect(usageError(['--crm', 'salesforce', '--access-token', 't', '--out', 'x'])).toContain('--instance-url (or KIZUNA_SF_INSTANCE_URL) is required');
    expect(usageError(['--crm', 'salesforce', '--instance-url', 'http://acme.example.com', '--access-token', 't', '--out', 'x'])).toContain('must be an https URL');
    expect(usageError([...instance, '--access-token', 't'])).toBe('--out DIR is required');
    expect(usageError([...instance, '--access-token', 't', '--out', 'x', '--batch-size', '100'])).toContain('--batch-size must be a whole number from 200 to 2000');
    expect(usageError([...instance, '--client-id', 'a', '--refresh-token', 'r', '--login-url', 'https://login.salesforce.com/path', '--out', 'x'])).toContain('--login-url');
    expect(usageError([...instance, '--api-version', '66', '--access-token', 't', '--out', 'x'])).toContain('--api-version must look like v66.0');
  });

  it('print the usage on errors (exit 2) and on --help (exit 0), from the command or from kizuna help', async () => {
    const bad = await runCli(['pull', '--crm', 'salesforce']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: kizuna pull');
    for (const argv of [['pull', '--help'], ['help', 'pull'], ['doctor', '-h'], ['help', 'doctor']]) {
      const run = await runCli(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: kizuna ${argv.includes('pull') ? 'pull' : 'doctor'}`);
    }
    expect((await runCli(['toString'])).code).toBe(2);
    expect((await runCli(['help'])).stdout).toContain('pull      export the canonical data from a CRM');
  });
});

describe('exit codes from CrmError codes', () => {
  it('follow one table for pull and doctor', () => {
    const table = Object.fromEntries(crmErrorCodes.map((code) => [code, exitCodeOf(code)]));
    expect(table).toEqual({
      AUTH_EXPIRED: 77,
      AUTH_INVALID: 77,
      PERMISSION_DENIED: 77,
      INVALID_TYPE: 77,
      INVALID_FIELD: 77,
      INVALID_QUERY: 77,
      INVALID_INPUT: 2,
      NOT_FOUND: 69,
      RATE_LIMITED: 75,
      DAILY_LIMIT: 75,
      TIMEOUT: 69,
      UNAVAILABLE: 69,
      MALFORMED_RESPONSE: 65,
      DUPLICATE: 70,
      VALIDATION: 70,
      CANCELLED: 130,
      UNKNOWN: 70,
    });
  });
});

describe('keyset queries', () => {
  const parts = pullPartsOf(salesforceDefaultMapping);
  const part = (id: string) => {
    const found = parts.find((candidate) => candidate.id === id);
    if (found === undefined) throw new Error(`no part ${id}`);
    return found;
  };

  it('order by Id and start after the last id written; tasks without the action key are touchpoints, with it actions', () => {
    expect(parts.map((candidate) => candidate.datasetKey)).toEqual([
      'accounts', 'contacts', 'touchpoints', 'touchpoints', 'feedback', 'supportCases', 'opportunities', 'employeePulses', 'actions',
    ]);
    expect(keysetQuery(part('contacts'), null)).toBe('SELECT Id, AccountId, Name, Email, Title, Kizuna_Role__c FROM Contact ORDER BY Id ASC');
    expect(keysetQuery(part('tasks'), '00T5g0000K0001ZEQQ')).toMatch(
      /^SELECT Id, WhatId, .+ FROM Task WHERE Id > '00T5g0000K0001ZEQQ' AND Kizuna_Action_Key__c = null AND IsDeleted = false ORDER BY Id ASC$/,
    );
    expect(keysetQuery(part('actions'), null)).toContain('WHERE Kizuna_Action_Key__c != null AND IsDeleted = false ORDER BY Id ASC');
    expect(part('tasks').includeArchived).toBe(true);
    expect(part('feedback').includeArchived).toBe(false);
    expect(() => keysetQuery(part('contacts'), "x' OR Name != '")).toThrow(/not a Salesforce id/);
  });
});
