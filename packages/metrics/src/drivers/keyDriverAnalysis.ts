import type { Interval } from '../nps';
import { bootstrapDriverEstimates, type DriverBootstrap } from './bootstrapDriverEstimates';
import { createBootstrapRandom, type BootstrapRandom } from './bootstrapRandom';
import { addCrossProducts, addRow, emptyCrossProducts, type CrossProducts } from './crossProducts';
import type { KeyDriverWarning } from './driverWarnings';
import { estimateDrivers, type DriverEstimate } from './estimateDrivers';
import { percentileInterval } from './percentileInterval';
import { prepareDriverData, type DriverRow, type PreparedDriverData } from './prepareDriverData';

export interface KeyDriverOptions {
  /** Seed of the bootstrap's random source; the same seed gives the same intervals. */
  readonly seed: number;
  /** Items to analyse, in this order; default: every item that appears in the rows. */
  readonly items?: readonly string[];
  /** Bootstrap resamples; default 1,000. 0 skips the bootstrap (no intervals, nothing marked reliable). */
  readonly resamples?: number;
  /** Confidence level of the intervals; default 0.95. */
  readonly level?: number;
  /** Fewer complete rows than this → `small_sample` and no result; default max(30, 10 × items). */
  readonly minimumRows?: number;
  /** Bonferroni-adjust the reliability test for the number of drivers; default true. */
  readonly adjustForMultipleDrivers?: boolean;
}

/** One driver item's importance. Weights are Johnson's relative weights (not regression coefficients). */
export interface DriverImportance {
  readonly item: string;
  /** 1 = largest rescaled weight. */
  readonly rank: number;
  /** Share of outcome variance attributed to the item (the raw weights sum to R²). */
  readonly rawWeight: number;
  readonly rawWeightInterval: Interval | null;
  /** The raw weight as a percentage of R² (they sum to 100). */
  readonly rescaledWeight: number;
  readonly rescaledWeightInterval: Interval | null;
  /** Sign of the standardised OLS coefficient: relative weights carry none of their own. */
  readonly direction: 'positive' | 'negative';
  readonly standardisedCoefficient: number;
  /** OLS coefficient: outcome points per item point, holding the other items fixed. */
  readonly coefficient: number;
  readonly coefficientInterval: Interval | null;
  /** Zero-order correlation with the outcome. */
  readonly correlation: number;
  /** Bootstrap interval of (raw weight − raw weight of a pure-noise column), at the significance level. */
  readonly excessOverNoiseInterval: Interval | null;
  /** True when that interval lies above 0: the item explains more than noise would. */
  readonly reliable: boolean;
}

export interface KeyDriverResult {
  /** Complete rows used. */
  readonly n: number;
  /** Resampling units (clusters, or rows when no cluster keys were given). */
  readonly clusters: number;
  readonly rSquared: number | null;
  readonly rSquaredInterval: Interval | null;
  /** Most important first. Empty when the analysis could not run (see warnings). */
  readonly drivers: readonly DriverImportance[];
  readonly excludedItems: readonly string[];
  readonly bootstrap: {
    readonly resamples: number;
    readonly failed: number;
    readonly level: number;
    /** Confidence level of the reliability intervals (Bonferroni-adjusted unless disabled). */
    readonly reliabilityLevel: number;
  } | null;
  readonly warnings: readonly KeyDriverWarning[];
}

function emptyResult(data: PreparedDriverData, warnings: readonly KeyDriverWarning[]): KeyDriverResult {
  return {
    n: data.outcomes.length, clusters: data.clusters, rSquared: null, rSquaredInterval: null, drivers: [],
    excludedItems: data.excludedItems, bootstrap: null, warnings,
  };
}

/** Per-cluster cross-products of the centred columns [outcome, items…, noise]. */
function clusterCrossProducts(data: PreparedDriverData, random: BootstrapRandom): CrossProducts[] {
  const p = data.items.length;
  const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  const outcomeMean = mean(data.outcomes);
  const itemMeans = data.values.map(mean);
  const clusters = Array.from({ length: data.clusters }, () => emptyCrossProducts(p + 2));
  const row = new Float64Array(p + 2);
  data.outcomes.forEach((outcome, r) => {
    row[0] = outcome - outcomeMean;
    for (let j = 0; j < p; j += 1) row[j + 1] = (data.values[j]?.[r] ?? 0) - (itemMeans[j] ?? 0);
    row[p + 1] = random.normal();
    const cluster = clusters[data.clusterOf[r] ?? 0];
    if (cluster !== undefined) addRow(cluster, row);
  });
  return clusters;
}

