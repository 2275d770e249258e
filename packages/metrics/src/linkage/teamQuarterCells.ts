import type { Account, EmployeePulse, Feedback } from '@kizuna/model';
import { countNps, npsFromCounts } from '../nps';
import { quarterOf } from './quarters';

/** Which CX number a team-quarter gets: mean 0–10 score, or NPS (−100…100). */
export type TeamCxOutcome = 'mean_score' | 'nps';

/** `team|YYYY-Qn` → value. Internal to the linkage computations; never returned to callers. */
export type TeamQuarterValues = ReadonlyMap<string, number>;

export const cellKey = (teamId: string, period: string): string => `${teamId}|${period}`;

/**
 * CX per serving team and quarter: the relationship NPS answers of the team's accounts answered
 * in that quarter. Cells with fewer than `minimumResponses` answers are left out and counted.
 */
export function teamQuarterCx(
  accounts: readonly Account[],
  feedback: readonly Feedback[],
  outcome: TeamCxOutcome,
  minimumResponses: number,
): { values: TeamQuarterValues; tooFew: number } {
  const teamOf = new Map(accounts.map((account) => [account.id, account.servingTeamId]));
  const scores = new Map<string, number[]>();
  for (const answer of feedback) {
    if (answer.kind !== 'nps' || answer.programme !== 'relationship') continue;
    const team = teamOf.get(answer.accountId);
    if (team === undefined) continue;
    const key = cellKey(team, quarterOf(answer.respondedAt));
    const list = scores.get(key) ?? [];
    list.push(answer.score);
    scores.set(key, list);
  }
  const values = new Map<string, number>();
  let tooFew = 0;
  for (const [key, list] of scores) {
    if (list.length < minimumResponses) {
      tooFew += 1;
      continue;
    }
    const value = outcome === 'nps' ? npsFromCounts(countNps(list)).nps : list.reduce((a, b) => a + b, 0) / list.length;
    if (value !== null) values.set(key, value);
  }
  return { values, tooFew };
}

/**
 * Engagement per team and quarter, only from pulses with at least `minimumRespondents`
 * respondents (anonymity: smaller pulses are counted as suppressed and never used).
 */
export function teamQuarterEngagement(
  pulses: readonly EmployeePulse[],
  minimumRespondents: number,
): { values: TeamQuarterValues; suppressed: number } {
  const values = new Map<string, number>();
  let suppressed = 0;
  for (const pulse of pulses) {
    if (!/^\d{4}-Q[1-4]$/.test(pulse.period)) continue;
    if (pulse.respondents < minimumRespondents) {
      suppressed += 1;
      continue;
    }
    values.set(cellKey(pulse.teamId, pulse.period), pulse.engagement);
  }
  return { values, suppressed };
}
