import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

function draw(seed: number, stream: number, lane: number, count = 5): number[] {
  const random = createRandom(seed, stream, lane);
  return Array.from({ length: count }, () => random.float());
}

describe('createRandom', () => {
  it('repeats the same sequence for the same seed, stream and lane', () => {
    expect(draw(1, 2, 3)).toEqual(draw(1, 2, 3));
  });

  it('gives unrelated sequences for neighbouring seeds, streams and lanes', () => {
    const base = draw(1, 2, 3);
    for (const other of [draw(2, 2, 3), draw(1, 3, 3), draw(1, 2, 4)]) expect(other).not.toEqual(base);
    // First draws of lanes 0, 1, 2 … (one per account) are uncorrelated with their neighbours'.
    const firsts = Array.from({ length: 5_001 }, (_, lane) => draw(1, 1, lane, 1)[0] ?? 0);
    const xs = firsts.slice(0, -1);
    const ys = firsts.slice(1);
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    const [mx, my] = [mean(xs), mean(ys)];
    const covariance = mean(xs.map((x, i) => (x - mx) * ((ys[i] ?? 0) - my)));
    expect(Math.abs(covariance / (1 / 12))).toBeLessThan(0.05);
  });

  it('draws from the distributions it names', () => {
    const random = createRandom(42, 0);
    const n = 20_000;
    const normals = Array.from({ length: n }, () => random.normal(10, 2));
    const mean = normals.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(normals.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
    const poissons = Array.from({ length: n }, () => random.poisson(1.5));
    expect(poissons.reduce((a, b) => a + b, 0) / n).toBeCloseTo(1.5, 1);
    const ints = Array.from({ length: n }, () => random.int(3, 12));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(12);
    const picks = Array.from({ length: n }, () => random.weighted([['a', 3], ['b', 1]] as const));
    expect(picks.filter((pick) => pick === 'a').length / n).toBeCloseTo(0.75, 1);
  });
});
