import { describe, expect, it } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { relativeWeightsFromCorrelation } from './relativeWeightsFromCorrelation';

/** mtcars (R datasets): mpg, cyl, disp, hp, gear for the 32 cars. */
const mtcars: readonly (readonly [number, number, number, number, number])[] = [
  [21.0, 6, 160, 110, 4], [21.0, 6, 160, 110, 4], [22.8, 4, 108, 93, 4], [21.4, 6, 258, 110, 3],
  [18.7, 8, 360, 175, 3], [18.1, 6, 225, 105, 3], [14.3, 8, 360, 245, 3], [24.4, 4, 146.7, 62, 4],
  [22.8, 4, 140.8, 95, 4], [19.2, 6, 167.6, 123, 4], [17.8, 6, 167.6, 123, 4], [16.4, 8, 275.8, 180, 3],
  [17.3, 8, 275.8, 180, 3], [15.2, 8, 275.8, 180, 3], [10.4, 8, 472, 205, 3], [10.4, 8, 460, 215, 3],
  [14.7, 8, 440, 230, 3], [32.4, 4, 78.7, 66, 4], [30.4, 4, 75.7, 52, 4], [33.9, 4, 71.1, 65, 4],
  [21.5, 4, 120.1, 97, 3], [15.5, 8, 318, 150, 3], [15.2, 8, 304, 150, 3], [13.3, 8, 350, 245, 3],
  [19.2, 8, 400, 175, 3], [27.3, 4, 79, 66, 4], [26.0, 4, 120.3, 91, 5], [30.4, 4, 95.1, 113, 5],
  [15.8, 8, 351, 264, 5], [19.7, 6, 145, 175, 5], [15.0, 8, 301, 335, 5], [21.4, 4, 121, 109, 4],
];

/** Pearson correlation matrix of the columns of `data` (rows × columns). */
function correlationMatrix(data: readonly (readonly number[])[]): number[][] {
  const width = data[0]?.length ?? 0;
  const columns = Array.from({ length: width }, (_, j) => data.map((row) => row[j] ?? 0));
  const centred = columns.map((column) => {
    const mean = column.reduce((a, b) => a + b, 0) / column.length;
    return column.map((value) => value - mean);
  });
  const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
  return centred.map((a) => centred.map((b) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b))));
}

function weightsOf(data: readonly (readonly number[])[]) {
  const r = correlationMatrix(data);
  const p = r.length - 1;
  const rxx = r.slice(1).map((row) => row.slice(1));
  const rxy = r.slice(1).map((row) => row[0] ?? 0);
  const weights = relativeWeightsFromCorrelation(rxx, rxy);
  if (weights === null) throw new Error('unexpected singular data');
  return { weights, p };
}

/** R² of an OLS fit (with intercept) of column 0 on the listed columns, by plain least squares. */
function ordinaryRSquared(data: readonly (readonly number[])[], columns: readonly number[]): number {
  const y = data.map((row) => row[0] ?? 0);
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const total = y.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  if (columns.length === 0) return 0;
  const x = new Matrix(data.map((row) => [1, ...columns.map((j) => row[j] ?? 0)]));
  const beta = solve(x.transpose().mmul(x), x.transpose().mmul(Matrix.columnVector(y)));
  const fitted = x.mmul(beta).to1DArray();
  return 1 - y.reduce((sum, value, i) => sum + (value - (fitted[i] ?? 0)) ** 2, 0) / total;
}

/** Exact Shapley / LMG decomposition of R² by brute force over all 2^p subsets. */
function shapleyDecomposition(data: readonly (readonly number[])[], p: number): number[] {
  const rSquaredOf = new Map<number, number>();
  for (let mask = 0; mask < 1 << p; mask += 1) {
    const columns = Array.from({ length: p }, (_, j) => j).filter((j) => mask & (1 << j)).map((j) => j + 1);
    rSquaredOf.set(mask, ordinaryRSquared(data, columns));
  }
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  return Array.from({ length: p }, (_, j) => {
    let value = 0;
    for (let mask = 0; mask < 1 << p; mask += 1) {
      if (mask & (1 << j)) continue;
      const size = Array.from({ length: p }, (_, k) => (mask >> k) & 1).reduce((a, b) => a + b, 0);
      const gain = (rSquaredOf.get(mask | (1 << j)) ?? 0) - (rSquaredOf.get(mask) ?? 0);
      value += (factorial(size) * factorial(p - size - 1)) / factorial(p) * gain;
    }
    return value;
  });
}

