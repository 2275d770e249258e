import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetKeys, entityNames } from '@kizuna/model';
import { generateOrganisation } from './generateOrganisation';
import { writeOrganisationJsonl } from './writeOrganisationJsonl';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kizuna-sample-'));
  made.push(dir);
  return dir;
}

describe('writeOrganisationJsonl', () => {
  it('writes one file per entity, named by its dataset key', async () => {
    const dir = await scratch();
    await writeOrganisationJsonl(join(dir, 'org'), { seed: 1, accounts: 20 });
    const files = await readdir(join(dir, 'org'));
    expect(files.sort()).toEqual(entityNames.map((entity) => `${datasetKeys[entity]}.jsonl`).sort());
  });

  it('writes one JSON object per line, the same records as generateOrganisation', async () => {
    const dir = await scratch();
    const options = { seed: 4, accounts: 30 };
    const summary = await writeOrganisationJsonl(dir, options);
    const dataset = generateOrganisation(options);
    for (const entity of entityNames) {
      const text = await readFile(join(dir, `${datasetKeys[entity]}.jsonl`), 'utf8');
      const lines = text === '' ? [] : text.trimEnd().split('\n');
      expect(lines.map((line) => JSON.parse(line) as unknown), entity).toEqual(dataset[datasetKeys[entity]]);
      expect(summary.files[entity].records).toBe(lines.length);
      expect(summary.files[entity].bytes).toBe(Buffer.byteLength(text));
    }
    expect(summary.records).toBe(entityNames.reduce((sum, entity) => sum + dataset[datasetKeys[entity]].length, 0));
  });

  it('writes larger organisations through several chunks with the same content', async () => {
    const dir = await scratch();
    const summary = await writeOrganisationJsonl(dir, { seed: 5, accounts: 400 });
    expect(summary.files.feedback.bytes).toBeGreaterThan(1024 * 1024);
    const text = await readFile(join(dir, 'feedback.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').filter((line) => line !== '')).toHaveLength(summary.files.feedback.records);
  });
});
