import { CrmError, mapRecord, type HttpTransport } from '@kizuna/crm-core';
import { isSalesforceId, queryPages, type SalesforceConnection, type SalesforceRecord } from '@kizuna/crm-salesforce';
import { formatCount } from '../output/formatKpi';
import { keysetQuery, type PullPart } from '../crm/pullParts';
import { rejectedFile, saveCheckpoint, type Checkpoint } from './checkpoint';
import type { JsonlOutput } from './jsonlOutput';
import type { PullProgress } from './progress';

/** What reading one part needs; the checkpoint is updated in place and saved after every page. */
export interface PartContext {
  readonly transport: HttpTransport;
  readonly connection: SalesforceConnection;
  readonly dir: string;
  readonly checkpoint: Checkpoint;
  readonly outputs: ReadonlyMap<string, JsonlOutput>;
  readonly progress: PullProgress;
  readonly batchSize: number | undefined;
  readonly signal: AbortSignal | undefined;
  readonly now: () => string;
}

interface MappedPage {
  readonly lines: string;
  readonly rejectedLines: string;
  readonly rows: number;
  readonly rejected: number;
  readonly lastId: string | undefined;
}

function withoutAttributes(record: SalesforceRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'attributes'));
}

/** Maps a page's records; invalid ones become lines of `rejected.jsonl` with their issues and fields. */
function mapPage(part: PullPart, records: readonly SalesforceRecord[]): MappedPage {
  const lines: string[] = [];
  const rejected: string[] = [];
  let lastId: string | undefined;
  for (const record of records) {
    const id = record['Id'];
    if (typeof id !== 'string' || !isSalesforceId(id)) {
      throw new CrmError('MALFORMED_RESPONSE', `Salesforce returned a ${part.mapping.object} record without a valid Id.`);
    }
    lastId = id;
    const result = mapRecord(part.entity, part.mapping, record);
    if (result.ok) lines.push(`${JSON.stringify(result.value)}\n`);
    else {
      const entry = { file: `${part.datasetKey}.jsonl`, part: part.id, object: part.mapping.object, id, issues: result.issues, record: withoutAttributes(record) };
      rejected.push(`${JSON.stringify(entry)}\n`);
    }
  }
  return { lines: lines.join(''), rejectedLines: rejected.join(''), rows: lines.length, rejected: rejected.length, lastId };
}

function output(outputs: ReadonlyMap<string, JsonlOutput>, name: string): JsonlOutput {
  const file = outputs.get(name);
  if (file === undefined) throw new Error(`no output file ${name} is open`);
  return file;
}

/**
 * Reads one part to its end, page by page (`queryPages`: `done`/`nextRecordsUrl`, never counting).
 * Each page is written, flushed, and only then recorded in the checkpoint with the last id it held,
 * so an interruption at any point loses nothing and repeats nothing on resume.
 */
export async function pullPart(part: PullPart, context: PartContext): Promise<void> {
  const { checkpoint, outputs, progress } = context;
  const state = checkpoint.parts[part.id];
  if (state.status === 'done') return;
  const dataName = `${part.datasetKey}.jsonl`;
  const data = output(outputs, dataName);
  const rejected = output(outputs, rejectedFile);
  progress.start(part.id, state.rows + state.rejected);
  state.status = 'running';
  const soql = keysetQuery(part, state.lastId);
  const options = { includeDeleted: part.includeArchived, ...(context.batchSize === undefined ? {} : { batchSize: context.batchSize }), ...(context.signal === undefined ? {} : { signal: context.signal }) };
  for await (const records of queryPages(context.transport, context.connection, soql, options)) {
    const page = mapPage(part, records);
    await data.write(page.lines);
    await rejected.write(page.rejectedLines);
    checkpoint.files[dataName] = await data.commit();
    checkpoint.files[rejectedFile] = await rejected.commit();
    state.lastId = page.lastId ?? state.lastId;
    state.rows += page.rows;
    state.rejected += page.rejected;
    checkpoint.updatedAt = context.now();
    await saveCheckpoint(context.dir, checkpoint);
    progress.advance(records.length);
  }
  state.status = 'done';
  checkpoint.updatedAt = context.now();
  await saveCheckpoint(context.dir, checkpoint);
  const rejectedText = state.rejected === 0 ? '' : `, ${formatCount(state.rejected)} rejected`;
  progress.done(`  ${part.id.padEnd(15)} ${formatCount(state.rows)} rows from ${part.mapping.object}${rejectedText}`);
}