/** Correlated predictors (shared factor) and an outcome with unequal true effects. */
function generatedData(seed: number, n: number, effects: readonly number[]): number[][] {
  const rng = xoroshiro128plus(seed);
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng))) * Math.cos(2 * Math.PI * uniformFloat64(rng));
  return Array.from({ length: n }, () => {
    const shared = normal();
    const x = effects.map((_, j) => 0.7 * shared + (0.5 + 0.1 * j) * normal());
    return [x.reduce((sum, value, j) => sum + value * (effects[j] ?? 0), 0) + 1.5 * normal(), ...x];
  });
}

function pearson(a: readonly number[], b: readonly number[]): number {
  return correlationMatrix(a.map((value, i) => [value, b[i] ?? 0]))[0]?.[1] ?? Number.NaN;
}

describe('relativeWeightsFromCorrelation', () => {
  it('reproduces the published rwa example (mtcars: mpg ~ cyl + disp + hp + gear)', () => {
    const { weights } = weightsOf(mtcars);
    expect(weights.rSquared).toBeCloseTo(0.7791896, 6);
    [0.2284797, 0.2221469, 0.2321744, 0.0963886].forEach((expected, j) => expect(weights.raw[j]).toBeCloseTo(expected, 6));
    [29.32274, 28.50999, 29.79691, 12.37037].forEach((expected, j) => expect(weights.rescaled[j]).toBeCloseTo(expected, 4));
    // rwa's "Sign" column: cyl, disp, hp lower mpg; gear raises it
    expect(weights.standardisedCoefficients.map(Math.sign)).toEqual([-1, -1, -1, 1]);
  });

  it.each([
    [11, [0.5, 0.4, 0.3, 0.2, 0.1, 0.05]],
    [12, [0.1, 0.6, 0, 0.3, 0.15, 0.45]],
    [13, [0.3, 0.3, 0.2, 0.1]],
  ])('matches an exact Shapley/LMG decomposition computed by brute force (seed %i)', (seed, effects) => {
    const data = generatedData(seed, 400, effects);
    const { weights, p } = weightsOf(data);
    const shapley = shapleyDecomposition(data, p);
    const rSquared = ordinaryRSquared(data, Array.from({ length: p }, (_, j) => j + 1));
    expect(weights.rSquared).toBeCloseTo(rSquared, 10);
    expect(weights.raw.reduce((a, b) => a + b, 0)).toBeCloseTo(rSquared, 10);
    expect(shapley.reduce((a, b) => a + b, 0)).toBeCloseTo(rSquared, 10);
    expect(pearson(weights.raw, shapley)).toBeGreaterThanOrEqual(0.98);
    // Same ranking wherever the exact decomposition separates two predictors by more than 10 %;
    // nearly tied predictors may swap, since the two methods are close but not identical.
    for (let i = 0; i < p; i += 1) {
      for (let j = 0; j < p; j += 1) {
        const [a, b] = [shapley[i] ?? 0, shapley[j] ?? 0];
        if (a > 1.1 * b) expect(weights.raw[i]).toBeGreaterThan(weights.raw[j] ?? Number.NaN);
      }
    }
  });

  it('equals the Shapley values exactly for two predictors', () => {
    const data = generatedData(5, 200, [0.6, 0.2]);
    const { weights } = weightsOf(data);
    const shapley = shapleyDecomposition(data, 2);
    weights.raw.forEach((weight, j) => expect(weight).toBeCloseTo(shapley[j] ?? Number.NaN, 10));
  });

  it('gives each predictor its squared correlation when predictors are uncorrelated', () => {
    const weights = relativeWeightsFromCorrelation([[1, 0], [0, 1]], [0.5, -0.3]);
    expect(weights?.raw[0]).toBeCloseTo(0.25, 12);
    expect(weights?.raw[1]).toBeCloseTo(0.09, 12);
    expect(weights?.standardisedCoefficients[1]).toBeCloseTo(-0.3, 12);
  });

  it('returns null for collinear predictors and for an outcome nothing explains', () => {
    expect(relativeWeightsFromCorrelation([[1, 1], [1, 1]], [0.5, 0.5])).toBeNull();
    expect(relativeWeightsFromCorrelation([[1, 0.3], [0.3, 1]], [0, 0])).toBeNull();
  });
});
