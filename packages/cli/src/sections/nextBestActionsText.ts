import { describeEvidence, type PlaybookId, type ProposedAction } from '@kizuna/metrics';
import { formatCount } from '../output/formatKpi';
import { plural } from '../output/formatStats';
import { describeStatWarning } from '../output/statWarnings';
import { renderTable } from '../output/textTable';
import type { Labels } from '../analyze/labels';
import { asOfText } from './analysisTime';
import { nbaTextLimit, type NextBestActionsReport } from './nextBestActionsReport';

const playbookNames: Record<PlaybookId, string> = {
  dm_detractor_no_follow_up: 'detractor decision maker without follow-up',
  renewal_health_falling: 'renewal with falling health',
  onboarding_stalled: 'onboarding stalled',
  exec_not_engaged_before_qbr: 'executives not engaged before a QBR',
  support_backlog: 'support backlog',
  champion_quiet: 'champion quiet',
};

/** Proposals and distinct accounts per playbook, in the order playbooks first appear by rank. */
export function playbookCounts(proposed: readonly ProposedAction[]): Array<{ playbookId: PlaybookId; proposed: number; accounts: number }> {
  const counts = new Map<PlaybookId, { proposed: number; accounts: Set<string> }>();
  for (const { playbookId, action } of proposed) {
    const count = counts.get(playbookId) ?? { proposed: 0, accounts: new Set<string>() };
    count.proposed += 1;
    count.accounts.add(action.accountId);
    counts.set(playbookId, count);
  }
  return [...counts].map(([playbookId, count]) => ({ playbookId, proposed: count.proposed, accounts: count.accounts.size }));
}

function actionBlock(proposal: ProposedAction, labels: Labels): string[] {
  const { action, priority } = proposal;
  const [first = '', ...rest] = proposal.evidence.map(describeEvidence);
  const due = action.dueAt === undefined ? '' : `due ${action.dueAt.slice(0, 10)} · `;
  return [
    `  ${String(proposal.rank).padStart(3)}. ${labels.label('accountId', action.accountId)} — ${action.title}`,
    `       priority: ${priority.text}`,
    `       why: ${first}`,
    ...rest.map((reason) => `            ${reason}`),
    `       ${due}playbook: ${playbookNames[proposal.playbookId]} · key ${action.idempotencyKey}`,
  ];
}

function summaryLines(report: NextBestActionsReport): string[] {
  const accountsWith = new Set(report.proposed.map((proposal) => proposal.action.accountId)).size;
  const held = report.suppressed.length === 0 ? '' : `; ${plural(report.suppressed.length, 'situation')} held back (already done, accepted, dismissed recently or snoozed)`;
  const rows = playbookCounts(report.proposed).map((count) => [playbookNames[count.playbookId], formatCount(count.proposed), formatCount(count.accounts)]);
  return [
    `${plural(report.proposed.length, 'action')} proposed for ${formatCount(accountsWith)} of ${plural(report.accounts, 'account')}${held}.`,
    'Priority = value at stake × expected effect × urgency.',
    ...(rows.length === 0 ? [] : [renderTable([{ header: 'playbook', align: 'left' }, { header: 'proposed', align: 'right' }, { header: 'accounts', align: 'right' }], rows)]),
  ];
}

function topLists(report: NextBestActionsReport, labels: Labels): string[] {
  const several = report.currencies.length > 1;
  const lines: string[] = several ? ['Priorities in different currencies do not compare: ranked within each currency.'] : [];
  for (const currency of report.currencies) {
    const inCurrency = report.proposed.filter((proposal) => proposal.priority.value.currency === currency);
    const top = inCurrency.slice(0, nbaTextLimit);
    lines.push('', `Top ${top.length} of ${formatCount(inCurrency.length)} by priority${several ? ` (${currency})` : ''}:`);
    for (const proposal of top) lines.push(...actionBlock(proposal, labels));
  }
  return lines;
}

/** The next-best-actions section's body: when, how many, by playbook, then the top actions with their reasons. */
export function nextBestActionsText(report: NextBestActionsReport, labels: Labels): string {
  if (report.asOf === undefined) return '  No activity timestamps in the data and no --to: nothing to decide at. Pass --to.';
  const warnings = report.warnings.slice(0, 20).map(({ accountId, warning }) => `  note: ${labels.label('accountId', accountId)}: ${describeStatWarning(warning)}`);
  return [`Decided as of ${asOfText(report.asOf)}.`, ...summaryLines(report), ...topLists(report, labels), ...warnings].join('\n');
}
