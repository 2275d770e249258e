import { proportionFromCounts, sampleSizeWarnings, type Interval, type KpiWarning } from '@kizuna/metrics';
import type { Account, Feedback } from '@kizuna/model';
import { quantileSorted } from 'd3-array';

/** Closed-loop performance of one group: how much feedback needing follow-up was closed, and how fast. */
export interface ClosedLoopRow {
  /** `company` or a business unit id. */
  readonly id: string;
  /** Answers that needed a follow-up (any state but `not_required`). */
  readonly needed: number;
  readonly closed: number;
  /** Closed no later than due. */
  readonly closedWithinTarget: number;
  /** Share closed within target among those needing follow-up, with its Wilson interval. */
  readonly withinTargetShare: number | null;
  readonly withinTargetInterval: Interval | null;
  /** Open (not closed) and past due at `asOf`. */
  readonly overdue: number;
  /** Hours from the answer to closing: median and 90th percentile of closed loops. */
  readonly medianHoursToClose: number | null;
  readonly p90HoursToClose: number | null;
  /**
   * The metrics core's minimum-n warnings (`small_sample`, `no_data`) of the share closed within
   * target (n = answers needing follow-up) and of the time to close (n = closed loops).
   */
  readonly withinTargetWarnings: readonly KpiWarning[];
  readonly timeToCloseWarnings: readonly KpiWarning[];
}

const hourMs = 3_600_000;

function rowOf(id: string, answers: readonly Feedback[], asOf: number): ClosedLoopRow {
  const needing = answers.filter((answer) => answer.followUp.state !== 'not_required');
  let closed = 0;
  let withinTarget = 0;
  let overdue = 0;
  const hours: number[] = [];
  for (const answer of needing) {
    const { state, dueAt, closedAt } = answer.followUp;
    if (state === 'closed' && closedAt !== undefined) {
      closed += 1;
      hours.push((Date.parse(closedAt) - Date.parse(answer.respondedAt)) / hourMs);
      if (dueAt !== undefined && Date.parse(closedAt) <= Date.parse(dueAt)) withinTarget += 1;
    } else if (dueAt !== undefined && Date.parse(dueAt) < asOf) overdue += 1;
  }
  hours.sort((a, b) => a - b);
  const share = proportionFromCounts(withinTarget, needing.length);
  return {
    id,
    needed: needing.length,
    closed,
    closedWithinTarget: withinTarget,
    withinTargetShare: share.share,
    withinTargetInterval: share.interval,
    overdue,
    medianHoursToClose: hours.length > 0 ? (quantileSorted(hours, 0.5) ?? null) : null,
    p90HoursToClose: hours.length > 0 ? (quantileSorted(hours, 0.9) ?? null) : null,
    withinTargetWarnings: share.warnings,
    timeToCloseWarnings: sampleSizeWarnings(hours.length),
  };
}

/** Closed-loop performance for the company and each business unit with feedback needing follow-up. */
export function closedLoopView(feedback: readonly Feedback[], accounts: readonly Account[], asOf: string): { company: ClosedLoopRow; units: ClosedLoopRow[] } {
  const at = Date.parse(asOf);
  const unitOf = new Map(accounts.map((account) => [account.id, account.businessUnitId]));
  const byUnit = new Map<string, Feedback[]>();
  for (const answer of feedback) {
    const unit = unitOf.get(answer.accountId);
    if (unit === undefined) continue;
    const list = byUnit.get(unit) ?? [];
    list.push(answer);
    byUnit.set(unit, list);
  }
  const units = [...byUnit.entries()]
    .map(([unit, answers]) => rowOf(unit, answers, at))
    .filter((row) => row.needed > 0)
    .sort((a, b) => a.id.localeCompare(b.id));
  return { company: rowOf('company', feedback, at), units };
}