function sumCrossProducts(clusters: readonly CrossProducts[], width: number): CrossProducts {
  const total = emptyCrossProducts(width);
  for (const cluster of clusters) addCrossProducts(total, cluster);
  return total;
}

/**
 * Key-driver analysis by Johnson's relative weights (analytics.md §2.1): how much of the outcome's
 * variance (R²) each driver item accounts for, with cluster-bootstrap percentile intervals.
 * A driver is `reliable` when its weight beats a random-noise column's in (almost) every
 * resample (Tonidandel, LeBreton & Johnson 2009). Data problems come back as warnings.
 */
export function keyDriverAnalysis(rows: readonly DriverRow[], options: KeyDriverOptions): KeyDriverResult {
  const data = prepareDriverData(rows, options.items);
  const warnings: KeyDriverWarning[] = [...data.warnings];
  const p = data.items.length;
  const n = data.outcomes.length;
  const minimumRows = options.minimumRows ?? Math.max(30, 10 * p);
  if (n === 0 || p === 0) return emptyResult(data, [...warnings, { code: 'no_data' }]);
  if (n < minimumRows) return emptyResult(data, [...warnings, { code: 'small_sample', detail: { n, minimum: minimumRows } }]);
  if (data.outcomes.every((value) => value === data.outcomes[0])) {
    return emptyResult(data, [...warnings, { code: 'constant_outcome' }]);
  }
  const random = createBootstrapRandom(options.seed);
  const clusters = clusterCrossProducts(data, random);
  const estimate = estimateDrivers(sumCrossProducts(clusters, p + 2), p, false);
  if (estimate === null) return emptyResult(data, [...warnings, { code: 'collinear_items' }]);
  const resamples = options.resamples ?? 1_000;
  const bootstrap = resamples > 0 ? bootstrapDriverEstimates(clusters, p, resamples, random) : null;
  return summarise(data, estimate, bootstrap, options, warnings);
}

function summarise(
  data: PreparedDriverData,
  estimate: DriverEstimate,
  bootstrap: DriverBootstrap | null,
  options: KeyDriverOptions,
  warnings: KeyDriverWarning[],
): KeyDriverResult {
  const p = data.items.length;
  const level = options.level ?? 0.95;
  const reliabilityLevel = options.adjustForMultipleDrivers === false ? level : 1 - (1 - level) / p;
  const samples = bootstrap?.samples ?? [];
  const usable = samples.length >= 2;
  const interval = (pick: (sample: DriverEstimate) => number, at = level): Interval | null =>
    usable ? percentileInterval(samples.map(pick), at) : null;
  const drivers = data.items.map((item, j): Omit<DriverImportance, 'rank'> => {
    const excess = interval((s) => s.excessOverNoise?.[j] ?? Number.NaN, reliabilityLevel);
    const standardised = estimate.standardisedCoefficients[j] ?? 0;
    return {
      item,
      rawWeight: estimate.raw[j] ?? 0,
      rawWeightInterval: interval((s) => s.raw[j] ?? 0),
      rescaledWeight: estimate.rescaled[j] ?? 0,
      rescaledWeightInterval: interval((s) => s.rescaled[j] ?? 0),
      direction: standardised < 0 ? 'negative' : 'positive',
      standardisedCoefficient: standardised,
      coefficient: estimate.coefficients[j] ?? 0,
      coefficientInterval: interval((s) => s.coefficients[j] ?? 0),
      correlation: estimate.correlations[j] ?? 0,
      excessOverNoiseInterval: excess,
      reliable: excess !== null && excess.low > 0,
    };
  });
  const ranked = [...drivers].sort((a, b) => b.rescaledWeight - a.rescaledWeight).map((d, i) => ({ ...d, rank: i + 1 }));
  if (bootstrap !== null) {
    if (bootstrap.failed > 0.05 * (bootstrap.failed + samples.length)) {
      warnings.push({ code: 'unstable_bootstrap', detail: { failed: bootstrap.failed, resamples: bootstrap.failed + samples.length } });
    }
    if (!ranked.some((d) => d.reliable)) warnings.push({ code: 'no_reliable_drivers' });
  }
  return {
    n: data.outcomes.length,
    clusters: data.clusters,
    rSquared: estimate.rSquared,
    rSquaredInterval: interval((s) => s.rSquared),
    drivers: ranked,
    excludedItems: data.excludedItems,
    bootstrap: bootstrap === null ? null : { resamples: samples.length + bootstrap.failed, failed: bootstrap.failed, level, reliabilityLevel },
    warnings,
  };
}
