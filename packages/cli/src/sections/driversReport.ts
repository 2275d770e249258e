import {
  driverPerformance,
  driverRowsFromFeedback,
  importancePerformance,
  keyDriverAnalysis,
  type DriverImportance,
  type DriverQuadrant,
  type ImportancePerformanceGrid,
  type KeyDriverResult,
} from '@kizuna/metrics';
import { inWindow } from './analysisTime';
import type { AnalysisContext } from './section';

/** The bootstrap's seed: fixed, so the same data always gives the same intervals. */
export const keyDriverSeed = 1;
/** Bootstrap resamples of the key-driver analysis (the metrics core's default). */
export const keyDriverResamples = 1_000;

/** One driver: its importance from the analysis, its mean rating and its quadrant. */
export interface DriverLine {
  readonly driver: DriverImportance;
  /** Mean rating 0–10 over every answer that rated it; `undefined` when nobody did. */
  readonly performance: number | undefined;
  readonly quadrant: DriverQuadrant | undefined;
  /** Importance on the grid: the rescaled weight, or 0 for a driver not reliably above noise. */
  readonly gridImportance: number | undefined;
}

export interface DriversReport {
  readonly analysis: KeyDriverResult;
  readonly grid: ImportancePerformanceGrid;
  readonly lines: readonly DriverLine[];
  /** Relationship NPS answers in the window (before listwise deletion). */
  readonly answers: number;
}

/**
 * Key drivers of relationship NPS in the window: Johnson's relative weights with a cluster
 * bootstrap over accounts (seed {@link keyDriverSeed}), and each driver's place on the
 * importance × performance grid (performance = mean rating; median cuts).
 */
export function driversReport(context: AnalysisContext): DriversReport {
  const { window } = context.options;
  const rows = driverRowsFromFeedback(context.dataset.feedback.filter((answer) => inWindow(window, answer.respondedAt)));
  const analysis = keyDriverAnalysis(rows, { seed: keyDriverSeed, resamples: keyDriverResamples });
  const performance = driverPerformance(rows, analysis.drivers.map((driver) => driver.item));
  const grid = importancePerformance(analysis.drivers, performance);
  const points = new Map(grid.points.map((point) => [point.item, point]));
  const lines = analysis.drivers.map((driver): DriverLine => ({
    driver,
    performance: performance[driver.item],
    quadrant: points.get(driver.item)?.quadrant,
    gridImportance: points.get(driver.item)?.importance,
  }));
  return { analysis, grid, lines, answers: rows.length };
}
