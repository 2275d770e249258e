import type { CorrelationEstimate, LaggedLinkage, OperationalDriverEffect, OperationalMetric } from '@kizuna/metrics';
import { formatCount } from '../output/formatKpi';
import { formatDecimal, formatP, formatPercent, plural, withRange } from '../output/formatStats';
import { describeStatWarning } from '../output/statWarnings';
import { renderTable } from '../output/textTable';
import { asOfText } from './analysisTime';
import { pulseMinimumRespondents, type LinkageReport } from './linkageReport';

const metricNames: Record<OperationalMetric, string> = {
  median_resolution_hours: 'median time to resolution',
  sla_compliance: 'SLA compliance',
  escalation_rate: 'escalation rate',
  onboarding_days: 'onboarding duration',
};

const r = (value: number): string => formatDecimal(value);
const correlation = (estimate: CorrelationEstimate | null): string =>
  estimate === null ? '—' : withRange(r(estimate.r), estimate.interval, r);
const lagWords = (lag: number): string => (lag === 0 ? 'the same quarter' : lag === 1 ? 'one quarter earlier' : `${lag} quarters earlier`);

function lagRow(lag: LaggedLinkage): string[] {
  return [
    String(lag.lag),
    correlation(lag.pooled),
    lag.pooled === null ? '—' : formatCount(lag.pooled.n),
    formatCount(lag.teams),
    formatP(lag.pooled?.p),
    correlation(lag.withinTeam),
  ];
}

function cxExText(report: LinkageReport): string[] {
  const { cxEx, strongest } = report;
  const table = renderTable(
    [
      { header: 'lag', align: 'right' }, { header: 'pooled r (95%)', align: 'left' }, { header: 'team-quarters', align: 'right' },
      { header: 'teams', align: 'right' }, { header: 'p', align: 'right' }, { header: 'within-team r (95%)', align: 'left' },
    ],
    cxEx.lags.map(lagRow),
  );
  const estimated = cxEx.lags.some((lag) => lag.pooled !== null);
  const link = strongest?.pooled == null
    ? estimated ? '  No lag links engagement and CX: every interval includes 0.' : '  No lag could be estimated: too few team-quarters with both figures.'
    : `  Strongest link: engagement ${lagWords(strongest.lag)} (lag ${strongest.lag}), r ${correlation(strongest.pooled)}. An association, not proof of cause.`;
  const notes = [
    `  ${plural(cxEx.suppressedPulses, 'pulse')} with fewer than ${pulseMinimumRespondents} respondents left out (anonymity: never shown or used).`,
    `  ${plural(cxEx.sparseCxCells, 'team-quarter')} with fewer than 5 relationship answers left out.`,
    ...cxEx.warnings.filter((warning) => warning.code !== 'suppressed').map((warning) => `  note: ${describeStatWarning(warning)}`),
  ];
  return [
    `CX–EX linkage: each serving team's engagement in quarter t − lag against its accounts' relationship CX (mean 0–10 score) in quarter t.`,
    `Aggregates across teams only. Within-team r uses each team's changes over time (read it next to the pooled r).`,
    table,
    link,
    ...notes,
  ];
}

function operationalRow(effect: OperationalDriverEffect): string[] {
  const worst = effect.quartiles.find((quartile) => quartile.quartile === 4);
  const ratio = effect.worstQuartileVsRest;
  return [
    metricNames[effect.metric],
    `${effect.worseWhen} is worse`,
    formatCount(effect.accounts),
    worst === undefined ? '—' : withRange(formatPercent(worst.churnRate), worst.interval, formatPercent),
    ratio === null ? '—' : withRange(formatDecimal(ratio.ratio), ratio.interval, (v) => formatDecimal(v)),
    correlation(effect.churnCorrelation),
    correlation(effect.npsCorrelation),
    effect.warnings.map(describeStatWarning).join('; '),
  ];
}

function operationalText(report: LinkageReport): string[] {
  const judged = report.asOf === undefined ? 'closed cases only' : `open cases past their SLA as of ${asOfText(report.asOf)} count as breaches`;
  return [
    `Operational drivers: churn (worst quartile of accounts against the rest) and mean relationship NPS score by each account's support and onboarding figures. Associations, not causes.`,
    `SLA compliance: ${judged}.`,
    renderTable(
      [
        { header: 'metric', align: 'left' }, { header: 'direction', align: 'left' }, { header: 'accounts', align: 'right' },
        { header: 'worst-quartile churn (95%)', align: 'right' }, { header: 'churn ratio vs rest (95%)', align: 'right' },
        { header: 'r with churn (95%)', align: 'left' }, { header: 'ρ with NPS score (95%)', align: 'left' }, { header: 'notes', align: 'left' },
      ],
      report.operational.map(operationalRow),
    ),
  ];
}

/** The linkage section's body. */
export function linkageText(report: LinkageReport, windowWords: string): string {
  return [`Window (CX answers and support cases): ${windowWords}.`, ...cxExText(report), '', ...operationalText(report)].join('\n');
}
