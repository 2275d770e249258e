import { describeEvidence, type ProposedAction, type SuppressedAction } from '@kizuna/metrics';
import type { Action } from '@kizuna/model';
import type { Labels } from '../analyze/labels';
import { statWarningJson } from '../output/statWarnings';
import { nbaJsonLimit, nbaTextLimit, nextBestActionsReport, type NextBestActionsReport } from './nextBestActionsReport';
import { nextBestActionsText, playbookCounts } from './nextBestActionsText';
import type { AnalysisContext, JsonValue, Section, SectionModule } from './section';

/** The model's Action exactly (absent optional fields left out), ready to validate or write back. */
function modelActionJson(action: Action): JsonValue {
  const { contactId, dueAt, snoozedUntil, dismissedReason, dismissedAt, crmTaskId } = action;
  const optional = { contactId, dueAt, snoozedUntil, dismissedReason, dismissedAt, crmTaskId };
  return {
    id: action.id,
    accountId: action.accountId,
    ...Object.fromEntries(Object.entries(optional).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    playbookId: action.playbookId,
    title: action.title,
    reasons: [...action.reasons],
    valueAtStake: action.valueAtStake,
    expectedEffect: action.expectedEffect,
    urgency: action.urgency,
    status: action.status,
    idempotencyKey: action.idempotencyKey,
    createdAt: action.createdAt,
  };
}

function proposalJson(proposal: ProposedAction, labels: Labels): JsonValue {
  const { action, priority } = proposal;
  const { value, urgency } = priority;
  return {
    rank: proposal.rank,
    currency: value.currency,
    accountId: action.accountId,
    accountName: labels.label('accountId', action.accountId),
    playbookId: proposal.playbookId,
    title: action.title,
    idempotencyKey: action.idempotencyKey,
    priority: priority.priority,
    priorityText: priority.text,
    valueAtStake: { amount: value.amount, currency: value.currency, basis: value.basis, renewalDate: value.renewalDate ?? null },
    expectedEffect: priority.expectedEffect,
    urgency: { value: urgency.value, reason: urgency.reason, clock: urgency.clock, unit: urgency.unit },
    dueAt: action.dueAt ?? null,
    reasons: proposal.evidence.map(describeEvidence),
    evidence: proposal.evidence.map((evidence) => ({ code: evidence.code, params: { ...evidence.params } })),
    refreshes: proposal.refreshes ?? null,
    action: modelActionJson(action),
  };
}

function countBy(suppressed: readonly SuppressedAction[]): { [reason: string]: number } {
  const counts: { [reason: string]: number } = {};
  for (const { suppression } of suppressed) counts[suppression.reason] = (counts[suppression.reason] ?? 0) + 1;
  return counts;
}

function nextBestActionsJson(report: NextBestActionsReport, labels: Labels): JsonValue {
  return {
    asOf: report.asOf === undefined ? null : { ...report.asOf },
    accounts: report.accounts,
    accountsWithActions: new Set(report.proposed.map((proposal) => proposal.action.accountId)).size,
    proposed: report.proposed.length,
    suppressed: report.suppressed.length,
    suppressedByReason: countBy(report.suppressed),
    currencies: [...report.currencies],
    ranking: 'priority (value at stake × expected effect × urgency) descending within each currency, then urgency, then key',
    byPlaybook: playbookCounts(report.proposed),
    limit: nbaJsonLimit,
    truncated: report.proposed.length > nbaJsonLimit,
    actions: report.proposed.slice(0, nbaJsonLimit).map((proposal) => proposalJson(proposal, labels)),
    warnings: report.warnings.map(({ accountId, warning }) => ({ accountId, ...statWarningJson(warning) })),
  };
}

/** Next best actions for every account, ranked by priority, with their reasons and idempotency keys. */
export const nextBestActionsSection: SectionModule = {
  id: 'nextBestActions',
  title: 'Next best actions',
  build(context: AnalysisContext): Section {
    const report = nextBestActionsReport(context);
    return {
      id: 'nextBestActions',
      title: `Next best actions (top ${nbaTextLimit} by priority)`,
      toJson: () => nextBestActionsJson(report, context.labels),
      toText: () => nextBestActionsText(report, context.labels),
    };
  },
};
