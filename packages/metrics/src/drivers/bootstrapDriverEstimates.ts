import type { BootstrapRandom } from './bootstrapRandom';
import { addCrossProducts, emptyCrossProducts, type CrossProducts } from './crossProducts';
import { estimateDrivers, type DriverEstimate } from './estimateDrivers';

export interface DriverBootstrap {
  readonly samples: readonly DriverEstimate[];
  /** Resamples that were degenerate (constant column, collinear items) and were skipped. */
  readonly failed: number;
}

/**
 * Resamples clusters with replacement (as many as there are) and re-estimates the drivers on each
 * resample. Each cluster's cross-products are precomputed, so a resample costs O(clusters · width²).
 */
export function bootstrapDriverEstimates(
  clusters: readonly CrossProducts[],
  p: number,
  resamples: number,
  random: BootstrapRandom,
): DriverBootstrap {
  const width = clusters[0]?.width ?? p + 2;
  const samples: DriverEstimate[] = [];
  let failed = 0;
  for (let b = 0; b < resamples; b += 1) {
    const total = emptyCrossProducts(width);
    for (let c = 0; c < clusters.length; c += 1) {
      const drawn = clusters[random.index(clusters.length)];
      if (drawn !== undefined) addCrossProducts(total, drawn);
    }
    const estimate = total.n > p + 2 ? estimateDrivers(total, p, true) : null;
    if (estimate === null) failed += 1;
    else samples.push(estimate);
  }
  return { samples, failed };
}
