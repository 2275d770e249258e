import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CrmError, isCrmError, mapRecord } from '@kizuna/crm-core';
import { flattenRecord, PAGE_REACH, RECORDS_PER_PAGE } from '@kizuna/crm-zoho';
import type { CliIo } from '../cliIo';
import { exitCodeOf } from '../crm/crmFailure';
import { UsageError } from '../crm/connectionArgs';
import { redactingIo } from '../crm/redact';
import { exitCodes } from '../exitCodes';
import { formatCount } from '../output/formatKpi';
import { CheckpointError, mappingDigest, outputFiles, rejectedFile, saveCheckpoint } from '../pull/checkpoint';
import { JsonlOutput } from '../pull/jsonlOutput';
import { createProgress, type PullProgress } from '../pull/progress';
import { pullJson, pullText } from '../pull/pullReport';
import { writeReferenceFiles } from '../pull/referenceEntities';
import { pullUsage } from '../usage';
import { readZohoConnectionOptions, zohoArgOptions, zohoSecretsInArgs, type ZohoConnectionOptions } from './zohoArgs';
import {
  freshZohoCheckpoint,
  readZohoCheckpoint,
  zohoResumeConflict,
  type ZohoCheckpoint,
  type ZohoCheckpointTarget,
} from './zohoCheckpoint';
import { describeZohoFailure } from './zohoFailure';
import { loadZohoMapping } from './loadZohoMapping';
import { zohoPartFields, zohoPullPartsOf, type ZohoPullPart } from './zohoPullParts';
import { openZohoSession, type ZohoCliSession, type ZohoSessionHooks } from './zohoSession';

const prefix = 'kizuna pull:';
const nowIso = (): string => new Date().toISOString();

export interface ZohoPullOptions {
  readonly connection: ZohoConnectionOptions;
  readonly outArg: string;
  readonly outDir: string;
  readonly restart: boolean;
  readonly json: boolean;
}

type Parsed = { readonly kind: 'options'; readonly options: ZohoPullOptions } | { readonly kind: 'help' } | { readonly kind: 'usageError'; readonly message: string; readonly secrets: readonly string[] };

function parseZohoPullArgs(argv: readonly string[], io: Pick<CliIo, 'cwd' | 'env'>): Parsed {
  const env = io.env ?? {};
  try {
    const { values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: { ...zohoArgOptions, out: { type: 'string' }, restart: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
    if (values.help) return { kind: 'help' };
    const connection = readZohoConnectionOptions(values, env, io.cwd);
    if (values.out === undefined || values.out === '') throw new UsageError('--out DIR is required');
    return { kind: 'options', options: { connection, outArg: values.out, outDir: isAbsolute(values.out) ? values.out : resolve(io.cwd, values.out), restart: values.restart, json: values.json } };
  } catch (error) {
    return { kind: 'usageError', message: error instanceof Error ? error.message : String(error), secrets: zohoSecretsInArgs(argv, env) };
  }
}

function fileErrorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code) ? error.code : undefined;
}

