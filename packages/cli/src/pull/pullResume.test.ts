import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { filesOf, runKizuna, simulateOrg } from '../testing/salesforceSim';
import { checkpointSchema, type Checkpoint } from './checkpoint';

const sim = simulateOrg('resume');
let root: string;
let reference: Map<string, string>;

const pullArgs = (out: string) => ['pull', ...sim.accessArgs, '--out', out, '--batch-size', '200'];

async function checkpointOf(dir: string): Promise<Checkpoint> {
  return checkpointSchema.parse(JSON.parse(await readFile(join(dir, '.kizuna-pull.json'), 'utf8')));
}

/** The output files without the checkpoint (whose timestamps differ from run to run). */
async function dataFiles(dir: string): Promise<Map<string, string>> {
  const files = await filesOf(dir);
  files.delete('.kizuna-pull.json');
  return files;
}

function expectSameFiles(actual: Map<string, string>, expected: Map<string, string>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [name, text] of expected) expect(actual.get(name), name).toBe(text);
}

beforeAll(async () => {
  sim.server.listen({ onUnhandledRequest: 'error' });
  root = await mkdtemp(join(tmpdir(), 'kizuna-resume-'));
  const out = join(root, 'reference');
  expect((await runKizuna(pullArgs(out))).code).toBe(0);
  reference = await dataFiles(out);
}, 60_000);
afterAll(async () => {
  sim.server.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  sim.org.calls.reset();
  sim.knobs.dailyLimit = 100_000;
});

describe('kizuna pull resumes where it stopped', { timeout: 60_000 }, () => {
  it('stops mid-object on the daily limit (75); after a crash-like leftover, the resumed files equal an uninterrupted pull', async () => {
    const out = join(root, 'daily-limit');
    // accounts, contacts, tasks, events take one batch each, feedback two: the 6th call is feedback's second batch.
    sim.knobs.dailyLimit = 5;
    const stopped = await runKizuna(pullArgs(out));
    expect(stopped.code).toBe(75);
    expect(stopped.stderr).toMatch(/reading feedback \(Kizuna_Feedback__c\): TotalRequests Limit exceeded\. \(DAILY_LIMIT, REQUEST_LIMIT_EXCEEDED\)/);
    expect(stopped.stderr).toContain('Run the same command again to resume');
    const checkpoint = await checkpointOf(out);
    expect(checkpoint.status).toBe('running');
    expect(checkpoint.parts.events.status).toBe('done');
    expect(checkpoint.parts.feedback).toMatchObject({ status: 'running', rows: 200 });
    expect(checkpoint.parts.feedback.lastId).toMatch(/^a01/);

    // A crash between writing a page and recording it leaves rows the checkpoint does not cover.
    await appendFile(join(out, 'feedback.jsonl'), '{"id":"half a page that was never checkpointed"}\n{"id":');
    await appendFile(join(out, 'rejected.jsonl'), '{"partial":');

    sim.knobs.dailyLimit = 100_000;
    const resumed = await runKizuna(pullArgs(out));
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('feedback goes on after a01');
    expectSameFiles(await dataFiles(out), reference);
    expect((await checkpointOf(out)).status).toBe('complete');
  });

  it('stops on Ctrl-C (130) and resumes to the same files', async () => {
    const out = join(root, 'interrupted');
    const controller = new AbortController();
    let requests = 0;
    const onRequest = () => {
      requests += 1;
      if (requests === 8) controller.abort();
    };
    sim.server.events.on('request:start', onRequest);
    const stopped = await runKizuna(pullArgs(out), { signal: controller.signal });
    sim.server.events.removeListener('request:start', onRequest);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('CANCELLED');
    expect((await checkpointOf(out)).status).toBe('running');

    const resumed = await runKizuna(pullArgs(out));
    expect(resumed.code).toBe(0);
    expectSameFiles(await dataFiles(out), reference);
  });

  it('refuses to mix an unfinished pull with another mapping (2), and --restart starts over', async () => {
    const out = join(root, 'conflict');
    sim.knobs.dailyLimit = 3;
    expect((await runKizuna(pullArgs(out))).code).toBe(75);
    sim.knobs.dailyLimit = 100_000;
    const mapping = join(root, 'mapping.json');
    await writeFile(mapping, JSON.stringify({ version: 1, objects: { contact: { fields: { title: null } } } }));
    const refused = await runKizuna([...pullArgs(out), '--mapping', mapping]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('unfinished pull that these options cannot resume (it was started with another mapping)');
    expect(refused.stderr).toContain('--restart');

    const restarted = await runKizuna([...pullArgs(out), '--restart']);
    expect(restarted.code).toBe(0);
    expect(restarted.stdout).not.toContain('(resumed)');
    expectSameFiles(await dataFiles(out), reference);
  });

  it('starts over after a complete pull, and refuses a checkpoint it cannot read', async () => {
    const out = join(root, 'again');
    expect((await runKizuna(pullArgs(out))).code).toBe(0);
    const again = await runKizuna(pullArgs(out));
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('resuming');
    expectSameFiles(await dataFiles(out), reference);

    await writeFile(join(out, '.kizuna-pull.json'), '{"not":"a checkpoint"}');
    const broken = await runKizuna(pullArgs(out));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('.kizuna-pull.json is not a pull checkpoint Kizuna can read: pass --restart');
  });
});
