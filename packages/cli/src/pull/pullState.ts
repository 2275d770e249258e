import { join } from 'node:path';
import type { PullPart } from '../crm/pullParts';
import {
  CheckpointError,
  freshCheckpoint,
  outputFiles,
  readCheckpoint,
  resumeConflict,
  saveCheckpoint,
  type Checkpoint,
  type CheckpointTarget,
} from './checkpoint';
import { JsonlOutput } from './jsonlOutput';

export interface PullState {
  readonly checkpoint: Checkpoint;
  /** True when an unfinished pull of the same org and mapping is carried on. */
  readonly resumed: boolean;
  readonly outputs: ReadonlyMap<string, JsonlOutput>;
}

/**
 * The checkpoint to work from: an unfinished one for the same org, API version and mapping is
 * resumed; a finished one, none, or `--restart` starts over. An unfinished one for anything else
 * is refused (CheckpointError) rather than mixed with this pull's rows.
 */
async function checkpointFor(dir: string, target: CheckpointTarget, parts: readonly PullPart[], restart: boolean, now: string) {
  const fresh = { checkpoint: freshCheckpoint(target, parts, now), resumed: false };
  if (restart) return fresh;
  let existing: Checkpoint | undefined;
  try {
    existing = await readCheckpoint(dir);
  } catch (error) {
    if (error instanceof CheckpointError) throw new CheckpointError(`${error.message}: pass --restart to start over, or choose another --out`);
    throw error;
  }
  if (existing === undefined || existing.status === 'complete') return fresh;
  const conflict = resumeConflict(existing, target);
  if (conflict !== undefined) {
    throw new CheckpointError(`the output directory holds an unfinished pull that these options cannot resume (${conflict}): pass --restart to start over, or choose another --out`);
  }
  return { checkpoint: existing, resumed: true };
}

/**
 * Prepares the output directory: decides fresh or resumed, cuts every output file back to its
 * committed length (a fresh pull empties them), opens them for appending and saves the checkpoint.
 */
export async function preparePull(dir: string, target: CheckpointTarget, parts: readonly PullPart[], restart: boolean, now: string): Promise<PullState> {
  const { checkpoint, resumed } = await checkpointFor(dir, target, parts, restart, now);
  const outputs = new Map<string, JsonlOutput>();
  try {
    for (const file of outputFiles(parts)) outputs.set(file, await JsonlOutput.open(join(dir, file), checkpoint.files[file] ?? 0, file));
  } catch (error) {
    await closeOutputs(outputs);
    if (error instanceof CheckpointError) throw new CheckpointError(`${error.message}: pass --restart to start over`);
    throw error;
  }
  await saveCheckpoint(dir, checkpoint);
  return { checkpoint, resumed, outputs };
}

export async function closeOutputs(outputs: ReadonlyMap<string, JsonlOutput>): Promise<void> {
  await Promise.all([...outputs.values()].map((output) => output.close()));
}

/** One line on what a resumed pull carries on from. */
export function resumeLine(checkpoint: Checkpoint, parts: readonly PullPart[]): string {
  const done = parts.filter((part) => checkpoint.parts[part.id].status === 'done').map((part) => part.id);
  const next = parts.find((part) => checkpoint.parts[part.id].status !== 'done');
  const from = next === undefined ? 'nothing left to read' : `${next.id} goes on after ${checkpoint.parts[next.id].lastId ?? 'its start'}`;
  return `resuming the pull started at ${checkpoint.startedAt}: ${done.length === 0 ? 'no object finished yet' : `${done.join(', ')} done`}; ${from}.`;
}
