import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './benjaminiHochberg';

describe('benjaminiHochberg', () => {
  it('reproduces a hand-worked example (m = 8, q = 0.05), in input order', () => {
    // Sorted: 0.001 0.008 0.039 0.041 0.042 0.06 0.074 0.205; thresholds k·q/m = 0.00625, 0.0125, 0.01875 …
    // → the largest k with p(k) ≤ k·q/m is 2. Raw m·p/k = 0.008, 0.032, 0.104, 0.082, 0.0672, 0.08, 0.08457, 0.205;
    // the step-up minimum from the top pulls ranks 3 and 4 down to 0.0672.
    const p = [0.042, 0.001, 0.205, 0.039, 0.008, 0.074, 0.041, 0.06];
    const result = benjaminiHochberg(p, 0.05);
    const expected = [0.0672, 0.008, 0.205, 0.0672, 0.032, (8 * 0.074) / 7, 0.0672, 0.08];
    result.adjusted.forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? Number.NaN, 5));
    expect(result.rejected).toEqual([false, true, false, false, true, false, false, false]);
  });

  it('caps adjusted p at 1, handles ties and an empty family', () => {
    expect(benjaminiHochberg([0.9, 0.9, 0.95]).adjusted).toEqual([0.95, 0.95, 0.95]);
    expect(benjaminiHochberg([0.02, 0.02]).adjusted).toEqual([0.02, 0.02]);
    expect(benjaminiHochberg([])).toEqual({ adjusted: [], rejected: [], q: 0.05 });
  });

  it('rejects p-values outside 0…1 and a senseless q', () => {
    expect(() => benjaminiHochberg([0.1, Number.NaN])).toThrow(RangeError);
    expect(() => benjaminiHochberg([1.2])).toThrow(RangeError);
    expect(() => benjaminiHochberg([0.1], 0)).toThrow(RangeError);
  });

  it('property: adjusted p is ≥ raw p, ≤ 1, monotone in raw p, and rejection means adjusted ≤ q', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), (p, q) => {
        const { adjusted, rejected } = benjaminiHochberg(p, q);
        const order = p.map((_, i) => i).sort((a, b) => (p[a] ?? 0) - (p[b] ?? 0));
        const monotone = order.every((index, rank) => rank === 0 || (adjusted[order[rank - 1] ?? 0] ?? 0) <= (adjusted[index] ?? 0));
        const bounded = p.every((value, i) => (adjusted[i] ?? -1) >= value && (adjusted[i] ?? 2) <= 1);
        const consistent = rejected.every((flag, i) => flag === (adjusted[i] ?? 1) <= q);
        return monotone && bounded && consistent;
      }),
    );
  });

  it('property: agrees with the textbook rule "reject the k smallest, k = max{k : p(k) ≤ k·q/m}"', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 30 }), (p) => {
        const q = 0.05;
        const sorted = [...p].sort((a, b) => a - b);
        let k = 0;
        sorted.forEach((value, i) => {
          if (value <= ((i + 1) * q) / p.length) k = i + 1;
        });
        const cut = k === 0 ? -1 : (sorted[k - 1] ?? -1);
        const { rejected } = benjaminiHochberg(p, q);
        return p.every((value, i) => rejected[i] === value <= cut);
      }),
    );
  });
});
