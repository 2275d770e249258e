import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createZohoKnobs, createZohoOrg, zohoHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { writeOrganisationJsonl } from '@kizuna/sample-data/node';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { groupsOf, parseAnalyzeJson } from '../testing/analyzeJson';
import { filesOf, runKizuna, simulatedOrganisation } from '../testing/salesforceSim';

/** `kizuna pull --crm zoho` and `kizuna doctor --crm zoho` against the Zoho simulator (EU data centre). */
const knobs = createZohoKnobs();
const org = createZohoOrg(generateOrganisation(simulatedOrganisation), { dataCentre: 'EU', knobs });
const client = { clientId: '1000.CLI', clientSecret: 'cli-secret-value', redirectUris: ['http://localhost:1717/callback'] };
org.oauth.registerClient(client);
const accessToken = '1000.eu-access-token-for-the-cli';
const server = setupServer(...zohoHandlers(org, { accessTokens: [accessToken] }));
const accessArgs = ['--crm', 'zoho', '--api-domain', org.apiDomain, '--access-token', accessToken];
let root: string;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  root = await mkdtemp(join(tmpdir(), 'kizuna-zoho-'));
});
afterAll(async () => {
  server.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  org.calls.reset();
  knobs.tooManyRequestsAfter = null;
});

describe('kizuna pull --crm zoho', { timeout: 60_000 }, () => {
  it('exports every mapped module as JSONL that kizuna analyze reads, with the same NPS by business unit', async () => {
    const out = join(root, 'full');
    const run = await runKizuna(['pull', ...accessArgs, '--out', out]);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).toContain('  feedback        268 rows from Kizuna_Feedback');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/feedback\.jsonl\s+268\s+0\s+Kizuna_Feedback/);
    expect(run.stdout).toMatch(/touchpoints\.jsonl\s+310\s+0\s+Tasks, Calls, Events/);
    expect(run.stdout).toContain('Zoho CRM reports no API usage on its answers');
    const original = join(root, 'original');
    await writeOrganisationJsonl(original, simulatedOrganisation);
    const pulled = parseAnalyzeJson((await runKizuna(['analyze', '--data', out, '--json', '--kpi', 'nps'])).stdout);
    const direct = parseAnalyzeJson((await runKizuna(['analyze', '--data', original, '--json', '--kpi', 'nps'])).stdout);
    expect(pulled.inputs.rowsRejected).toBe(0);
    const byUnit = (json: typeof pulled) => groupsOf(json, 'nps').map(({ keys, result }) => ({ keys, result }));
    expect(byUnit(pulled)).toEqual(byUnit(direct));
    const json = JSON.parse((await runKizuna(['pull', ...accessArgs, '--out', join(root, 'json'), '--json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ command: 'pull', crm: 'zoho', apiDomain: 'https://www.zohoapis.eu', apiVersion: 'v8', rejected: 0 });
  });

  it('stops on the credit limit (75) and resumes to the same files', async () => {
    const whole = join(root, 'whole');
    expect((await runKizuna(['pull', ...accessArgs, '--out', whole])).code).toBe(0);
    const out = join(root, 'stopped');
    knobs.tooManyRequestsAfter = org.calls.snapshot().apiCalls + 6;
    const stopped = await runKizuna(['pull', ...accessArgs, '--out', out]);
    expect(stopped.code).toBe(75);
    expect(stopped.stderr).toContain('Run the same command again to resume');
    knobs.tooManyRequestsAfter = null;
    const resumed = await runKizuna(['pull', ...accessArgs, '--out', out]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('resuming the pull');
    const [a, b] = [await filesOf(whole), await filesOf(out)];
    for (const name of [...a.keys()].filter((file) => file.endsWith('.jsonl'))) expect(b.get(name), name).toBe(a.get(name));
  });

  it('signs in with a refresh token at the data centre of the API domain, and never prints a token', async () => {
    const refreshToken = org.oauth.issueRefreshToken(client.clientId, org.admin.id, ['ZohoCRM.modules.ALL', 'ZohoCRM.coql.READ', 'ZohoCRM.users.READ']);
    const env = { KIZUNA_ZOHO_CLIENT_ID: client.clientId, KIZUNA_ZOHO_CLIENT_SECRET: client.clientSecret, KIZUNA_ZOHO_REFRESH_TOKEN: refreshToken, KIZUNA_ZOHO_API_DOMAIN: org.apiDomain };
    const run = await runKizuna(['doctor', '--crm', 'zoho'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('with the refresh token (via https://accounts.zoho.eu)');
    // Without ZohoCRM.settings.fields.READ the key check is skipped, and says how to enable it.
    expect(run.stdout).toMatch(/Tasks\.Kizuna_Action_Key\s+not checked\s+not checked \(the sign-in lacks the ZohoCRM\.settings\.fields\.READ scope\)/);
    expect(run.stdout + run.stderr).not.toContain(refreshToken);
  });

  it('refuses a bad API domain and a missing sign-in as usage errors (2)', async () => {
    expect((await runKizuna(['pull', '--crm', 'zoho', '--api-domain', 'https://www.zohoapis.evil.example', '--access-token', 't', '--out', join(root, 'x')])).stderr).toContain('--api-domain: The API domain must be a Zoho API domain');
    const missing = await runKizuna(['doctor', '--crm', 'zoho', '--api-domain', org.apiDomain]);
    expect([missing.code, missing.stderr.includes('sign in with --access-token')]).toEqual([2, true]);
  });
});

describe('kizuna doctor --crm zoho', { timeout: 60_000 }, () => {
  it('passes a healthy org with one COQL call per module', async () => {
    const run = await runKizuna(['doctor', ...accessArgs]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Kizuna doctor — Zoho CRM https://www.zohoapis.eu (v8)');
    expect(run.stdout).toContain('All good: kizuna pull can read all 10 mapped modules.');
    expect(org.calls.snapshot().byEndpoint.coql).toBe(11);
    expect(run.stdout).toMatch(/Tasks\.Kizuna_Action_Key\s+ok/);
    expect(run.stdout).toMatch(/Kizuna_Actions\.Action_Key\s+ok/);
  });

  it('says when an action key field allows duplicates, and how to fix it (77)', async () => {
    const mapping = join(root, 'ledger-key.json');
    await writeFile(mapping, JSON.stringify({ version: 1, objects: { action: { fields: { id: 'Name', idempotencyKey: 'Name' } } } }));
    const run = await runKizuna(['doctor', ...accessArgs, '--mapping', mapping, '--json']);
    expect(run.code).toBe(77);
    const report = JSON.parse(run.stdout) as { uniqueKeys: Array<{ module: string; field: string; status: string; fix: string | null }> };
    expect(report.uniqueKeys).toEqual([
      { module: 'Tasks', field: 'Kizuna_Action_Key', status: 'unique', fix: null },
      { module: 'Kizuna_Actions', field: 'Name', status: 'notUnique', fix: expect.stringContaining('tick "Do not allow duplicate values"') },
    ]);
  });

  it('names a missing module and missing fields with what to fix (77)', async () => {
    const mapping = join(root, 'mapping.json');
    await writeFile(mapping, JSON.stringify({ version: 1, objects: { feedback: { object: 'CX_Survey_Answers' }, contact: { fields: { email: 'Work_Email', title: 'Job_Title' } } } }));
    const run = await runKizuna(['doctor', ...accessArgs, '--mapping', mapping, '--json']);
    expect(run.code).toBe(77);
    const report = JSON.parse(run.stdout) as { objects: Array<{ part: string; status: string; fields?: string[] }> };
    expect(report.objects.find((check) => check.part === 'feedback')?.status).toBe('missingObject');
    expect(report.objects.find((check) => check.part === 'contacts')).toMatchObject({ status: 'missingFields', fields: ['Work_Email', 'Job_Title'] });
  });

  it('stops with the exit code of what is not about one module', async () => {
    const run = await runKizuna(['doctor', '--crm', 'zoho', '--api-domain', org.apiDomain, '--access-token', 'not-a-token-zoho-knows']);
    expect(run.code).toBe(77);
    // The org does not know the token (INVALID_TOKEN), and a bare access token cannot be renewed.
    expect(run.stderr).toContain('Kizuna has no refresh token to renew it');
    expect(run.stderr).toContain('(AUTH_EXPIRED)');
  });
});
