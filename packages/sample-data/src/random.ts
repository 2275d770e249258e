import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A seeded source of randomness with the few distributions the generator needs. */
export interface Random {
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Normal with the given mean and standard deviation. */
  normal(mean?: number, sd?: number): number;
  /** Poisson-distributed count (Knuth's method; fine for the small means used here). */
  poisson(mean: number): number;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly [T, ...T[]]): T;
  /** One element of a non-empty list with the given relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/** Murmur3's 32-bit finaliser: spreads the bits of `value` so that nearby seeds give unrelated states. */
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function stateFor(seed: number, stream: number, lane: number): number[] {
  const base = mix32(mix32(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) ^ mix32(lane + 0x632be5ab);
  const state = [0, 1, 2, 3].map((word) => mix32(base + Math.imul(word + 1, 0x7f4a7c15)));
  // xoroshiro128+ must never start from the all-zero state.
  return state.every((word) => word === 0) ? [1, 0, 0, 0] : state;
}

/**
 * A random source for one independent stream of the generator, derived from the user's seed.
 * Streams are addressed by numbers (e.g. stream 1, lane = account index), so each account's
 * records come from their own sequence: generating account 5 never depends on accounts 0–4.
 * The numbers come from pure-rand's xoroshiro128+.
 */
export function createRandom(seed: number, stream: number, lane = 0): Random {
  return new SeededRandom(xoroshiro128plusFromState(stateFor(seed, stream, lane)));
}

/** A class rather than closures: one account creates several of these, and methods on the prototype cost nothing per instance. */
class SeededRandom implements Random {
  private spareNormal: number | undefined;

  constructor(private readonly rng: RandomGenerator) {}

  float(): number {
    return uniformFloat64(this.rng);
  }

  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  normal(mean = 0, sd = 1): number {
    return mean + sd * this.standardNormal();
  }

  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.float();
    while (product > limit) {
      count += 1;
      product *= this.float();
    }
    return count;
  }

  pick<T>(items: readonly [T, ...T[]]): T {
    return items[uniformInt(this.rng, 0, items.length - 1)] ?? items[0];
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    return pickWeighted(items, this.float());
  }

  private standardNormal(): number {
    if (this.spareNormal !== undefined) {
      const value = this.spareNormal;
      this.spareNormal = undefined;
      return value;
    }
    // Box–Muller: two uniforms give two independent standard normals.
    const u = 1 - this.float();
    const v = this.float();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }
}

function pickWeighted<T>(items: readonly (readonly [T, number])[], u: number): T {
  const first = items[0];
  if (first === undefined) throw new RangeError('weighted() needs at least one item');
  let total = 0;
  for (const [, weight] of items) total += weight;
  let threshold = u * total;
  let chosen = first[0];
  for (const [item, weight] of items) {
    chosen = item;
    threshold -= weight;
    if (threshold < 0) break;
  }
  return chosen;
}
