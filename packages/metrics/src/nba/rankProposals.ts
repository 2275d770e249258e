import type { ProposedAction } from './proposal';

function compare(a: ProposedAction, b: ProposedAction): number {
  return (
    b.priority.priority - a.priority.priority ||
    b.priority.urgency.value - a.priority.urgency.value ||
    a.action.idempotencyKey.localeCompare(b.action.idempotencyKey)
  );
}

/**
 * Sorts proposals by priority (value × expected effect × urgency), then urgency, then key, and
 * numbers them from 1. Also merges several accounts' proposals into one work list — their values
 * must then be in one currency (convert first; priorities in different currencies do not compare).
 */
export function rankProposals(proposals: readonly ProposedAction[]): ProposedAction[] {
  return [...proposals].sort(compare).map((proposal, index) => ({ ...proposal, rank: index + 1 }));
}
