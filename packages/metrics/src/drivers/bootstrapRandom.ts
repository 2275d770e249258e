import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** The few random draws the driver bootstrap needs, from pure-rand's seeded xoroshiro128+. */
export interface BootstrapRandom {
  /** Uniform integer in [0, n). */
  index(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

export function createBootstrapRandom(seed: number): BootstrapRandom {
  const rng = xoroshiro128plus(seed);
  return {
    index: (n) => uniformInt(rng, 0, n - 1),
    normal: () => {
      const u = 1 - uniformFloat64(rng);
      const v = uniformFloat64(rng);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
