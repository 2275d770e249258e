import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { salesforceDefaultMapping } from '@kizuna/crm-salesforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CapturedText } from '../cliIo';
import { pullPartsOf } from '../crm/pullParts';
import { runKizuna, simulateOrg } from '../testing/salesforceSim';
import { parseDoctorArgs } from './doctorArgs';
import { fixFor } from './fixAdvice';
import { doctor } from './runDoctor';

const sim = simulateOrg('doctor');
let root: string;

interface DoctorJson {
  connected: boolean;
  usage: { used: number; limit: number; remaining: number; warning: boolean } | null;
  objects: Array<{ part: string; object: string; status: string; fields?: string[]; fix: string | null }>;
  failure: { step: string; code: string } | null;
  exitCode: number;
}

beforeAll(async () => {
  sim.server.listen({ onUnhandledRequest: 'error' });
  root = await mkdtemp(join(tmpdir(), 'kizuna-doctor-'));
});
afterAll(async () => {
  sim.server.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  sim.org.calls.reset();
  Object.assign(sim.knobs, { dailyLimit: 100_000, failNext: [] });
});

describe('kizuna doctor', () => {
  it('on a healthy org: connection, usage and every mapped object ok; exit 0', async () => {
    const run = await runKizuna(['doctor', ...sim.accessArgs]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/connection +ok/);
    expect(run.stdout).toMatch(/API usage +ok +10 of 100,000 calls in the last 24 h \(0\.0%\); 99,990 remaining/);
    for (const object of ['Account', 'Contact', 'Kizuna_Feedback__c', 'Case', 'Opportunity', 'Kizuna_Employee_Pulse__c']) {
      expect(run.stdout).toMatch(new RegExp(`${object} +ok`));
    }
    expect(run.stdout).toMatch(/actions +Task +ok \(no records\)/);
    expect(run.stdout).toContain('All good: kizuna pull can read all 9 mapped objects.');
    expect(sim.org.calls.apiUsage).toBe(10); // one connection query, one per part
  });

  it('names a missing object and each missing field (found by bisection), says what to fix, and exits 77', async () => {
    const mapping = join(root, 'mapping.json');
    const objects = {
      feedback: { object: 'Kizuna_Survey_Response__c' },
      supportCase: { fields: { slaResolutionHours: 'SLA_Hours_Missing__c' } },
      contact: { fields: { title: 'Job_Title__c', email: 'Work_Email__c' } },
    };
    await writeFile(mapping, JSON.stringify({ version: 1, objects }));
    const text = await runKizuna(['doctor', ...sim.accessArgs, '--mapping', mapping]);
    expect(text.code).toBe(77);
    expect(text.stdout).toMatch(/feedback +Kizuna_Survey_Response__c +missing object +Kizuna_Survey_Response__c does not exist or this user cannot read it: check the object's API name in the mapping file/);
    expect(text.stdout).toMatch(/supportCases +Case +missing field +Case\.SLA_Hours_Missing__c \(slaResolutionHours\) does not exist or field-level security hides it/);
    expect(text.stdout).toMatch(/contacts +Contact +2 missing fields +Contact\.Work_Email__c \(email\) and Contact\.Job_Title__c \(title\) do not exist/);
    expect(text.stdout).toContain('3 problem(s) with the mapping');

    sim.org.calls.reset();
    const json = await runKizuna(['doctor', ...sim.accessArgs, '--mapping', mapping, '--json']);
    const report = JSON.parse(json.stdout) as DoctorJson;
    expect(report.exitCode).toBe(77);
    const byPart = new Map(report.objects.map((check) => [check.part, check]));
    expect(byPart.get('feedback')).toMatchObject({ status: 'missingObject' });
    expect(byPart.get('supportCases')).toMatchObject({ status: 'missingFields', fields: ['SLA_Hours_Missing__c'] });
    expect(byPart.get('contacts')).toMatchObject({ status: 'missingFields', fields: ['Work_Email__c', 'Job_Title__c'] });
    expect(report.objects.filter((check) => check.status === 'ok')).toHaveLength(6);
    expect(sim.org.calls.apiUsage).toBeLessThan(40); // bisection, not one query per field of every object
  });

  it('warns above 80% of the daily allocation but still exits 0', async () => {
    sim.knobs.dailyLimit = 12;
    const run = await runKizuna(['doctor', ...sim.accessArgs, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as DoctorJson;
    expect(report.usage).toEqual({ used: 10, limit: 12, remaining: 2, fraction: 10 / 12, warning: true });
    const text = await runKizuna(['doctor', ...sim.accessArgs]);
    expect(text.stdout).toMatch(/API usage +WARNING/);
  });

  it('stops with 75 when the allocation is spent, 77 when the session is refused, 65 on a malformed answer', async () => {
    sim.knobs.dailyLimit = 4;
    const spent = await runKizuna(['doctor', ...sim.accessArgs]);
    expect(spent.code).toBe(75);
    expect(spent.stderr).toContain('DAILY_LIMIT');
    expect(spent.stdout).toContain('Stopped: TotalRequests Limit exceeded.');

    sim.knobs.dailyLimit = 100_000;
    const refused = await runKizuna(['doctor', '--crm', 'salesforce', '--instance-url', sim.instanceUrl, '--access-token', '00Dunknown!token-the-org-never-issued']);
    expect(refused.code).toBe(77);
    expect(refused.stdout).toMatch(/connection +FAILED/);

    sim.knobs.failNext.push('malformedBody');
    const malformed = await runKizuna(['doctor', ...sim.accessArgs]);
    expect(malformed.code).toBe(65);
    expect(malformed.stderr).toContain('MALFORMED_RESPONSE');
  });

  it('exits 69 when Salesforce stays unavailable after the retries', async () => {
    const args = parseDoctorArgs(sim.accessArgs, { cwd: root, env: {} });
    if (args.kind !== 'options') throw new Error('the arguments did not parse');
    sim.knobs.failNext.push('serviceUnavailable', 'serviceUnavailable', 'serviceUnavailable', 'serviceUnavailable');
    const stdout = new CapturedText();
    const stderr = new CapturedText();
    const code = await doctor(args.options, { stdout, stderr, cwd: root }, { retry: { sleep: () => Promise.resolve() } });
    expect(code).toBe(69);
    expect(stderr.text).toContain('connecting to Salesforce: Server is temporarily unavailable');
    expect(stderr.text).toContain('Check --instance-url and the network');
  });
});

describe('what doctor tells to fix', () => {
  it("for Kizuna's own object missing in the default layout: deploy the package or map it", () => {
    const feedback = pullPartsOf(salesforceDefaultMapping).find((part) => part.id === 'feedback');
    if (feedback === undefined) throw new Error('no feedback part');
    expect(fixFor(feedback, { kind: 'missingObject', message: "sObject type 'Kizuna_Feedback__c' is not supported." })).toBe(
      "Kizuna_Feedback__c does not exist or this user cannot read it: deploy Kizuna's package (docs/crm/salesforce-layout.md), " +
        'or map feedback to your object in a mapping file (--mapping); then give the user Read access to it',
    );
  });
});
