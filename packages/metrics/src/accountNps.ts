import type { Feedback } from '@kizuna/model';
import { countNps, npsFromCounts, type NpsOptions, type NpsResult } from './nps';

export interface TrailingWindow {
  /** The instant the window ends at (inclusive); injected, never read from a clock here. */
  readonly asOf: string;
  /** Length of the window in days; default 365. */
  readonly days?: number;
}

export interface AccountNpsResult extends NpsResult {
  readonly window: { readonly from: string; readonly to: string };
}

const DAY_MS = 86_400_000;

/**
 * Respondent-level NPS of one account over a trailing window: every NPS answer whose
 * `respondedAt` lies in (asOf − days, asOf]. Answers of other accounts are ignored.
 */
export function accountNps(
  feedback: readonly Feedback[],
  accountId: string,
  window: TrailingWindow,
  options: NpsOptions = {},
): AccountNpsResult {
  const to = Date.parse(window.asOf);
  if (Number.isNaN(to)) throw new RangeError(`asOf must be an ISO date-time (got ${window.asOf})`);
  const from = to - (window.days ?? 365) * DAY_MS;
  const scores: number[] = [];
  for (const answer of feedback) {
    if (answer.kind !== 'nps' || answer.accountId !== accountId) continue;
    const at = Date.parse(answer.respondedAt);
    if (at > from && at <= to) scores.push(answer.score);
  }
  return {
    ...npsFromCounts(countNps(scores), options),
    window: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
  };
}
