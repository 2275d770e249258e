import {
  cxExLinkage,
  operationalDrivers,
  type CxExLinkageResult,
  type LaggedLinkage,
  type OperationalDriverEffect,
} from '@kizuna/metrics';
import { inWindow, resolveAsOf, type AsOf } from './analysisTime';
import type { AnalysisContext } from './section';

/** The anonymity threshold for employee pulses: the metrics core never goes lower either. */
export const pulseMinimumRespondents = 5;
/** Lags (quarters by which engagement precedes CX) that are compared. */
export const linkageLags: readonly number[] = [0, 1, 2];

export interface LinkageReport {
  readonly cxEx: CxExLinkageResult;
  /** The lag whose pooled correlation is furthest from 0 with an interval that excludes 0; `undefined` if none does. */
  readonly strongest: LaggedLinkage | undefined;
  readonly operational: readonly OperationalDriverEffect[];
  /** The instant open support cases are judged at (an open case past its SLA is a breach). */
  readonly asOf: AsOf | undefined;
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
 * CX–EX linkage (serving-team engagement against their accounts' relationship CX, by lag) and
 * operational drivers of churn and NPS. CX answers and support cases come from the window;
 * engagement pulses are not cut by it, since a lag reaches back before the window's start.
 * Only aggregates across teams come back: no team's engagement is ever reported.
 */
export function linkageReport(context: AnalysisContext): LinkageReport {
  const { dataset, options } = context;
  const feedback = dataset.feedback.filter((answer) => inWindow(options.window, answer.respondedAt));
  const supportCases = dataset.supportCases.filter((supportCase) => inWindow(options.window, supportCase.openedAt));
  const cxEx = cxExLinkage(
    { accounts: dataset.accounts, feedback, employeePulses: dataset.employeePulses },
    { lags: linkageLags, minimumRespondents: pulseMinimumRespondents },
  );
  const asOf = resolveAsOf(dataset, options.window);
  const operational = operationalDrivers({ accounts: dataset.accounts, supportCases, feedback }, asOf === undefined ? {} : { asOf: asOf.instant });
  return { cxEx, strongest: strongestLag(cxEx.lags), operational, asOf };
}
