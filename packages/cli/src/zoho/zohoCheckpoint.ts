import { z } from 'zod';
import { outputFiles, readCheckpointAs } from '../pull/checkpoint';
import { zohoPartIds, type ZohoPartId, type ZohoPullPart } from './zohoPullParts';

const partStateSchema = z.strictObject({
  object: z.string(),
  status: z.enum(['pending', 'running', 'done']),
  /** The next page to ask for: a page number within the first 2,000 records … */
  page: z.number().int().positive(),
  /** … and the page token after that (valid 24 hours: an older one means starting the part again). */
  pageToken: z.string().nullable(),
  rows: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});
export type ZohoPartState = z.infer<typeof partStateSchema>;

/** `DIR/.kizuna-pull.json` for a Zoho pull: the same file and idea as Salesforce's, positions by page. */
export const zohoCheckpointSchema = z.strictObject({
  format: z.literal('kizuna-pull-checkpoint'),
  version: z.literal(1),
  crm: z.literal('zoho'),
  apiDomain: z.string(),
  apiVersion: z.string(),
  mappingDigest: z.string(),
  status: z.enum(['running', 'complete']),
  startedAt: z.string(),
  updatedAt: z.string(),
  parts: z.record(z.enum(zohoPartIds), partStateSchema),
  files: z.record(z.string(), z.number().int().nonnegative()),
});
export type ZohoCheckpoint = z.infer<typeof zohoCheckpointSchema>;

export interface ZohoCheckpointTarget {
  readonly apiDomain: string;
  readonly apiVersion: string;
  readonly mappingDigest: string;
}

export function freshZohoCheckpoint(target: ZohoCheckpointTarget, parts: readonly ZohoPullPart[], now: string): ZohoCheckpoint {
  const state = (part: ZohoPullPart): ZohoPartState => ({ object: part.mapping.object, status: 'pending', page: 1, pageToken: null, rows: 0, rejected: 0 });
  return {
    format: 'kizuna-pull-checkpoint',
    version: 1,
    crm: 'zoho',
    ...target,
    status: 'running',
    startedAt: now,
    updatedAt: now,
    parts: Object.fromEntries(parts.map((part) => [part.id, state(part)])) as Record<ZohoPartId, ZohoPartState>,
    files: Object.fromEntries(outputFiles(parts).map((file) => [file, 0])),
  };
}

/** The checkpoint in `dir` (`undefined` when none); one that is not a Zoho checkpoint is a CheckpointError. */
export function readZohoCheckpoint(dir: string): Promise<ZohoCheckpoint | undefined> {
  return readCheckpointAs(dir, zohoCheckpointSchema, 'a Zoho pull checkpoint');
}

export function zohoResumeConflict(checkpoint: ZohoCheckpoint, target: ZohoCheckpointTarget): string | undefined {
  if (checkpoint.apiDomain !== target.apiDomain) return `it was started against ${checkpoint.apiDomain}, not ${target.apiDomain}`;
  if (checkpoint.apiVersion !== target.apiVersion) return `it was started with API ${checkpoint.apiVersion}, not ${target.apiVersion}`;
  if (checkpoint.mappingDigest !== target.mappingDigest) return 'it was started with another mapping';
  return undefined;
}
