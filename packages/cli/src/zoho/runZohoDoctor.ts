import { parseArgs } from 'node:util';
import { isCrmError } from '@kizuna/crm-core';
import type { ZohoMapping } from '@kizuna/crm-zoho';
import type { CliIo } from '../cliIo';
import { exitCodeOf } from '../crm/crmFailure';
import { redactingIo } from '../crm/redact';
import { exitCodes } from '../exitCodes';
import { renderTable } from '../output/textTable';
import { doctorUsage } from '../usage';
import { checkZohoModule, probeZohoConnection, zohoFixFor, zohoStatusWord, type ZohoModuleStatus } from './checkZohoModule';
import { checkZohoUniqueKeys, uniqueKeyFix, type UniqueKeyCheck } from './checkZohoUniqueKeys';
import { readZohoConnectionOptions, zohoArgOptions, zohoSecretsInArgs, type ZohoConnectionOptions } from './zohoArgs';
import { describeZohoFailure } from './zohoFailure';
import { loadZohoMapping } from './loadZohoMapping';
import { zohoPullPartsOf, type ZohoPullPart } from './zohoPullParts';
import { openZohoSession, type ZohoCliSession, type ZohoSessionHooks } from './zohoSession';

const prefix = 'kizuna doctor:';

interface ModuleCheck {
  readonly part: ZohoPullPart;
  readonly status: ZohoModuleStatus;
}

interface Report {
  apiDomain: string | undefined;
  apiVersion: string;
  signedInWith: string | undefined;
  connected: boolean;
  objects: ModuleCheck[];
  uniqueKeys: UniqueKeyCheck[];
  failure: { readonly step: 'sign-in' | 'connection' | 'objects'; readonly code: string; readonly message: string } | undefined;
  notes: string[];
  exitCode: number;
}

function failed(report: Report, step: 'sign-in' | 'connection' | 'objects', doing: string, error: unknown, io: CliIo): void {
  if (!isCrmError(error)) throw error;
  io.stderr.write(`${prefix} ${describeZohoFailure(doing, error, false)}\n`);
  report.failure = { step, code: error.code, message: error.message };
  report.exitCode = exitCodeOf(error.code);
}

async function examine(report: Report, session: ZohoCliSession, mapping: ZohoMapping, io: CliIo): Promise<void> {
  try {
    await probeZohoConnection(session.gateway, mapping.account.object, io.signal);
  } catch (error) {
    failed(report, 'connection', 'connecting to Zoho CRM', error, io);
    return;
  }
  report.connected = true;
  for (const part of zohoPullPartsOf(mapping)) {
    try {
      report.objects.push({ part, status: await checkZohoModule(session.gateway, part, io.signal) });
    } catch (error) {
      failed(report, 'objects', `checking ${part.id} (${part.mapping.object})`, error, io);
      return;
    }
  }
  try {
    report.uniqueKeys = await checkZohoUniqueKeys(session.gateway, mapping, io.signal);
  } catch (error) {
    failed(report, 'objects', 'reading the field metadata of the action keys', error, io);
    return;
  }
  const badKey = report.uniqueKeys.some((check) => check.status === 'notUnique' || check.status === 'missing');
  if (badKey || report.objects.some((check) => check.status.kind !== 'ok')) report.exitCode = exitCodes.noPermission;
}

const uniqueWord: Readonly<Record<UniqueKeyCheck['status'], string>> = { unique: 'ok', notUnique: 'NOT UNIQUE', missing: 'missing field', unknown: 'not checked' };

const usageDetail = 'Zoho CRM reports no API usage on its answers: see Setup › Developer Hub › APIs';

