import { mkdir } from 'node:fs/promises';
import { isCrmError } from '@kizuna/crm-core';
import type { CliIo } from '../cliIo';
import { describeFailure, exitCodeOf } from '../crm/crmFailure';
import { loadMapping } from '../crm/loadMapping';
import { pullPartsOf, type PullPart } from '../crm/pullParts';
import { redactingIo } from '../crm/redact';
import { openSalesforceSession, type CliSession, type SessionHooks } from '../crm/salesforceSession';
import { exitCodes } from '../exitCodes';
import { pullUsage } from '../usage';
import { CheckpointError, mappingDigest, saveCheckpoint } from './checkpoint';
import { parsePullArgs, type PullOptions } from './pullArgs';
import { pullPart } from './pullPart';
import { pullJson, pullText, summaryOf } from './pullReport';
import { closeOutputs, preparePull, resumeLine, type PullState } from './pullState';
import { createProgress } from './progress';
import { withQueryTotals } from './queryTotals';
import { writeReferenceFiles } from './referenceEntities';
import { asksForZoho } from '../zoho/zohoArgs';
import { runZohoPull } from '../zoho/runZohoPull';

const prefix = 'kizuna pull:';
const nowIso = (): string => new Date().toISOString();

/** A file-system error's code (`EACCES`, `ENOSPC` …), if it is one. */
function fileErrorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code) ? error.code : undefined;
}

/** The exit code and message for anything a pull can fail with; rethrows what is a bug. */
function failure(io: CliIo, doing: string, error: unknown, dir: string): number {
  if (isCrmError(error)) {
    io.stderr.write(`${prefix} ${describeFailure(doing, error, true)}\n`);
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

async function readParts(parts: readonly PullPart[], state: PullState, session: CliSession, options: PullOptions, io: CliIo): Promise<number | undefined> {
  const progress = createProgress(io.stderr);
  const transport = withQueryTotals(session.transport, (rows) => progress.expect(rows));
  const context = {
    transport,
    connection: session.connection,
    dir: options.outDir,
    checkpoint: state.checkpoint,
    outputs: state.outputs,
    progress,
    batchSize: options.batchSize,
    signal: io.signal,
    now: nowIso,
  };
  for (const part of parts) {
    try {
      await pullPart(part, context);
    } catch (error) {
      if (io.stderr.isTTY === true) io.stderr.write('\n');
      return failure(io, `reading ${part.id} (${part.mapping.object})`, error, options.outDir);
    }
  }
  return undefined;
}

/** Reads every part, derives the reference files, marks the checkpoint complete and reports. */
async function pullInto(parts: readonly PullPart[], session: CliSession, options: PullOptions, digest: string, io: CliIo): Promise<number> {
  const target = { instanceUrl: session.connection.instanceUrl, apiVersion: session.connection.apiVersion, mappingDigest: digest };
  let state: PullState;
  try {
    state = await preparePull(options.outDir, target, parts, options.restart, nowIso());
  } catch (error) {
    return failure(io, 'preparing the output directory', error, options.outDir);
  }
  if (state.resumed) io.stderr.write(`${prefix} ${resumeLine(state.checkpoint, parts)}\n`);
  let stopped: number | undefined;
  try {
    stopped = await readParts(parts, state, session, options, io);
  } finally {
    await closeOutputs(state.outputs);
  }
  for (const note of session.notes) io.stderr.write(`${prefix} note: ${note}\n`);
  if (stopped !== undefined) return stopped;
  try {
    const references = await writeReferenceFiles(options.outDir);
    state.checkpoint.status = 'complete';
    state.checkpoint.updatedAt = nowIso();
    await saveCheckpoint(options.outDir, state.checkpoint);
    const summary = summaryOf(parts, state.checkpoint, {
      ...target,
      out: options.outArg,
      resumed: state.resumed,
      references,
      apiCalls: session.stats.calls,
      usage: session.usage(),
    });
    io.stdout.write(options.json ? pullJson(summary) : pullText(summary));
    return exitCodes.ok;
  } catch (error) {
    return failure(io, 'writing the reference files', error, options.outDir);
  }
}

/** Runs `kizuna pull` on checked options (io already redacting); resolves to the exit code. */
export async function pull(options: PullOptions, io: CliIo, hooks: SessionHooks = {}): Promise<number> {
  const mapping = await loadMapping(options.connection);
  if (!mapping.ok) {
    io.stderr.write(`${prefix} ${mapping.message}\n`);
    return mapping.code;
  }
  try {
    await mkdir(options.outDir, { recursive: true });
  } catch (error) {
    return failure(io, 'creating the output directory', error, options.outArg);
  }
  let session: CliSession;
  try {
    session = await openSalesforceSession(options.connection, { signal: io.signal, ...hooks });
  } catch (error) {
    return failure(io, 'signing in to Salesforce', error, options.outArg);
  }
  return pullInto(pullPartsOf(mapping.mapping), session, options, mappingDigest(mapping.mapping), io);
}

/** `kizuna pull …`: parses the arguments, then pulls; resolves to the exit code. */
export async function runPull(argv: readonly string[], io: CliIo): Promise<number> {
  if (asksForZoho(argv)) return runZohoPull(argv, io);
  const args = parsePullArgs(argv, io);
  switch (args.kind) {
    case 'help':
      io.stdout.write(`${pullUsage}\n`);
      return exitCodes.ok;
    case 'usageError':
      redactingIo(io, args.secrets).stderr.write(`${prefix} ${args.message}\n\n${pullUsage}\n`);
      return exitCodes.usage;
    case 'options':
      return pull(args.options, redactingIo(io, args.options.connection.secrets));
  }
}
