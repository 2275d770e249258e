import type { HandOffComparison, HandOffFinding, MomentOfTruthEffect, StageSatisfaction } from '@kizuna/metrics';
import { formatCount } from '../output/formatKpi';
import { formatDecimal, formatP, formatPercent, formatPoints, formatRange, humanise, withRange } from '../output/formatStats';
import { describeStatWarning } from '../output/statWarnings';
import { renderTable } from '../output/textTable';
import { journeyMinimumResponses, momentWindowDays, type JourneyReport } from './journeyReport';

const stageName = (stage: string): string => humanise(stage);
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function stageRow(stage: StageSatisfaction): string[] {
  const { nps, csat } = stage;
  return [
    stageName(stage.stage),
    formatPoints(nps.nps),
    formatRange(nps.interval, formatPoints),
    formatCount(nps.n),
    formatCount(nps.accounts),
    csat === null ? '—' : formatPercent(csat.share),
    csat === null ? '' : formatRange(csat.interval, formatPercent),
    csat === null ? '0' : formatCount(csat.n),
    nps.warnings.map((warning) => (warning.code === 'no_data' ? 'no relationship NPS answers' : describeStatWarning(warning))).join('; '),
  ];
}

function stagesTable(stages: readonly StageSatisfaction[]): string {
  return renderTable(
    [
      { header: 'stage', align: 'left' }, { header: 'NPS', align: 'right' }, { header: '95% interval', align: 'right' },
      { header: 'n', align: 'right' }, { header: 'accounts', align: 'right' }, { header: 'CSAT top-2-box', align: 'right' },
      { header: '95% interval', align: 'right' }, { header: 'n', align: 'right' }, { header: 'notes', align: 'left' },
    ],
    stages.map(stageRow),
  );
}

function comparisonRow(c: HandOffComparison): string[] {
  const skipped = c.skipped.length === 0 ? '' : ` (past ${c.skipped.map(stageName).join(', ')})`;
  return [
    `${stageName(c.from)} → ${stageName(c.to)}${skipped}`,
    formatPoints(c.npsFrom),
    formatPoints(c.npsTo),
    withRange(formatPoints(c.drop), c.dropInterval, formatPoints),
    formatP(c.adjustedP),
    formatPercent(c.csatTo),
    c.significantDrop ? 'LOYALTY DROP' : '',
  ];
}

function comparisonsTable(comparisons: readonly HandOffComparison[]): string {
  if (comparisons.length === 0) return `  fewer than two stages with ${journeyMinimumResponses} NPS answers: nothing to compare`;
  return renderTable(
    [
      { header: 'hand-off', align: 'left' }, { header: 'NPS before', align: 'right' }, { header: 'after', align: 'right' },
      { header: 'drop (95%)', align: 'right' }, { header: 'adj. p', align: 'right' }, { header: 'CSAT after', align: 'right' },
      { header: 'finding', align: 'left' },
    ],
    comparisons.map(comparisonRow),
  );
}

/** A hand-off finding in words. */
export function findingText(finding: HandOffFinding): string {
  const e = finding.evidence;
  const points = (value: number | undefined): string => formatDecimal(value, 1);
  const drop = `${points(e['drop'])} points (95% ${points(e['dropLow'])} … ${points(e['dropHigh'])}; adj. p ${formatP(e['p'])})`;
  const head = `${capitalise(stageName(finding.from))} → ${stageName(finding.to)}: NPS falls ${drop}, from ${formatPoints(e['npsFrom'])} to ${formatPoints(e['npsTo'])}`;
  switch (finding.code) {
    case 'loyalty_drop_between_touchpoints':
      return `${head}, while touchpoint CSAT at ${stageName(finding.to)} stays at ${formatPercent(e['csatTo'])}: the loss lives between touchpoints, not at them.`;
    case 'loyalty_drop_with_touchpoint_drop':
      return `${head}, and touchpoint CSAT falls with it (${formatPercent(e['csatFrom'])} → ${formatPercent(e['csatTo'])}).`;
    case 'loyalty_drop_without_touchpoint_data':
      return `${head}; no CSAT answers at ${stageName(finding.to)} tell whether its touchpoints held up.`;
  }
}

function momentRow(m: MomentOfTruthEffect): string[] {
  return [
    String(m.rank),
    humanise(m.momentOfTruth),
    m.effect === null ? '—' : withRange(formatPoints(m.effect), m.interval, formatPoints),
    formatP(m.adjustedP),
    m.significant ? 'yes' : 'no',
    formatCount(m.exposed.answers),
    formatCount(m.exposed.accounts),
    m.warnings.map(describeStatWarning).join('; '),
  ];
}

function momentsTable(moments: readonly MomentOfTruthEffect[]): string {
  return renderTable(
    [
      { header: 'rank', align: 'right' }, { header: 'moment of truth', align: 'left' }, { header: 'NPS after it vs without (95%)', align: 'right' },
      { header: 'adj. p', align: 'right' }, { header: 'significant', align: 'left' }, { header: 'answers after', align: 'right' },
      { header: 'accounts', align: 'right' }, { header: 'notes', align: 'left' },
    ],
    moments.map(momentRow),
  );
}

/** The journey section's body: stages, hand-offs with findings in words, moments of truth. */
export function journeyText(report: JourneyReport, windowWords: string): string {
  const { findings, comparisons } = report.handOffs;
  const findingLines = findings.length === 0 ? ['  No significant loyalty drop at any hand-off.'] : findings.map((f) => `  ${f.rank}. ${findingText(f)}`);
  return [
    `Relationship NPS and touchpoint CSAT (top-2-box) by journey stage. Window: ${windowWords}. NPS intervals allow for answers clustering in accounts.`,
    stagesTable(report.stages),
    '',
    `Hand-offs: each stage with ${journeyMinimumResponses}+ NPS answers against the next (Holm-adjusted; a drop counts at 10+ points and adj. p < 0.05).`,
    comparisonsTable(comparisons),
    ...findingLines,
    '',
    `Moments of truth: NPS of answers within ${momentWindowDays} days after the moment minus answers without it, same quarters (Holm-adjusted). An association, not a cause.`,
    momentsTable(report.moments),
  ].join('\n');
}
