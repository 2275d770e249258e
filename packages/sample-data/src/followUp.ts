import type { FollowUp, FollowUpState } from '@kizuna/model';
import { dayMs, hourMs, toDateTime } from './calendar';
import type { Random } from './random';

/** Days the closed loop has to answer: an interaction complaint within 3 days, a relationship detractor within 7. */
export const followUpDueDays = { interaction: 3, relationship: 7 } as const;

const recentStates: readonly (readonly [FollowUpState, number])[] = [
  ['open', 30],
  ['acknowledged', 15],
  ['in_progress', 20],
  ['escalated', 10],
  ['closed', 25],
];
const olderStates: readonly (readonly [FollowUpState, number])[] = [
  ['closed', 88],
  ['open', 5],
  ['in_progress', 4],
  ['escalated', 3],
];

/**
 * The closed-loop state of a response as of `asOfMs`. Negative responses need a follow-up: the
 * freshest are open or acknowledged, a month's worth are mid-way, older ones are mostly closed but
 * some are still open long past their due date (overdue).
 */
export function followUpFor(random: Random, needed: boolean, respondedMs: number, asOfMs: number, dueDays: number): FollowUp {
  if (!needed) return { state: 'not_required' };
  const dueMs = respondedMs + dueDays * dayMs;
  const ageMs = asOfMs - respondedMs;
  let state: FollowUpState;
  if (ageMs < dueDays * dayMs) state = random.chance(0.5) ? 'open' : 'acknowledged';
  else state = random.weighted(ageMs < 30 * dayMs ? recentStates : olderStates);
  const dueAt = toDateTime(dueMs);
  if (state !== 'closed') return { state, dueAt };
  const closedMs = respondedMs + random.int(2, 10 * 24) * hourMs;
  if (closedMs >= asOfMs) return { state: 'in_progress', dueAt };
  return { state, dueAt, closedAt: toDateTime(closedMs) };
}
