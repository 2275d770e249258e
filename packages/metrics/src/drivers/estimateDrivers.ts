import { Matrix, solve } from 'ml-matrix';
import { correlationFromCovariance, covarianceMatrix, type CrossProducts } from './crossProducts';
import { relativeWeightsFromCorrelation } from './relativeWeightsFromCorrelation';

/** Everything the analysis reports for one sample (the data, or one bootstrap resample). */
export interface DriverEstimate {
  readonly rSquared: number;
  readonly raw: readonly number[];
  readonly rescaled: readonly number[];
  readonly standardisedCoefficients: readonly number[];
  /** OLS coefficients in outcome points per item point. */
  readonly coefficients: readonly number[];
  /** Zero-order correlation of each item with the outcome. */
  readonly correlations: readonly number[];
  /**
   * Raw weight of each item minus the raw weight of a pure-noise column, both from a model that
   * includes the noise column (Tonidandel, LeBreton & Johnson 2009); `null` without a noise column.
   */
  readonly excessOverNoise: readonly number[] | null;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

function relativeWeightsOf(correlation: readonly (readonly number[])[], columns: readonly number[]) {
  const rxx = columns.map((i) => columns.map((j) => correlation[i]?.[j] ?? 0));
  const rxy = columns.map((i) => correlation[i]?.[0] ?? 0);
  return relativeWeightsFromCorrelation(rxx, rxy);
}

function excessOverNoise(correlation: readonly (readonly number[])[], p: number): number[] | null {
  const withNoise = relativeWeightsOf(correlation, range(1, p + 2));
  if (withNoise === null) return null;
  const noise = withNoise.raw[p] ?? 0;
  return withNoise.raw.slice(0, p).map((weight) => weight - noise);
}

/**
 * Relative weights, OLS coefficients and (optionally) the excess over a noise column, from the
 * cross-products of the columns [outcome, item₁ … itemₚ, noise?]. `null` when the sample is
 * degenerate (a constant column, collinear items, or R² = 0).
 */
export function estimateDrivers(cp: CrossProducts, p: number, withNoise: boolean): DriverEstimate | null {
  const covariance = covarianceMatrix(cp);
  const correlation = correlationFromCovariance(covariance);
  if (correlation === null) return null;
  const weights = relativeWeightsOf(correlation, range(1, p + 1));
  if (weights === null) return null;
  const sxx = new Matrix(range(1, p + 1).map((i) => range(1, p + 1).map((j) => covariance[i]?.[j] ?? 0)));
  const sxy = Matrix.columnVector(range(1, p + 1).map((i) => covariance[i]?.[0] ?? 0));
  const excess = withNoise ? excessOverNoise(correlation, p) : null;
  if (withNoise && excess === null) return null;
  return {
    ...weights,
    coefficients: solve(sxx, sxy).to1DArray(),
    correlations: range(1, p + 1).map((i) => correlation[i]?.[0] ?? 0),
    excessOverNoise: excess,
  };
}
