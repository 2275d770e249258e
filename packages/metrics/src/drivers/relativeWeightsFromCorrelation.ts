import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** Johnson's relative weights of p predictors, from their correlations. */
export interface RelativeWeights {
  /** Variance of the outcome explained by all predictors together (0–1). */
  readonly rSquared: number;
  /** Raw relative weight of each predictor; they sum to `rSquared`. */
  readonly raw: readonly number[];
  /** Each raw weight as a percentage of R² (they sum to 100). */
  readonly rescaled: readonly number[];
  /** Standardised OLS coefficients Rxx⁻¹·rxy (their signs are the drivers' directions). */
  readonly standardisedCoefficients: readonly number[];
}

/** Eigenvalues below this (relative to p) mean the predictors are collinear. */
const collinearityTolerance = 1e-10;

/**
 * Johnson (2000) relative weights. Rxx = PΛPᵀ; its symmetric square root Λxz = PΛ^½Pᵀ relates
 * the predictors to their closest orthogonal counterparts Z; β = Λxz⁻¹·rxy regresses the outcome
 * on Z; the raw weight of predictor j is Σₖ Λxz[j,k]²·βₖ², and the raw weights sum to R².
 * Returns `null` when Rxx is singular (collinear predictors) or the outcome explains nothing
 * (R² = 0, so shares are undefined).
 *
 * @param rxx predictor correlation matrix (p × p, symmetric, unit diagonal)
 * @param rxy correlation of each predictor with the outcome (length p)
 */
export function relativeWeightsFromCorrelation(
  rxx: readonly (readonly number[])[],
  rxy: readonly number[],
): RelativeWeights | null {
  const p = rxy.length;
  if (p === 0 || rxx.length !== p) return null;
  const decomposition = new EigenvalueDecomposition(new Matrix(rxx.map((row) => [...row])), { assumeSymmetric: true });
  const eigenvalues = decomposition.realEigenvalues;
  if (eigenvalues.some((value) => !(value > collinearityTolerance * p))) return null;
  const vectors = decomposition.eigenvectorMatrix;
  const rootDiagonal = Matrix.diag(eigenvalues.map((value) => Math.sqrt(value)));
  const inverseRootDiagonal = Matrix.diag(eigenvalues.map((value) => 1 / Math.sqrt(value)));
  const inverseDiagonal = Matrix.diag(eigenvalues.map((value) => 1 / value));
  const lambda = vectors.mmul(rootDiagonal).mmul(vectors.transpose());
  const target = Matrix.columnVector([...rxy]);
  const beta = vectors.mmul(inverseRootDiagonal).mmul(vectors.transpose()).mmul(target).to1DArray();
  const standardisedCoefficients = vectors.mmul(inverseDiagonal).mmul(vectors.transpose()).mmul(target).to1DArray();
  const raw = Array.from({ length: p }, (_, j) => {
    let weight = 0;
    for (let k = 0; k < p; k += 1) weight += lambda.get(j, k) ** 2 * (beta[k] ?? 0) ** 2;
    return weight;
  });
  const rSquared = raw.reduce((sum, value) => sum + value, 0);
  if (!(rSquared > 0)) return null;
  return { rSquared, raw, rescaled: raw.map((value) => (100 * value) / rSquared), standardisedCoefficients };
}