function failure(io: CliIo, doing: string, error: unknown, dir: string): number {
  if (isCrmError(error)) {
    io.stderr.write(`${prefix} ${describeZohoFailure(doing, error, true)}\n`);
    return exitCodeOf(error.code);
  }
  if (error instanceof CheckpointError) {
    io.stderr.write(`${prefix} ${error.message}\n`);
    return exitCodes.usage;
  }
  const code = fileErrorCode(error);
  if (code !== undefined) {
    io.stderr.write(`${prefix} cannot write to ${dir} (${code}): ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodes.cantCreate;
  }
  throw error;
}

interface State {
  readonly checkpoint: ZohoCheckpoint;
  readonly resumed: boolean;
  readonly outputs: Map<string, JsonlOutput>;
}

async function prepare(dir: string, target: ZohoCheckpointTarget, parts: readonly ZohoPullPart[], restart: boolean): Promise<State> {
  let checkpoint = freshZohoCheckpoint(target, parts, nowIso());
  let resumed = false;
  if (!restart) {
    let existing: ZohoCheckpoint | undefined;
    try {
      existing = await readZohoCheckpoint(dir);
    } catch (error) {
      if (error instanceof CheckpointError) throw new CheckpointError(`${error.message}: pass --restart to start over, or choose another --out`);
      throw error;
    }
    if (existing !== undefined && existing.status === 'running') {
      const conflict = zohoResumeConflict(existing, target);
      if (conflict !== undefined) throw new CheckpointError(`the output directory holds an unfinished pull that these options cannot resume (${conflict}): pass --restart to start over, or choose another --out`);
      checkpoint = existing;
      resumed = true;
    }
  }
  const outputs = new Map<string, JsonlOutput>();
  try {
    for (const file of outputFiles(parts)) outputs.set(file, await JsonlOutput.open(join(dir, file), checkpoint.files[file] ?? 0, file));
  } catch (error) {
    await Promise.all([...outputs.values()].map((output) => output.close()));
    if (error instanceof CheckpointError) throw new CheckpointError(`${error.message}: pass --restart to start over`);
    throw error;
  }
  await saveCheckpoint(dir, checkpoint);
  return { checkpoint, resumed, outputs };
}

function output(outputs: ReadonlyMap<string, JsonlOutput>, name: string): JsonlOutput {
  const file = outputs.get(name);
  if (file === undefined) throw new Error(`no output file ${name} is open`);
  return file;
}

/**
 * Reads one module to its end through the Records API (page, then page_token; `more_records` ends
 * it), writing each page and only then recording in the checkpoint the next page to ask for.
 */
async function pullZohoPart(part: ZohoPullPart, session: ZohoCliSession, state: State, dir: string, progress: PullProgress, signal: AbortSignal | undefined): Promise<void> {
  const partState = state.checkpoint.parts[part.id];
  if (partState.status === 'done') return;
  const dataName = `${part.datasetKey}.jsonl`;
  const data = output(state.outputs, dataName);
  const rejected = output(state.outputs, rejectedFile);
  const fields = zohoPartFields(part);
  if (fields.length > 50) throw new CrmError('INVALID_INPUT', `The mapping reads ${fields.length} fields of ${part.mapping.object}; the Records API takes at most 50 a call.`);
  progress.start(part.id, partState.rows + partState.rejected);
  partState.status = 'running';
  for (;;) {
    const useToken = partState.page * RECORDS_PER_PAGE > PAGE_REACH;
    if (useToken && partState.pageToken === null) throw new CrmError('MALFORMED_RESPONSE', `Zoho said more ${part.mapping.object} records follow but gave no page token.`);
    const request = useToken && partState.pageToken !== null ? { pageToken: partState.pageToken } : { page: partState.page };
    const answer = await session.gateway.listRecords({ module: part.mapping.object, fields: fields.length === 0 ? ['id'] : fields, ...request }, signal);
    const lines: string[] = [];
    const refused: string[] = [];
    for (const record of answer.rows) {
      const id = record['id'];
      if (typeof id !== 'string') throw new CrmError('MALFORMED_RESPONSE', `Zoho returned a ${part.mapping.object} record without a string id.`);
      const skip = part.skipWhenSet === undefined ? undefined : record[part.skipWhenSet];
      if (skip !== undefined && skip !== null && skip !== '') continue;
      const result = mapRecord(part.entity, part.mapping, flattenRecord(record));
      if (result.ok) lines.push(`${JSON.stringify(result.value)}\n`);
      else refused.push(`${JSON.stringify({ file: dataName, part: part.id, object: part.mapping.object, id, issues: result.issues, record })}\n`);
    }
    await data.write(lines.join(''));
    await rejected.write(refused.join(''));
    state.checkpoint.files[dataName] = await data.commit();
    state.checkpoint.files[rejectedFile] = await rejected.commit();
    partState.rows += lines.length;
    partState.rejected += refused.length;
    partState.page += 1;
    partState.pageToken = answer.nextPageToken ?? null;
    if (!answer.more) partState.status = 'done';
    state.checkpoint.updatedAt = nowIso();
    await saveCheckpoint(dir, state.checkpoint);
    progress.advance(answer.rows.length);
    if (!answer.more) break;
  }
  const rejectedText = partState.rejected === 0 ? '' : `, ${formatCount(partState.rejected)} rejected`;
  progress.done(`  ${part.id.padEnd(15)} ${formatCount(partState.rows)} rows from ${part.mapping.object}${rejectedText}`);
}

function summaryFiles(parts: readonly ZohoPullPart[], checkpoint: ZohoCheckpoint) {
  const files = new Map<string, { file: string; rows: number; rejected: number; objects: string[] }>();
  for (const part of parts) {
    const file = `${part.datasetKey}.jsonl`;
    const entry = files.get(file) ?? { file, rows: 0, rejected: 0, objects: [] };
    const state = checkpoint.parts[part.id];
    entry.rows += state.rows;
    entry.rejected += state.rejected;
    if (!entry.objects.includes(part.mapping.object)) entry.objects.push(part.mapping.object);
    files.set(file, entry);
  }
  return [...files.values()];
}

/** `kizuna pull --crm zoho`: the same files, checkpoint idea, report and exit codes as for Salesforce. */
export async function zohoPull(options: ZohoPullOptions, io: CliIo, hooks: ZohoSessionHooks = {}): Promise<number> {
  const mapping = await loadZohoMapping(options.connection);
  if (!mapping.ok) {
    io.stderr.write(`${prefix} ${mapping.message}\n`);
    return mapping.code;
  }
  try {
    await mkdir(options.outDir, { recursive: true });
  } catch (error) {
    return failure(io, 'creating the output directory', error, options.outArg);
  }
  let session: ZohoCliSession;
  try {
    session = await openZohoSession(options.connection, { signal: io.signal, ...hooks });
  } catch (error) {
    return failure(io, 'signing in to Zoho CRM', error, options.outArg);
  }
  const parts = zohoPullPartsOf(mapping.mapping);
  const target = { apiDomain: session.connection.apiDomain, apiVersion: session.connection.apiVersion, mappingDigest: mappingDigest(mapping.mapping) };
  let state: State;
  try {
    state = await prepare(options.outDir, target, parts, options.restart);
  } catch (error) {
    return failure(io, 'preparing the output directory', error, options.outDir);
  }
  if (state.resumed) io.stderr.write(`${prefix} resuming the pull started at ${state.checkpoint.startedAt}.\n`);
  const progress = createProgress(io.stderr);
  let stopped: number | undefined;
  try {
    for (const part of parts) {
      try {
        await pullZohoPart(part, session, state, options.outDir, progress, io.signal);
      } catch (error) {
        if (io.stderr.isTTY === true) io.stderr.write('\n');
        stopped = failure(io, `reading ${part.id} (${part.mapping.object})`, error, options.outDir);
        break;
      }
    }
  } finally {
    await Promise.all([...state.outputs.values()].map((file) => file.close()));
  }
  for (const note of session.notes) io.stderr.write(`${prefix} note: ${note}\n`);
  if (stopped !== undefined) return stopped;
  try {
    const references = await writeReferenceFiles(options.outDir);
    state.checkpoint.status = 'complete';
    state.checkpoint.updatedAt = nowIso();
    await saveCheckpoint(options.outDir, state.checkpoint);
    const files = summaryFiles(parts, state.checkpoint);
    const summary = {
      crm: 'zoho' as const,
      instanceUrl: target.apiDomain,
      apiVersion: target.apiVersion,
      out: options.outArg,
      resumed: state.resumed,
      files,
      references,
      rejected: files.reduce((sum, file) => sum + file.rejected, 0),
      apiCalls: session.stats.calls,
      usage: undefined,
    };
    io.stdout.write(options.json ? pullJson(summary) : pullText(summary));
    return exitCodes.ok;
  } catch (error) {
    return failure(io, 'writing the reference files', error, options.outDir);
  }
}

/** `kizuna pull --crm zoho …`: parses the arguments, then pulls; resolves to the exit code. */
export async function runZohoPull(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseZohoPullArgs(argv, io);
  switch (args.kind) {
    case 'help':
      io.stdout.write(`${pullUsage}\n`);
      return exitCodes.ok;
    case 'usageError':
      redactingIo(io, args.secrets).stderr.write(`${prefix} ${args.message}\n\n${pullUsage}\n`);
      return exitCodes.usage;
    case 'options':
      return zohoPull(args.options, redactingIo(io, args.options.connection.secrets));
  }
}
