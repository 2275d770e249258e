import type { ApiUsage } from '@kizuna/crm-core';
import type { PullPart } from '../crm/pullParts';
import { formatCount } from '../output/formatKpi';
import { renderTable } from '../output/textTable';
import { rejectedFile, type Checkpoint } from './checkpoint';
import type { ReferenceSummary } from './referenceEntities';

/** What a finished pull reports (every run of a resumed pull included). */
export interface PullSummary {
  /** Which CRM was pulled (default Salesforce); for Zoho, `instanceUrl` is the org's `api_domain`. */
  readonly crm?: 'salesforce' | 'zoho';
  readonly instanceUrl: string;
  readonly apiVersion: string;
  readonly out: string;
  readonly resumed: boolean;
  readonly files: ReadonlyArray<{ readonly file: string; readonly rows: number; readonly rejected: number; readonly objects: readonly string[] }>;
  readonly references: ReferenceSummary;
  readonly rejected: number;
  /** Round trips of this run (token requests excluded). */
  readonly apiCalls: number;
  readonly usage: ApiUsage | undefined;
}

export function summaryOf(parts: readonly PullPart[], checkpoint: Checkpoint, rest: Omit<PullSummary, 'files' | 'rejected'>): PullSummary {
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
  const all = [...files.values()];
  return { ...rest, files: all, rejected: all.reduce((sum, file) => sum + file.rejected, 0) };
}

function usageText(usage: ApiUsage | undefined, crm: PullSummary['crm']): string {
  if (usage === undefined) return crm === 'zoho' ? 'Zoho CRM reports no API usage on its answers (see Setup › Developer Hub › APIs)' : 'Salesforce reported no API usage';
  const share = usage.limit > 0 ? ` (${((usage.used / usage.limit) * 100).toFixed(1)}%)` : '';
  return `daily API usage ${formatCount(usage.used)} of ${formatCount(usage.limit)}${share}`;
}

export function pullText(summary: PullSummary): string {
  const { references } = summary;
  const derived = (file: string, rows: number, from: string) => [file, formatCount(rows), '', `derived from ${from}`];
  const rows = [
    ...summary.files.map((file) => [file.file, formatCount(file.rows), formatCount(file.rejected), file.objects.join(', ')]),
    derived('businessUnits.jsonl', references.businessUnits, 'accounts'),
    derived('productLines.jsonl', references.productLines, 'accounts'),
    derived('segments.jsonl', references.segments, 'accounts'),
    derived('teams.jsonl', references.teams, 'accounts, touchpoints and cases'),
  ];
  const table = renderTable(
    [
      { header: 'file', align: 'left' },
      { header: 'rows', align: 'right' },
      { header: 'rejected', align: 'right' },
      { header: 'from', align: 'left' },
    ],
    rows,
  );
  const lines = [
    `Pulled ${summary.instanceUrl} (${summary.apiVersion}) into ${summary.out}${summary.resumed ? ' (resumed)' : ''}`,
    table,
    `API calls this run: ${formatCount(summary.apiCalls)}; ${usageText(summary.usage, summary.crm)}.`,
  ];
  if (references.teamsWithoutUnit > 0) {
    lines.push(
      `${formatCount(references.teamsWithoutUnit)} team key(s) are linked to no account (e.g. seen only on employee pulses), so their business unit is unknown: ` +
        'they were left out of teams.jsonl, and kizuna analyze will warn about the rows that name them.',
    );
  }
  if (summary.rejected > 0) lines.push(`${formatCount(summary.rejected)} record(s) failed validation: see ${summary.out}/${rejectedFile}.`);
  lines.push(`Next: kizuna analyze --data ${summary.out}`);
  return `${lines.join('\n')}\n`;
}

export function pullJson(summary: PullSummary): string {
  const document = {
    command: 'pull',
    crm: summary.crm ?? 'salesforce',
    ...(summary.crm === 'zoho' ? { apiDomain: summary.instanceUrl } : { instanceUrl: summary.instanceUrl }),
    apiVersion: summary.apiVersion,
    out: summary.out,
    resumed: summary.resumed,
    files: summary.files,
    references: summary.references,
    rejected: summary.rejected,
    rejectedFile,
    apiCalls: summary.apiCalls,
    usage: summary.usage === undefined ? null : { used: summary.usage.used, limit: summary.usage.limit },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
