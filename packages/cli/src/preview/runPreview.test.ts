import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOrganisationJsonl } from '@kizuna/sample-data/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePreviewPayload } from '@kizuna/demo/previewData';
import { CapturedText } from '../cliIo';
import { exitCodes } from '../exitCodes';
import { runCli } from '../testing/runCli';
import type { PreviewOptions } from './previewArgs';
import type { PreviewServer } from './previewServer';
import { startPreview } from './runPreview';

let root: string;
const options = (dir: string): PreviewOptions => ({ dataArg: dir, dataDir: join(root, dir), port: 0, asOf: undefined });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kizuna-preview-'));
  await writeOrganisationJsonl(join(root, 'org'), { seed: 3, accounts: 12 });
  // One row that is not an account, one that is not JSON: reported and left out, like analyze does.
  await appendFile(join(root, 'org', 'accounts.jsonl'), '{"id":"acc-bad","name":""}\nnot json\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Starts a preview with a server that only keeps what it was given (the real one is driven in tests/e2e). */
async function previewOf(dir: string) {
  const stdout = new CapturedText();
  const stderr = new CapturedText();
  const served: unknown[] = [];
  const start = (payload: unknown, port: number): Promise<PreviewServer> => {
    served.push(payload);
    return Promise.resolve({ url: `http://127.0.0.1:${port || 41_234}`, close: () => Promise.resolve() });
  };
  const result = await startPreview(options(dir), { stdout, stderr, cwd: root }, start);
  return { result, stdout: stdout.text, stderr: stderr.text, served };
}

describe('kizuna preview', () => {
  it('serves the validated rows of the export, reporting rejected rows as analyze does', async () => {
    const run = await previewOf('org');
    expect(typeof run.result).toBe('object');
    expect(run.stderr).toMatch(/org\/accounts\.jsonl:13: /);
    expect(run.stderr).toMatch(/org\/accounts\.jsonl:14: /);
    const payload = parsePreviewPayload(run.served[0]);
    expect(payload.dataset.accounts).toHaveLength(12);
    expect(payload.dataset.accounts.some((account) => account.id === 'acc-bad')).toBe(false);
    const latestAnswer = payload.dataset.feedback.map((answer) => answer.respondedAt).sort().at(-1) ?? '';
    expect(Date.parse(payload.asOf)).toBeGreaterThanOrEqual(Date.parse(latestAnswer));
    expect(run.stdout).toContain('2 rejected rows left out');
    expect(run.stdout).toContain('http://127.0.0.1:41234/');
  });

  it('refuses a missing directory, one with no valid account, and a command line without --data', async () => {
    expect((await previewOf('nowhere')).result).toBe(exitCodes.noInput);
    await mkdir(join(root, 'broken'));
    await writeFile(join(root, 'broken', 'accounts.jsonl'), '{"id":"acc-1"}\n');
    const broken = await previewOf('broken');
    expect(broken.result).toBe(exitCodes.dataError);
    expect(broken.stderr).toContain('no valid account');
    expect(broken.served).toEqual([]);
    const cli = await runCli(['preview'], root);
    expect(cli.code).toBe(exitCodes.usage);
    expect(cli.stderr).toContain('--data DIR is required');
  });
});
