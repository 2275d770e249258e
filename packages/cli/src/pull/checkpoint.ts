import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { partIds, type PartId, type PullPart } from '../crm/pullParts';

export const checkpointFile = '.kizuna-pull.json';
export const rejectedFile = 'rejected.jsonl';

const partStateSchema = z.strictObject({
  /** The object read, for people reading the file. */
  object: z.string(),
  status: z.enum(['pending', 'running', 'done']),
  /** The last Salesforce id written and flushed; the read resumes after it. */
  lastId: z.string().nullable(),
  rows: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});
export type PartState = z.infer<typeof partStateSchema>;

/**
 * `DIR/.kizuna-pull.json`: where an interrupted pull resumes. Written after every flushed page
 * (atomically: a temporary file renamed over it). It holds no token and no record data.
 */
export const checkpointSchema = z.strictObject({
  format: z.literal('kizuna-pull-checkpoint'),
  version: z.literal(1),
  crm: z.literal('salesforce'),
  instanceUrl: z.string(),
  apiVersion: z.string(),
  /** sha256 of the mapping in force: a resumed pull must read the same objects and fields. */
  mappingDigest: z.string(),
  status: z.enum(['running', 'complete']),
  startedAt: z.string(),
  updatedAt: z.string(),
  parts: z.record(z.enum(partIds), partStateSchema),
  /** The committed length in bytes of each output file: on resume, files are cut back to it. */
  files: z.record(z.string(), z.number().int().nonnegative()),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** sha256 of a mapping (Salesforce's or Zoho's), as a checkpoint records it. */
export function mappingDigest(mapping: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(mapping)).digest('hex')}`;
}

/** The file names a pull writes page by page (reference files are written at the end). */
export function outputFiles(parts: readonly { readonly datasetKey: string }[]): string[] {
  return [...new Set(parts.map((part) => `${part.datasetKey}.jsonl`)), rejectedFile];
}

export interface CheckpointTarget {
  readonly instanceUrl: string;
  readonly apiVersion: string;
  readonly mappingDigest: string;
}

export function freshCheckpoint(target: CheckpointTarget, parts: readonly PullPart[], now: string): Checkpoint {
  const state = (part: PullPart): PartState => ({ object: part.mapping.object, status: 'pending', lastId: null, rows: 0, rejected: 0 });
  return {
    format: 'kizuna-pull-checkpoint',
    version: 1,
    crm: 'salesforce',
    ...target,
    status: 'running',
    startedAt: now,
    updatedAt: now,
    parts: Object.fromEntries(parts.map((part) => [part.id, state(part)])) as Record<PartId, PartState>,
    files: Object.fromEntries(outputFiles(parts).map((file) => [file, 0])),
  };
}

export class CheckpointError extends Error {}

/** The checkpoint in `dir`, `undefined` when there is none; a file that is not one is a CheckpointError. */
export function readCheckpoint(dir: string): Promise<Checkpoint | undefined> {
  return readCheckpointAs(dir, checkpointSchema, 'a pull checkpoint');
}

/** The checkpoint in `dir` read with `schema` (one CRM's), `undefined` when there is none; a file that is not `what` is a CheckpointError. */
export async function readCheckpointAs<T>(dir: string, schema: z.ZodType<T>, what: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, checkpointFile), 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CheckpointError(`${checkpointFile} is not ${what} Kizuna can read`);
  return parsed.data;
}

/** Writes the checkpoint atomically: a crash leaves the previous one or this one, never half of one. */
export async function saveCheckpoint(dir: string, checkpoint: object): Promise<void> {
  const path = join(dir, checkpointFile);
  const temporary = `${path}.tmp`;
  await writeFile(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`, 'utf8');
  await rename(temporary, path);
}

/** Why an unfinished checkpoint cannot be resumed with these options; `undefined` when it can. */
export function resumeConflict(checkpoint: Checkpoint, target: CheckpointTarget): string | undefined {
  if (checkpoint.instanceUrl !== target.instanceUrl) return `it was started against ${checkpoint.instanceUrl}, not ${target.instanceUrl}`;
  if (checkpoint.apiVersion !== target.apiVersion) return `it was started with API ${checkpoint.apiVersion}, not ${target.apiVersion}`;
  if (checkpoint.mappingDigest !== target.mappingDigest) return 'it was started with another mapping';
  return undefined;
}
