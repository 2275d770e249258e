import type { Account, EmployeePulse, Feedback } from '@kizuna/model';
import type { KpiWarning } from '../warnings';
import { correlationEstimate, pearson, type CorrelationEstimate } from './correlationEstimate';
import { shiftQuarter } from './quarters';
import { teamQuarterCx, teamQuarterEngagement, type TeamCxOutcome, type TeamQuarterValues } from './teamQuarterCells';

export interface CxExLinkageInput {
  readonly accounts: readonly Account[];
  readonly feedback: readonly Feedback[];
  readonly employeePulses: readonly EmployeePulse[];
}

export interface CxExLinkageOptions {
  /** Quarters by which engagement precedes CX; default [0, 1, 2]. */
  readonly lags?: readonly number[];
  /** CX number per team-quarter; default 'mean_score' (steadier than NPS at ~10–20 answers). */
  readonly outcome?: TeamCxOutcome;
  /** Minimum relationship answers in a team-quarter; default 5. */
  readonly minimumResponses?: number;
  /** Minimum pulse respondents; default 5, and never lower (anonymity threshold). */
  readonly minimumRespondents?: number;
  /** Below this many team-quarters a lag carries `small_sample` (≈70 for 80 % power at r = .33); default 30. */
  readonly minimumTeamQuarters?: number;
  readonly level?: number;
}

export interface LaggedLinkage {
  /** Engagement of quarter t − lag against CX of quarter t. */
  readonly lag: number;
  /** Correlation across all team-quarters (mixes stable team differences with changes over time). */
  readonly pooled: CorrelationEstimate | null;
  /**
   * Both sides centred on each team's own mean first, so only a team's movements over time count
   * (stable differences between teams, e.g. a team's engagement baseline, drop out); degrees of
   * freedom are reduced by the team means removed; teams with one usable quarter drop out.
   * Caution: with few quarters per team, centring biases the other lags negative (about −1/(T − 1)
   * times the real lagged link), so read it next to `pooled`, not instead of it.
   */
  readonly withinTeam: (CorrelationEstimate & { readonly teams: number }) | null;
  readonly teams: number;
}

export interface CxExLinkageResult {
  readonly outcome: TeamCxOutcome;
  readonly lags: readonly LaggedLinkage[];
  /** Pulses left out because fewer than the anonymity threshold responded. */
  readonly suppressedPulses: number;
  /** Team-quarters left out for too few relationship answers. */
  readonly sparseCxCells: number;
  readonly warnings: readonly KpiWarning[];
}

interface Pair { readonly team: string; readonly ex: number; readonly cx: number }

function pairsAtLag(cx: TeamQuarterValues, ex: TeamQuarterValues, lag: number): Pair[] {
  const pairs: Pair[] = [];
  for (const [key, value] of cx) {
    const [team = '', period = ''] = key.split('|');
    const earlier = shiftQuarter(period, -lag);
    const engagement = earlier === null ? undefined : ex.get(`${team}|${earlier}`);
    if (engagement !== undefined) pairs.push({ team, ex: engagement, cx: value });
  }
  return pairs;
}

function withinTeamEstimate(pairs: readonly Pair[], level: number): (CorrelationEstimate & { teams: number }) | null {
  const byTeam = new Map<string, Pair[]>();
  for (const pair of pairs) {
    const list = byTeam.get(pair.team);
    if (list === undefined) byTeam.set(pair.team, [pair]);
    else list.push(pair);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  let teams = 0;
  for (const list of byTeam.values()) {
    if (list.length < 2) continue;
    teams += 1;
    const mx = list.reduce((sum, p) => sum + p.ex, 0) / list.length;
    const my = list.reduce((sum, p) => sum + p.cx, 0) / list.length;
    for (const p of list) {
      xs.push(p.ex - mx);
      ys.push(p.cx - my);
    }
  }
  const estimate = correlationEstimate(pearson(xs, ys), xs.length, { level, extraParameters: teams - 1 });
  return estimate === null ? null : { ...estimate, teams };
}

/**
 * CX–EX linkage at the serving-team level (analytics.md §3): for each lag k, the correlation of
 * a team's engagement in quarter t − k with its accounts' relationship CX in quarter t, pooled
 * and within teams, with Fisher-z intervals. An association, not proof of cause: compare the lags.
 * Privacy: only aggregates over many teams are returned — never a team's engagement — and pulses
 * below the anonymity threshold (≥ 5 respondents, not configurable downwards) are not used at all.
 */
export function cxExLinkage(input: CxExLinkageInput, options: CxExLinkageOptions = {}): CxExLinkageResult {
  const outcome = options.outcome ?? 'mean_score';
  const level = options.level ?? 0.95;
  const minimumTeamQuarters = options.minimumTeamQuarters ?? 30;
  const cx = teamQuarterCx(input.accounts, input.feedback, outcome, options.minimumResponses ?? 5);
  const ex = teamQuarterEngagement(input.employeePulses, Math.max(5, options.minimumRespondents ?? 5));
  const warnings: KpiWarning[] = [];
  if (ex.suppressed > 0) warnings.push({ code: 'suppressed', detail: { pulses: ex.suppressed } });
  const lags = (options.lags ?? [0, 1, 2]).map((lag): LaggedLinkage => {
    const pairs = pairsAtLag(cx.values, ex.values, lag);
    if (pairs.length === 0) warnings.push({ code: 'no_data', detail: { lag } });
    else if (pairs.length < minimumTeamQuarters) {
      warnings.push({ code: 'small_sample', detail: { lag, n: pairs.length, minimum: minimumTeamQuarters } });
    }
    return {
      lag,
      pooled: correlationEstimate(pearson(pairs.map((p) => p.ex), pairs.map((p) => p.cx)), pairs.length, { level }),
      withinTeam: withinTeamEstimate(pairs, level),
      teams: new Set(pairs.map((p) => p.team)).size,
    };
  });
  return { outcome, lags, suppressedPulses: ex.suppressed, sparseCxCells: cx.tooFew, warnings };
}