function reportText(report: Report): string {
  const failedAt = (step: string) => report.failure?.step === step;
  const checks = renderTable(
    [
      { header: 'check', align: 'left' },
      { header: 'status', align: 'left' },
      { header: 'detail', align: 'left' },
    ],
    [
      ['sign-in', failedAt('sign-in') ? 'FAILED' : 'ok', failedAt('sign-in') ? (report.failure?.message ?? '') : `with ${report.signedInWith ?? '—'}`],
      ['connection', report.connected ? 'ok' : failedAt('connection') ? 'FAILED' : '—', failedAt('connection') ? (report.failure?.message ?? '') : report.connected ? 'the org answers queries' : ''],
      ['API usage', report.connected ? 'unknown' : '—', report.connected ? usageDetail : ''],
    ],
  );
  const lines = [`Kizuna doctor — Zoho CRM ${report.apiDomain ?? '(API domain from the token response)'} (${report.apiVersion})`, checks];
  if (report.objects.length > 0) {
    lines.push(
      '',
      renderTable(
        [
          { header: 'data', align: 'left' },
          { header: 'module', align: 'left' },
          { header: 'status', align: 'left' },
          { header: 'what to fix', align: 'left' },
        ],
        report.objects.map(({ part, status }) => [part.id, part.mapping.object, zohoStatusWord(status), zohoFixFor(part, status)]),
      ),
    );
  }
  if (report.uniqueKeys.length > 0) {
    lines.push(
      '',
      renderTable(
        [
          { header: 'unique key', align: 'left' },
          { header: 'status', align: 'left' },
          { header: 'what to fix', align: 'left' },
        ],
        report.uniqueKeys.map((check) => [`${check.module}.${check.field}`, uniqueWord[check.status], uniqueKeyFix(check)]),
      ),
    );
  }
  const badKeys = report.uniqueKeys.filter((check) => check.status === 'notUnique' || check.status === 'missing').length;
  const problems = report.objects.filter((check) => check.status.kind !== 'ok').length + badKeys;
  lines.push('', report.failure !== undefined ? `Stopped: ${report.failure.message}` : problems > 0 ? `${problems} problem(s) with the mapping: fix them, then run kizuna doctor again.` : `All good: kizuna pull can read all ${report.objects.length} mapped modules.`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}

function reportJson(report: Report): string {
  const document = {
    command: 'doctor',
    crm: 'zoho',
    apiDomain: report.apiDomain ?? null,
    apiVersion: report.apiVersion,
    signedInWith: report.signedInWith ?? null,
    connected: report.connected,
    usage: null,
    objects: report.objects.map(({ part, status }) => ({
      part: part.id,
      datasetKey: part.datasetKey,
      object: part.mapping.object,
      status: status.kind,
      ...(status.kind === 'ok' ? { empty: status.empty } : {}),
      ...(status.kind === 'missingFields' ? { fields: status.fields } : {}),
      fix: zohoFixFor(part, status) || null,
    })),
    uniqueKeys: report.uniqueKeys.map((check) => ({ module: check.module, field: check.field, status: check.status, fix: uniqueKeyFix(check) || null })),
    failure: report.failure ?? null,
    notes: report.notes,
    exitCode: report.exitCode,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** `kizuna doctor --crm zoho` on checked options: sign-in, connection, every mapped module; prints the report. */
export async function zohoDoctor(connection: ZohoConnectionOptions, json: boolean, io: CliIo, hooks: ZohoSessionHooks = {}): Promise<number> {
  const mapping = await loadZohoMapping(connection);
  if (!mapping.ok) {
    io.stderr.write(`${prefix} ${mapping.message}\n`);
    return mapping.code;
  }
  const report: Report = { apiDomain: connection.apiDomain, apiVersion: connection.apiVersion, signedInWith: undefined, connected: false, objects: [], uniqueKeys: [], failure: undefined, notes: [], exitCode: exitCodes.ok };
  let session: ZohoCliSession | undefined;
  try {
    session = await openZohoSession(connection, { signal: io.signal, ...hooks });
  } catch (error) {
    failed(report, 'sign-in', 'signing in to Zoho CRM', error, io);
  }
  if (session !== undefined) {
    report.apiDomain = session.connection.apiDomain;
    report.signedInWith = session.signedInWith;
    await examine(report, session, mapping.mapping, io);
    report.notes.push(...session.notes);
  }
  io.stdout.write(json ? reportJson(report) : reportText(report));
  return report.exitCode;
}

/** `kizuna doctor --crm zoho …`: parses the arguments, then checks; resolves to the exit code. */
export async function runZohoDoctor(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? {};
  let connection: ZohoConnectionOptions;
  let json: boolean;
  try {
    const { values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: { ...zohoArgOptions, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
    if (values.help) {
      io.stdout.write(`${doctorUsage}\n`);
      return exitCodes.ok;
    }
    connection = readZohoConnectionOptions(values, env, io.cwd);
    json = values.json;
  } catch (error) {
    redactingIo(io, zohoSecretsInArgs(argv, env)).stderr.write(`${prefix} ${error instanceof Error ? error.message : String(error)}\n\n${doctorUsage}\n`);
    return exitCodes.usage;
  }
  return zohoDoctor(connection, json, redactingIo(io, connection.secrets));
}
