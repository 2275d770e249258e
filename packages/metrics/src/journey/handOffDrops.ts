import { journeyStages, type Feedback, type JourneyStage } from '@kizuna/model';
import { normalCdf } from '../stats/distributions';
import type { Interval } from '../nps';
import { criticalZ } from '../normalQuantile';
import { adjustedNps } from './clusteredNps';
import { holmAdjust } from './holmAdjust';
import { stageSatisfaction, type StageSatisfaction } from './stageSatisfaction';
import { topTwoBoxDifferenceP } from './topTwoBox';

/** How NPS and touchpoint CSAT change from one measured journey stage to the next. */
export interface HandOffComparison {
  readonly from: JourneyStage;
  readonly to: JourneyStage;
  /** Stages between them that had too few NPS answers to compare. */
  readonly skipped: readonly JourneyStage[];
  readonly npsFrom: number;
  readonly npsTo: number;
  readonly nFrom: number;
  readonly nTo: number;
  /** npsFrom − npsTo in points: positive = loyalty lost across the hand-off. */
  readonly drop: number;
  /** Interval of the drop (adjusted-Wald, design-effect widened). */
  readonly dropInterval: Interval;
  /** Two-sided p of "no change", Holm-adjusted over all pairs compared. */
  readonly adjustedP: number;
  readonly significantDrop: boolean;
  readonly csatFrom: number | null;
  readonly csatTo: number | null;
  /** CSAT at the later stage is at least the threshold, or not significantly below the earlier stage; `null` without CSAT there. */
  readonly csatHeld: boolean | null;
}

/** What a significant loyalty drop looks like at the touchpoints. */
export type HandOffFindingCode =
  /** NPS falls while touchpoint CSAT stays high: the problem lives between touchpoints. */
  | 'loyalty_drop_between_touchpoints'
  /** NPS falls and touchpoint CSAT falls with it. */
  | 'loyalty_drop_with_touchpoint_drop'
  /** NPS falls; no CSAT answers at the later stage to say which. */
  | 'loyalty_drop_without_touchpoint_data';

export interface HandOffFinding {
  readonly rank: number;
  readonly code: HandOffFindingCode;
  readonly from: JourneyStage;
  readonly to: JourneyStage;
  /** Figures for the message: NPS before/after, drop and its interval, p, CSAT shares (0–1), answer counts. */
  readonly evidence: Readonly<Record<string, number>>;
}

export interface HandOffOptions {
  readonly level?: number;
  /** Stages with fewer relationship NPS answers are skipped; default 30. */
  readonly minimumResponses?: number;
  /** A drop must also be at least this many NPS points to be reported; default 10. */
  readonly minimumDrop?: number;
  /** CSAT top-2-box at or above this counts as high; default 0.8. */
  readonly csatThreshold?: number;
  /** Significance level of the drop test (after Holm adjustment); default 0.05. */
  readonly alpha?: number;
}

export interface HandOffResult {
  readonly stages: readonly StageSatisfaction[];
  readonly comparisons: readonly HandOffComparison[];
  /** Significant drops, largest first. */
  readonly findings: readonly HandOffFinding[];
}

/** CSAT "held" at `to`: at least the threshold, or no significant fall from `from`. `null` without CSAT at `to`. */
function csatHeldAt(from: StageSatisfaction, to: StageSatisfaction, options: HandOffOptions): boolean | null {
  if (to.csat === null) return null;
  if (to.csat.share >= (options.csatThreshold ?? 0.8)) return true;
  if (from.csat === null) return false;
  return to.csat.share >= from.csat.share || topTwoBoxDifferenceP(from.csat, to.csat) >= (options.alpha ?? 0.05);
}

function compare(from: StageSatisfaction, to: StageSatisfaction, skipped: JourneyStage[], options: HandOffOptions) {
  const [a, b] = [adjustedNps(from.nps), adjustedNps(to.nps)];
  const se = Math.sqrt(a.variance + b.variance);
  const margin = criticalZ(options.level ?? 0.95) * se;
  const centre = (a.centre - b.centre) * 100;
  return {
    from: from.stage, to: to.stage, skipped,
    npsFrom: from.nps.nps ?? 0, npsTo: to.nps.nps ?? 0, nFrom: from.nps.n, nTo: to.nps.n,
    drop: (from.nps.nps ?? 0) - (to.nps.nps ?? 0),
    dropInterval: { low: centre - margin * 100, high: centre + margin * 100, level: options.level ?? 0.95 },
    p: 2 * normalCdf(-Math.abs(a.centre - b.centre) / se, 0, 1),
    csatFrom: from.csat?.share ?? null, csatTo: to.csat?.share ?? null, csatHeld: csatHeldAt(from, to, options),
  };
}

function findingOf(comparison: HandOffComparison, stages: readonly StageSatisfaction[]): Omit<HandOffFinding, 'rank'> {
  const code: HandOffFindingCode =
    comparison.csatHeld === null ? 'loyalty_drop_without_touchpoint_data'
    : comparison.csatHeld ? 'loyalty_drop_between_touchpoints' : 'loyalty_drop_with_touchpoint_drop';
  const csatTo = stages.find((s) => s.stage === comparison.to)?.csat ?? null;
  const evidence: Record<string, number> = {
    npsFrom: comparison.npsFrom, npsTo: comparison.npsTo, drop: comparison.drop,
    dropLow: comparison.dropInterval.low, dropHigh: comparison.dropInterval.high, p: comparison.adjustedP,
    nFrom: comparison.nFrom, nTo: comparison.nTo,
  };
  if (comparison.csatFrom !== null) evidence['csatFrom'] = comparison.csatFrom;
  if (csatTo !== null) Object.assign(evidence, { csatTo: csatTo.share, csatToLow: csatTo.interval?.low ?? csatTo.share, csatToN: csatTo.n });
  return { code, from: comparison.from, to: comparison.to, evidence };
}

/**
 * Hand-off drop detection (DOMAIN.md "problems live between touchpoints"): walks the journey
 * stages in order, compares each measured stage's relationship NPS with the next measured stage's
 * (two-sample adjusted-Wald z-test, clustering-aware, Holm-adjusted over the pairs), and reports
 * significant drops of at least `minimumDrop` points, coded by whether touchpoint CSAT held up.
 */
export function handOffDrops(feedback: readonly Feedback[], options: HandOffOptions = {}): HandOffResult {
  const minimum = options.minimumResponses ?? 30;
  const stages = stageSatisfaction(feedback, { minimumResponses: minimum, ...(options.level === undefined ? {} : { level: options.level }) });
  const measured = stages.filter((s) => s.nps.n >= minimum);
  const raw = measured.slice(1).map((to, i) => {
    const from = measured[i] ?? to;
    const between = journeyStages.slice(journeyStages.indexOf(from.stage) + 1, journeyStages.indexOf(to.stage));
    return compare(from, to, between, options);
  });
  const adjusted = holmAdjust(raw.map((c) => c.p));
  const comparisons: HandOffComparison[] = raw.map(({ p: _p, ...c }, i) => {
    const adjustedP = adjusted[i] ?? 1;
    return { ...c, adjustedP, significantDrop: adjustedP < (options.alpha ?? 0.05) && c.drop >= (options.minimumDrop ?? 10) };
  });
  const findings = comparisons
    .filter((c) => c.significantDrop)
    .sort((a, b) => b.drop - a.drop)
    .map((c, i) => ({ rank: i + 1, ...findingOf(c, stages) }));
  return { stages, comparisons, findings };
}
