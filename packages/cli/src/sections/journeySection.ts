import type { HandOffComparison, HandOffFinding, MomentOfTruthEffect, StageSatisfaction } from '@kizuna/metrics';
import { intervalJson } from '../output/formatStats';
import { statWarningJson } from '../output/statWarnings';
import { windowJson } from './analysisTime';
import { journeyMinimumResponses, journeyReport, momentWindowDays, type JourneyReport } from './journeyReport';
import { findingText, journeyText } from './journeyText';
import { windowText } from './kpiText';
import type { AnalysisContext, JsonValue, Section, SectionModule } from './section';

function stageJson({ stage, nps, csat }: StageSatisfaction): JsonValue {
  return {
    stage,
    nps: {
      value: nps.nps,
      interval: intervalJson(nps.interval),
      n: nps.n,
      accounts: nps.accounts,
      designEffect: nps.designEffect,
      counts: { ...nps.counts },
      warnings: nps.warnings.map(statWarningJson),
    },
    csat: csat === null ? null : { share: csat.share, interval: intervalJson(csat.interval), satisfied: csat.satisfied, n: csat.n, designEffect: csat.designEffect },
  };
}

function comparisonJson(c: HandOffComparison): JsonValue {
  return {
    from: c.from,
    to: c.to,
    skipped: [...c.skipped],
    npsFrom: c.npsFrom,
    npsTo: c.npsTo,
    nFrom: c.nFrom,
    nTo: c.nTo,
    drop: c.drop,
    dropInterval: intervalJson(c.dropInterval),
    adjustedP: c.adjustedP,
    significantDrop: c.significantDrop,
    csatFrom: c.csatFrom,
    csatTo: c.csatTo,
    csatHeld: c.csatHeld,
  };
}

function findingJson(f: HandOffFinding): JsonValue {
  return { rank: f.rank, code: f.code, from: f.from, to: f.to, evidence: { ...f.evidence }, text: findingText(f) };
}

function momentJson(m: MomentOfTruthEffect): JsonValue {
  return {
    momentOfTruth: m.momentOfTruth,
    rank: m.rank,
    effect: m.effect,
    interval: intervalJson(m.interval),
    adjustedP: m.adjustedP,
    significant: m.significant,
    exposed: { ...m.exposed },
    unexposed: { ...m.unexposed },
    warnings: m.warnings.map(statWarningJson),
  };
}

function journeyJson(report: JourneyReport, context: AnalysisContext): JsonValue {
  return {
    window: windowJson(context.options.window),
    minimumResponses: journeyMinimumResponses,
    stages: report.stages.map(stageJson),
    handOffs: report.handOffs.comparisons.map(comparisonJson),
    findings: report.handOffs.findings.map(findingJson),
    momentsOfTruth: { windowDays: momentWindowDays, effects: report.moments.map(momentJson) },
  };
}

/** Journey findings: NPS and CSAT by stage, loyalty drops at hand-offs, moments of truth. */
export const journeySection: SectionModule = {
  id: 'journey',
  title: 'Journey',
  build(context: AnalysisContext): Section {
    const report = journeyReport(context);
    return {
      id: 'journey',
      title: 'Journey',
      toJson: () => journeyJson(report, context),
      toText: () => journeyText(report, windowText(context.options.window)),
    };
  },
};
