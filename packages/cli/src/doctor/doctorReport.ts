import type { ApiUsage } from '@kizuna/crm-core';
import type { PullPart } from '../crm/pullParts';
import { formatCount } from '../output/formatKpi';
import { renderTable } from '../output/textTable';
import type { ObjectStatus } from './checkObject';
import { fixFor, statusWord } from './fixAdvice';

/** Past this share of the daily allocation, doctor warns. */
export const usageWarningThreshold = 0.8;

export interface ObjectCheck {
  readonly part: PullPart;
  readonly status: ObjectStatus;
}

/** A check that could not be done, and why: it ends the doctor's run. */
export interface DoctorFailure {
  readonly step: 'sign-in' | 'connection' | 'objects';
  readonly code: string;
  readonly message: string;
}

export interface DoctorReport {
  readonly instanceUrl: string | undefined;
  readonly apiVersion: string;
  readonly signedInWith: string | undefined;
  readonly connected: boolean;
  readonly usage: ApiUsage | undefined;
  readonly objects: readonly ObjectCheck[];
  readonly failure: DoctorFailure | undefined;
  readonly notes: readonly string[];
  readonly exitCode: number;
}

function usageSummary(usage: ApiUsage | undefined) {
  if (usage === undefined) return undefined;
  const fraction = usage.limit > 0 ? usage.used / usage.limit : 1;
  return { used: usage.used, limit: usage.limit, remaining: Math.max(0, usage.limit - usage.used), fraction, warning: fraction > usageWarningThreshold };
}

function usageRow(report: DoctorReport): string[] {
  const usage = usageSummary(report.usage);
  if (usage === undefined) return ['API usage', report.connected ? 'unknown' : '—', report.connected ? 'Salesforce sent no Sforce-Limit-Info header' : ''];
  const detail = `${formatCount(usage.used)} of ${formatCount(usage.limit)} calls in the last 24 h (${(usage.fraction * 100).toFixed(1)}%); ${formatCount(usage.remaining)} remaining`;
  const advice = usage.warning ? ` — over ${usageWarningThreshold * 100}%: a full pull may run out; pull later, or ask an administrator to raise the allocation` : '';
  return ['API usage', usage.warning ? 'WARNING' : 'ok', `${detail}${advice}`];
}

function checksTable(report: DoctorReport): string {
  const failed = (step: DoctorFailure['step']) => report.failure?.step === step;
  const rows = [
    ['sign-in', failed('sign-in') ? 'FAILED' : 'ok', failed('sign-in') ? (report.failure?.message ?? '') : `with ${report.signedInWith ?? '—'}`],
    ['connection', report.connected ? 'ok' : failed('connection') ? 'FAILED' : '—', failed('connection') ? (report.failure?.message ?? '') : report.connected ? 'the org answers queries' : ''],
    usageRow(report),
  ];
  const columns = [
    { header: 'check', align: 'left' },
    { header: 'status', align: 'left' },
    { header: 'detail', align: 'left' },
  ] as const;
  return renderTable(columns, rows);
}

function objectsTable(objects: readonly ObjectCheck[]): string {
  const columns = [
    { header: 'data', align: 'left' },
    { header: 'object', align: 'left' },
    { header: 'status', align: 'left' },
    { header: 'what to fix', align: 'left' },
  ] as const;
  return renderTable(
    columns,
    objects.map(({ part, status }) => [part.id, part.mapping.object, statusWord(status), fixFor(part, status)]),
  );
}

function verdict(report: DoctorReport): string {
  const problems = report.objects.filter((check) => check.status.kind !== 'ok').length;
  if (report.failure !== undefined) return `Stopped: ${report.failure.message}`;
  if (problems > 0) return `${problems} problem(s) with the mapping: fix them, then run kizuna doctor again.`;
  return `All good: kizuna pull can read all ${report.objects.length} mapped objects.`;
}

export function doctorText(report: DoctorReport): string {
  const lines = [`Kizuna doctor — Salesforce ${report.instanceUrl ?? '(instance from the token response)'} (${report.apiVersion})`, checksTable(report)];
  if (report.objects.length > 0) lines.push('', objectsTable(report.objects));
  lines.push('', verdict(report));
  for (const note of report.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}

export function doctorJson(report: DoctorReport): string {
  const document = {
    command: 'doctor',
    crm: 'salesforce',
    instanceUrl: report.instanceUrl ?? null,
    apiVersion: report.apiVersion,
    signedInWith: report.signedInWith ?? null,
    connected: report.connected,
    usage: usageSummary(report.usage) ?? null,
    objects: report.objects.map(({ part, status }) => ({
      part: part.id,
      datasetKey: part.datasetKey,
      object: part.mapping.object,
      status: status.kind,
      ...(status.kind === 'ok' ? { empty: status.empty } : {}),
      ...(status.kind === 'missingFields' ? { fields: status.fields } : {}),
      fix: fixFor(part, status) || null,
    })),
    failure: report.failure ?? null,
    notes: report.notes,
    exitCode: report.exitCode,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
