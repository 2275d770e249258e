import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { datasetKeys, entityNames, type EntityName } from '@kizuna/model';
import type { OrganisationRecord } from './streamOrganisation';

/** What was written: per entity file, and in total. */
export interface JsonlSummary {
  readonly dir: string;
  readonly files: Readonly<Record<EntityName, { readonly path: string; readonly records: number; readonly bytes: number }>>;
  readonly records: number;
  readonly bytes: number;
}

/** Lines are gathered into chunks of about this many characters before they are written. */
const chunkChars = 128 * 1024;

interface EntityFile {
  readonly path: string;
  readonly stream: WriteStream;
  lines: string[];
  chars: number;
  records: number;
  bytes: number;
}

async function flush(file: EntityFile): Promise<void> {
  if (file.lines.length === 0) return;
  const chunk = file.lines.join('');
  file.lines = [];
  file.chars = 0;
  file.bytes += Buffer.byteLength(chunk);
  // Backpressure: when the stream's buffer is full, wait until the disk has caught up.
  if (!file.stream.write(chunk)) await once(file.stream, 'drain');
}

function openFiles(dir: string): Record<EntityName, EntityFile> {
  const files = {} as Record<EntityName, EntityFile>;
  for (const entity of entityNames) {
    const path = join(dir, `${datasetKeys[entity]}.jsonl`);
    const stream = createWriteStream(path, { highWaterMark: 1024 * 1024 });
    files[entity] = { path, stream, lines: [], chars: 0, records: 0, bytes: 0 };
  }
  return files;
}

async function closeAll(files: Record<EntityName, EntityFile>): Promise<void> {
  for (const entity of entityNames) await flush(files[entity]);
  await Promise.all(entityNames.map(async (entity) => {
    const { stream } = files[entity];
    stream.end();
    await finished(stream);
  }));
}

/**
 * Writes records as JSON Lines into `dir`: one file per entity, named by its dataset key
 * (`accounts.jsonl`, `feedback.jsonl` …), one record per line with the model's field names. Every
 * entity gets a file, empty if no record came. Lines are batched into ~128 KB chunks and written
 * with backpressure, so memory stays bounded however many records the iterable yields.
 */
export async function writeJsonl(dir: string, records: Iterable<OrganisationRecord>): Promise<JsonlSummary> {
  await mkdir(dir, { recursive: true });
  const files = openFiles(dir);
  try {
    for (const { entity, record } of records) {
      const file = files[entity];
      const line = `${JSON.stringify(record)}\n`;
      file.lines.push(line);
      file.chars += line.length;
      file.records += 1;
      if (file.chars >= chunkChars) await flush(file);
    }
  } finally {
    await closeAll(files);
  }
  const summary = {} as Record<EntityName, { path: string; records: number; bytes: number }>;
  let count = 0;
  let bytes = 0;
  for (const entity of entityNames) {
    const { path, records: written, bytes: size } = files[entity];
    summary[entity] = { path, records: written, bytes: size };
    count += written;
    bytes += size;
  }
  return { dir, files: summary, records: count, bytes };
}
