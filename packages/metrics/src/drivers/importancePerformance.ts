import type { DriverRow } from './prepareDriverData';
import type { DriverImportance } from './keyDriverAnalysis';
import { sortedQuantile } from './percentileInterval';

/**
 * Martilla & James (1977) importance–performance grid, with derived importance:
 * - `fix`: high importance, low performance ("concentrate here")
 * - `maintain`: high importance, high performance ("keep up the good work")
 * - `monitor`: low importance, low performance ("low priority")
 * - `over_invested`: low importance, high performance ("possible overkill")
 */
export type DriverQuadrant = 'fix' | 'maintain' | 'monitor' | 'over_invested';

export type PerformanceMeasure =
  /** Mean rating of the item. */
  | { readonly kind: 'mean' }
  /** Share (0–1) of ratings at or above `minimum` (default 9 on the 0–10 item scale). */
  | { readonly kind: 'top_box'; readonly minimum?: number };

/** How well each item is rated, over every row that rated it (no listwise deletion here). */
export function driverPerformance(
  rows: readonly DriverRow[],
  items: readonly string[],
  measure: PerformanceMeasure = { kind: 'mean' },
): Record<string, number> {
  const minimum = measure.kind === 'top_box' ? (measure.minimum ?? 9) : 0;
  const performance: Record<string, number> = {};
  for (const item of items) {
    let total = 0;
    let count = 0;
    for (const row of rows) {
      const value = row.items[item];
      if (value === undefined || !Number.isFinite(value)) continue;
      total += measure.kind === 'mean' ? value : value >= minimum ? 1 : 0;
      count += 1;
    }
    if (count > 0) performance[item] = total / count;
  }
  return performance;
}

export interface ImportancePerformanceOptions {
  /** Importance (rescaled weight, % of R²) above which an item counts as important; default the median. */
  readonly importanceCut?: number;
  /** Performance above which an item counts as performing well; default the median. */
  readonly performanceCut?: number;
  /** Treat drivers that are not `reliable` as importance 0 (as Qualtrics does); default true. */
  readonly zeroUnreliable?: boolean;
}

export interface ImportancePerformancePoint {
  readonly item: string;
  /** Rescaled weight (% of R²), or 0 for an unreliable driver when `zeroUnreliable`. */
  readonly importance: number;
  readonly performance: number;
  readonly quadrant: DriverQuadrant;
}

export interface ImportancePerformanceGrid {
  readonly points: readonly ImportancePerformancePoint[];
  readonly importanceCut: number;
  readonly performanceCut: number;
  /** Drivers that had no performance figure and are not placed. */
  readonly unplaced: readonly string[];
}

function median(values: readonly number[]): number {
  return sortedQuantile([...values].sort((a, b) => a - b), 0.5);
}

function quadrantOf(important: boolean, performing: boolean): DriverQuadrant {
  if (important) return performing ? 'maintain' : 'fix';
  return performing ? 'over_invested' : 'monitor';
}

/**
 * Places each driver on the importance × performance grid. "High" means strictly above the cut,
 * so with median cuts an item exactly at the median counts as low.
 */
export function importancePerformance(
  drivers: readonly DriverImportance[],
  performance: Readonly<Record<string, number>>,
  options: ImportancePerformanceOptions = {},
): ImportancePerformanceGrid {
  const zeroUnreliable = options.zeroUnreliable ?? true;
  const placed = drivers.flatMap((driver) => {
    const value = performance[driver.item];
    if (value === undefined) return [];
    const unreliable = zeroUnreliable && driver.excessOverNoiseInterval !== null && !driver.reliable;
    return [{ item: driver.item, importance: unreliable ? 0 : driver.rescaledWeight, performance: value }];
  });
  const importanceCut = options.importanceCut ?? median(placed.map((point) => point.importance));
  const performanceCut = options.performanceCut ?? median(placed.map((point) => point.performance));
  return {
    points: placed.map((point) => ({
      ...point,
      quadrant: quadrantOf(point.importance > importanceCut, point.performance > performanceCut),
    })),
    importanceCut,
    performanceCut,
    unplaced: drivers.filter((driver) => performance[driver.item] === undefined).map((driver) => driver.item),
  };
}
