import {
  cxExLinkage,
  operationalDrivers,
  type CxExLinkageResult,
  type LaggedLinkage,
  type OperationalDriverEffect,
  type OperationalMetric,
} from '@kizuna/metrics';
import type { CanonicalDataset } from '@kizuna/model';

/** Anonymity threshold for pulses: the metrics core never goes lower either. */
export const pulseMinimumRespondents = 5;
export const linkageLags: readonly number[] = [0, 1, 2];

export interface LinkageView {
  readonly cxEx: CxExLinkageResult;
  /** The lag whose pooled correlation is furthest from 0 with an interval excluding 0. */
  readonly strongest: LaggedLinkage | undefined;
  readonly operational: readonly OperationalDriverEffect[];
}

function strongestLag(lags: readonly LaggedLinkage[]): LaggedLinkage | undefined {
  let best: LaggedLinkage | undefined;
  for (const lag of lags) {
    const pooled = lag.pooled;
    if (pooled === null || (pooled.interval.low <= 0 && pooled.interval.high >= 0)) continue;
    if (best?.pooled == null || Math.abs(pooled.r) > Math.abs(best.pooled.r)) best = lag;
  }
  return best;
}

/**
 * The EX and operational causes behind CX: serving-team engagement against their accounts' NPS by
 * lag (never from a pulse under 5 respondents, never one team's figure), and operational drivers
 * (resolution time, SLA, escalations, onboarding) against churn and NPS.
 */
export function linkageView(dataset: Pick<CanonicalDataset, 'accounts' | 'feedback' | 'employeePulses' | 'supportCases'>, windowFeedback: CanonicalDataset['feedback'], asOf: string): LinkageView {
  const cxEx = cxExLinkage(
    { accounts: dataset.accounts, feedback: dataset.feedback, employeePulses: dataset.employeePulses },
    { lags: linkageLags, minimumRespondents: pulseMinimumRespondents },
  );
  const operational = operationalDrivers({ accounts: dataset.accounts, supportCases: dataset.supportCases, feedback: windowFeedback }, { asOf });
  return { cxEx, strongest: strongestLag(cxEx.lags), operational };
}

/** Operational measures read from the period's support cases (onboarding duration is an account field). */
const caseMetrics: ReadonlySet<OperationalMetric> = new Set(['median_resolution_hours', 'sla_compliance', 'escalation_rate']);

/**
 * Whether the period holds nothing to link: no CX–EX correlation at any lag, no operational
 * measure correlated with NPS, and no account with support cases in the period. Onboarding
 * duration against churn reads account fields alone, the same whatever the period, so on its own
 * it does not make a period without feedback, pulses or cases worth a table of empty rows.
 */
export function linkageIsEmpty(view: LinkageView): boolean {
  return (
    view.cxEx.lags.every((lag) => lag.pooled === null) &&
    view.operational.every((effect) => effect.npsCorrelation === null && (!caseMetrics.has(effect.metric) || effect.accounts === 0))
  );
}
