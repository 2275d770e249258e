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
import type { Feedback } from '@kizuna/model';

/** Fixed seed: the same data always gives the same intervals. */
export const driverSeed = 1;
/** Bootstrap resamples: enough for stable 95 % intervals on screen, quick in a browser. */
export const driverResamples = 400;

export interface DriverPoint {
  readonly driver: DriverImportance;
  /** Mean rating 0–10. */
  readonly performance: number;
  /** Share of the explained variance (rescaled weight, %); 0 when not reliably above noise. */
  readonly importance: number;
  readonly quadrant: DriverQuadrant;
}

export interface DriversView {
  readonly analysis: KeyDriverResult;
  readonly grid: ImportancePerformanceGrid;
  /** Placed drivers, most important first. */
  readonly points: readonly DriverPoint[];
  readonly answers: number;
}

/**
 * Key drivers of relationship NPS: Johnson's relative weights with a cluster bootstrap over accounts,
 * placed on the importance × performance grid (median cuts). "Fix" = important and rated low.
 */
export function driversView(feedback: readonly Feedback[]): DriversView {
  const rows = driverRowsFromFeedback(feedback);
  const analysis = keyDriverAnalysis(rows, { seed: driverSeed, resamples: driverResamples });
  const performance = driverPerformance(rows, analysis.drivers.map((driver) => driver.item));
  const grid = importancePerformance(analysis.drivers, performance);
  const byItem = new Map(analysis.drivers.map((driver) => [driver.item, driver]));
  const points = grid.points
    .flatMap((point) => {
      const driver = byItem.get(point.item);
      return driver === undefined ? [] : [{ driver, performance: point.performance, importance: point.importance, quadrant: point.quadrant }];
    })
    .sort((a, b) => b.importance - a.importance || a.driver.rank - b.driver.rank);
  return { analysis, grid, points, answers: rows.length };
}
