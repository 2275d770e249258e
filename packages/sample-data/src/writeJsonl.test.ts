import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJsonl } from './writeJsonl';

describe('writeJsonl', () => {
  it('writes any records, one file per entity, and an empty file for entities without records', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kizuna-jsonl-'));
    try {
      const summary = await writeJsonl(dir, [
        { entity: 'segment', record: { id: 'seg-1', name: 'Enterprise' } },
        { entity: 'segment', record: { id: 'seg-2', name: '公共' } },
      ]);
      expect(await readFile(join(dir, 'segments.jsonl'), 'utf8')).toBe('{"id":"seg-1","name":"Enterprise"}\n{"id":"seg-2","name":"公共"}\n');
      expect(await readFile(join(dir, 'feedback.jsonl'), 'utf8')).toBe('');
      expect(summary.files.segment).toMatchObject({ records: 2, bytes: 35 + 31 }); // bytes, not characters: 公共 is 6 bytes of UTF-8
      expect(summary.records).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
