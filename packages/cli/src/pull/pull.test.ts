import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOrganisationJsonl } from '@kizuna/sample-data/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { groupsOf, parseAnalyzeJson } from '../testing/analyzeJson';
import { jsonLines, runKizuna, simulatedOrganisation, simulateOrg } from '../testing/salesforceSim';
import { checkpointSchema } from './checkpoint';

const sim = simulateOrg('pull');
let root: string;

beforeAll(async () => {
  sim.server.listen({ onUnhandledRequest: 'error' });
  root = await mkdtemp(join(tmpdir(), 'kizuna-pull-'));
});
afterAll(async () => {
  sim.server.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  sim.org.calls.reset();
  sim.knobs.dailyLimit = 100_000;
});

const pullArgs = (out: string) => ['pull', ...sim.accessArgs, '--out', out];

describe('kizuna pull from Salesforce', { timeout: 60_000 }, () => {
  it('exports every mapped object as JSONL that kizuna analyze reads, with the same NPS by business unit', async () => {
    const out = join(root, 'full');
    const run = await runKizuna(pullArgs(out));
    expect(run.stderr).not.toContain('\r');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/feedback\.jsonl\s+268\s+0\s+Kizuna_Feedback__c/);
    expect(run.stdout).toMatch(/touchpoints\.jsonl\s+310\s+0\s+Task, Event/);
    expect(run.stdout).toContain(`Next: kizuna analyze --data ${out}`);

    const original = join(root, 'original');
    await writeOrganisationJsonl(original, simulatedOrganisation);
    const pulled = await runKizuna(['analyze', '--data', out, '--json', '--kpi', 'nps']);
    const direct = await runKizuna(['analyze', '--data', original, '--json', '--kpi', 'nps']);
    expect(pulled.code).toBe(0);
    const pulledJson = parseAnalyzeJson(pulled.stdout);
    expect(pulledJson.inputs.rowsRejected).toBe(0);
    const byUnit = (json: typeof pulledJson) => groupsOf(json, 'nps').map(({ keys, result }) => ({ keys, result }));
    expect(byUnit(pulledJson).length).toBe(5);
    expect(byUnit(pulledJson)).toEqual(byUnit(parseAnalyzeJson(direct.stdout)));

    const checkpoint = checkpointSchema.parse(JSON.parse(await readFile(join(out, '.kizuna-pull.json'), 'utf8')));
    expect(checkpoint.status).toBe('complete');
    expect(checkpoint.parts.feedback).toMatchObject({ status: 'done', rows: 268, rejected: 0 });
    expect(jsonLines(await readFile(join(out, 'businessUnits.jsonl'), 'utf8'))).toHaveLength(5);
  });

  it('writes records that fail validation to rejected.jsonl with their issues, never dropping one', async () => {
    const out = join(root, 'rejected');
    const mapping = join(root, 'titles-as-email.json');
    await writeFile(mapping, JSON.stringify({ version: 1, objects: { contact: { fields: { email: 'Title' } } } }));
    const run = await runKizuna([...pullArgs(out), '--mapping', mapping, '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { files: Array<{ file: string; rows: number; rejected: number }>; rejected: number };
    const contacts = summary.files.find((file) => file.file === 'contacts.jsonl');
    expect(contacts?.rejected).toBeGreaterThan(0);
    expect((contacts?.rows ?? 0) + (contacts?.rejected ?? 0)).toBe(188);
    expect(summary.rejected).toBe(contacts?.rejected);
    const rejected = jsonLines(await readFile(join(out, 'rejected.jsonl'), 'utf8')) as Array<{
      file: string;
      object: string;
      id: string;
      issues: Array<{ field: string; problem: string }>;
      record: Record<string, unknown>;
    }>;
    expect(rejected).toHaveLength(contacts?.rejected ?? -1);
    expect(rejected[0]).toMatchObject({ file: 'contacts.jsonl', object: 'Contact', issues: [{ field: 'email', problem: 'must be an e-mail address' }] });
    expect(rejected[0]?.record['Id']).toBe(rejected[0]?.id);
    expect(rejected[0]?.record).not.toHaveProperty('attributes');
    expect(jsonLines(await readFile(join(out, 'contacts.jsonl'), 'utf8'))).toHaveLength(contacts?.rows ?? -1);
  });

  it('draws a progress bar only on a terminal', async () => {
    const onTerminal = await runKizuna(pullArgs(join(root, 'tty')), { tty: true });
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stderr).toContain('\r\x1b[2K');
    expect(onTerminal.stderr).toMatch(/feedback +\[[█░]{24}\] 0 \/ 268 rows/);
    expect(onTerminal.stderr).toMatch(/feedback +268 rows from Kizuna_Feedback__c\n/);

    const inLogs = await runKizuna(pullArgs(join(root, 'logs')));
    for (const drawing of ['\r', '\x1b', '█', '░']) expect(inLogs.stderr).not.toContain(drawing);
    expect(inLogs.stderr).toMatch(/^ {2}feedback +268 rows from Kizuna_Feedback__c$/m);
  });
});
