import type { ChurnQuartile, CorrelationEstimate, LaggedLinkage, OperationalDriverEffect, RateRatio } from '@kizuna/metrics';
import { intervalJson } from '../output/formatStats';
import { statWarningJson } from '../output/statWarnings';
import { windowJson } from './analysisTime';
import { windowText } from './kpiText';
import { linkageLags, linkageReport, pulseMinimumRespondents, type LinkageReport } from './linkageReport';
import { linkageText } from './linkageText';
import type { AnalysisContext, JsonValue, Section, SectionModule } from './section';

function correlationJson(estimate: (CorrelationEstimate & { readonly teams?: number }) | null): JsonValue {
  if (estimate === null) return null;
  return {
    r: estimate.r,
    interval: intervalJson(estimate.interval),
    n: estimate.n,
    p: estimate.p,
    degreesOfFreedom: estimate.degreesOfFreedom,
    ...(estimate.teams === undefined ? {} : { teams: estimate.teams }),
  };
}

function lagJson(lag: LaggedLinkage): JsonValue {
  return { lag: lag.lag, teams: lag.teams, pooled: correlationJson(lag.pooled), withinTeam: correlationJson(lag.withinTeam) };
}

function quartileJson(q: ChurnQuartile): JsonValue {
  return { quartile: q.quartile, from: q.from, to: q.to, accounts: q.accounts, churned: q.churned, churnRate: q.churnRate, interval: intervalJson(q.interval) };
}

function rateRatioJson(ratio: RateRatio | null): JsonValue {
  if (ratio === null) return null;
  return { ratio: ratio.ratio, interval: intervalJson(ratio.interval), worst: { ...ratio.exposed }, rest: { ...ratio.comparison } };
}

function operationalJson(effect: OperationalDriverEffect): JsonValue {
  return {
    metric: effect.metric,
    worseWhen: effect.worseWhen,
    accounts: effect.accounts,
    quartiles: effect.quartiles.map(quartileJson),
    worstQuartileVsRest: rateRatioJson(effect.worstQuartileVsRest),
    churnCorrelation: correlationJson(effect.churnCorrelation),
    npsCorrelation: correlationJson(effect.npsCorrelation),
    warnings: effect.warnings.map(statWarningJson),
  };
}

function linkageJson(report: LinkageReport, context: AnalysisContext): JsonValue {
  const { cxEx, strongest } = report;
  return {
    window: windowJson(context.options.window),
    cxEx: {
      outcome: cxEx.outcome,
      lags: cxEx.lags.map(lagJson),
      strongestLag: strongest === undefined ? null : strongest.lag,
      minimumRespondents: pulseMinimumRespondents,
      suppressedPulses: cxEx.suppressedPulses,
      sparseCxCells: cxEx.sparseCxCells,
      warnings: cxEx.warnings.map(statWarningJson),
    },
    operational: {
      asOf: report.asOf === undefined ? null : { ...report.asOf },
      metrics: report.operational.map(operationalJson),
    },
  };
}

/** CX–EX linkage by lag (aggregates only) and operational drivers of churn and NPS. */
export const linkageSection: SectionModule = {
  id: 'linkage',
  title: 'Linkage',
  build(context: AnalysisContext): Section {
    const report = linkageReport(context);
    return {
      id: 'linkage',
      title: `Linkage: employee engagement (lags ${linkageLags.join(', ')} quarters) and operations against CX`,
      toJson: () => linkageJson(report, context),
      toText: () => linkageText(report, windowText(context.options.window)),
    };
  },
};
