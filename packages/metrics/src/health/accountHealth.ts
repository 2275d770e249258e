import type { AccountContext } from '@kizuna/model';
import { healthSnapshot, type HealthSnapshot } from './healthSnapshot';
import type { ScorecardConfig } from './scorecardConfig';
import { DAY_MS, parseInstant } from './timeline';

export type TrendDirection = 'up' | 'down' | 'flat';

/** Current score against the same scorecard evaluated `trendDays` earlier on the data known then. */
export interface HealthTrend {
  readonly previous: HealthSnapshot;
  /** current − previous in points; null when either score is missing. */
  readonly delta: number | null;
  /** Up / down when |delta| reaches `flatWithin`, else flat; null when delta is. */
  readonly direction: TrendDirection | null;
  /**
   * Whether both scores rest on the same measures. When not, part of the delta comes from a
   * measure appearing or disappearing rather than from a change in the account.
   */
  readonly comparable: boolean;
}

export interface AccountHealth extends HealthSnapshot {
  readonly trend: HealthTrend;
}

export interface AccountHealthOptions {
  /** The instant the score is computed at (injected clock). Only data up to then is used. */
  readonly asOf: string;
}

function measuresOf(snapshot: HealthSnapshot): string {
  return snapshot.contributions.map((item) => item.measure).sort().join(',');
}

function trendOf(current: HealthSnapshot, previous: HealthSnapshot, flatWithin: number): HealthTrend {
  const comparable = measuresOf(current) === measuresOf(previous);
  if (current.score === null || previous.score === null) return { previous, delta: null, direction: null, comparable };
  const delta = current.score - previous.score;
  const direction: TrendDirection = Math.abs(delta) < flatWithin ? 'flat' : delta > 0 ? 'up' : 'down';
  return { previous, delta, direction, comparable };
}

/**
 * The account's health: a configurable weighted scorecard (validate the config with
 * `assertScorecardConfig`, or use `defaultScorecardConfig`), its band, what drives it (per-measure
 * contributions, biggest shortfall first) and its trend against `config.trendDays` earlier,
 * recomputed from the data that existed then.
 */
export function accountHealth(context: AccountContext, config: ScorecardConfig, options: AccountHealthOptions): AccountHealth {
  const asOfMs = parseInstant(options.asOf);
  const current = healthSnapshot(context, config, asOfMs);
  const previous = healthSnapshot(context, config, asOfMs - config.trendDays * DAY_MS);
  return { ...current, trend: trendOf(current, previous, config.flatWithin) };
}
