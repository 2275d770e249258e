import { isCrmError } from '@kizuna/crm-core';
import type { SalesforceMapping } from '@kizuna/crm-salesforce';
import type { CliIo } from '../cliIo';
import { describeFailure, exitCodeOf } from '../crm/crmFailure';
import { loadMapping } from '../crm/loadMapping';
import { pullPartsOf } from '../crm/pullParts';
import { redactingIo } from '../crm/redact';
import { openSalesforceSession, type CliSession, type SessionHooks } from '../crm/salesforceSession';
import { exitCodes } from '../exitCodes';
import { doctorUsage } from '../usage';
import { checkObject, probeConnection } from './checkObject';
import { parseDoctorArgs, type DoctorOptions } from './doctorArgs';
import { doctorJson, doctorText, type DoctorFailure, type DoctorReport, type ObjectCheck } from './doctorReport';
import { asksForZoho } from '../zoho/zohoArgs';
import { runZohoDoctor } from '../zoho/runZohoDoctor';

const prefix = 'kizuna doctor:';

type Draft = { -readonly [Key in keyof DoctorReport]: DoctorReport[Key] };

function failed(draft: Draft, step: DoctorFailure['step'], doing: string, error: unknown, io: CliIo): Draft {
  if (!isCrmError(error)) throw error;
  io.stderr.write(`${prefix} ${describeFailure(doing, error, false)}\n`);
  return { ...draft, failure: { step, code: error.code, message: error.message }, exitCode: exitCodeOf(error.code) };
}

/** Connection, then every part; the first failure that is not about one object stops it. */
async function examine(draft: Draft, session: CliSession, mapping: SalesforceMapping, io: CliIo): Promise<Draft> {
  try {
    await probeConnection(session, mapping.account.object, io.signal);
  } catch (error) {
    return failed({ ...draft, usage: session.usage() }, 'connection', 'connecting to Salesforce', error, io);
  }
  const objects: ObjectCheck[] = [];
  let current: Draft = { ...draft, connected: true, objects };
  for (const part of pullPartsOf(mapping)) {
    try {
      objects.push({ part, status: await checkObject(session, part, io.signal) });
    } catch (error) {
      current = failed(current, 'objects', `checking ${part.id} (${part.mapping.object})`, error, io);
      break;
    }
  }
  const problems = objects.some((check) => check.status.kind !== 'ok');
  const exitCode = current.failure === undefined ? (problems ? exitCodes.noPermission : exitCodes.ok) : current.exitCode;
  return { ...current, usage: session.usage(), exitCode };
}

/** Runs `kizuna doctor` on checked options (io already redacting); prints the report; resolves to the exit code. */
export async function doctor(options: DoctorOptions, io: CliIo, hooks: SessionHooks = {}): Promise<number> {
  const mapping = await loadMapping(options.connection);
  if (!mapping.ok) {
    io.stderr.write(`${prefix} ${mapping.message}\n`);
    return mapping.code;
  }
  const { connection } = options;
  let draft: Draft = {
    instanceUrl: connection.instanceUrl,
    apiVersion: connection.apiVersion,
    signedInWith: undefined,
    connected: false,
    usage: undefined,
    objects: [],
    failure: undefined,
    notes: [],
    exitCode: exitCodes.ok,
  };
  let session: CliSession | undefined;
  try {
    session = await openSalesforceSession(connection, { signal: io.signal, ...hooks });
  } catch (error) {
    draft = failed(draft, 'sign-in', 'signing in to Salesforce', error, io);
  }
  if (session !== undefined) {
    draft = { ...draft, instanceUrl: session.connection.instanceUrl, signedInWith: session.signedInWith };
    draft = await examine(draft, session, mapping.mapping, io);
    draft = { ...draft, notes: [...session.notes] };
  }
  io.stdout.write(options.json ? doctorJson(draft) : doctorText(draft));
  return draft.exitCode;
}

/** `kizuna doctor …`: parses the arguments, then checks; resolves to the exit code. */
export async function runDoctor(argv: readonly string[], io: CliIo): Promise<number> {
  if (asksForZoho(argv)) return runZohoDoctor(argv, io);
  const args = parseDoctorArgs(argv, io);
  switch (args.kind) {
    case 'help':
      io.stdout.write(`${doctorUsage}\n`);
      return exitCodes.ok;
    case 'usageError':
      redactingIo(io, args.secrets).stderr.write(`${prefix} ${args.message}\n\n${doctorUsage}\n`);
      return exitCodes.usage;
    case 'options':
      return doctor(args.options, redactingIo(io, args.options.connection.secrets));
  }
}
