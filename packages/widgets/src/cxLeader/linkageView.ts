import { cxExLinkage, operationalDrivers, type CxExLinkageResult, type LaggedLinkage, type OperationalDriverEffect } from '@kizuna/metrics';
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
