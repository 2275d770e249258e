import { describe, expect, it } from 'vitest';
import { findRevealedPopulation, revealsAtoms } from './linearAudit';
import { nullSpaceCoordinates } from './nullSpaceCoordinates';

const set = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('nullSpaceCoordinates', () => {
  it('gives coordinates whose combination with the matrix rows is zero', () => {
    const matrix = [
      [1, 1, 0, 1],
      [0, 1, 1, 1],
    ];
    const coordinates = nullSpaceCoordinates(matrix, 4);
    const nullity = coordinates[0]?.length ?? 0;
    expect(nullity).toBe(2);
    for (let j = 0; j < nullity; j += 1) {
      for (const row of matrix) {
        expect(row.reduce((sum, value, c) => sum + value * (coordinates[c]?.[j] ?? 0), 0)).toBeCloseTo(0, 12);
      }
    }
  });
});

describe('findRevealedPopulation', () => {
  it('finds a population isolated by three overlapping groups (X + Y − Z = 2b)', () => {
    const rows = [set({ a: 6, b: 2 }), set({ b: 2, c: 6 }), set({ a: 6, c: 6 })];
    expect(findRevealedPopulation(rows, 5)).toEqual({ kind: 'revealed', population: { atoms: ['b'], respondents: 2 } });
  });

  it('finds nothing when every revealable population has at least k respondents', () => {
    const rows = [set({ a: 6, b: 7 }), set({ a: 6 }), set({ c: 3, d: 4 })];
    expect(findRevealedPopulation(rows, 5)).toEqual({ kind: 'safe' });
  });

  it('finds a small population made of several classes (c + d in a parent minus a shown child)', () => {
    const rows = [set({ a: 6, c: 1, d: 2 }), set({ a: 6 }), set({ c: 1, e: 9 })];
    const audit = findRevealedPopulation(rows, 5);
    expect(audit).toEqual({ kind: 'revealed', population: { atoms: ['c', 'd'], respondents: 3 } });
  });

  it('gives up as "undetermined" when the budget runs out', () => {
    // Four single respondents told apart only through a shared 9-person team: a + b + d is
    // revealed, but only after a few subsets have been tried.
    const rows = [set({ a: 1, b: 1, c: 1, d: 1, e: 9 }), set({ a: 1, e: 9 }), set({ b: 1, e: 9 }), set({ c: 1, e: 9 })];
    expect(findRevealedPopulation(rows, 5).kind).toBe('revealed');
    expect(findRevealedPopulation(rows, 5, { budget: 2 })).toEqual({ kind: 'undetermined' });
  });
});

describe('revealsAtoms', () => {
  it('knows a parent minus its child, not half of an indivisible class', () => {
    const rows = [set({ a: 6, b: 2, c: 3 }), set({ a: 6 })];
    expect(revealsAtoms(rows, ['b', 'c'])).toBe(true);
    expect(revealsAtoms(rows, ['b'])).toBe(false);
    expect(revealsAtoms(rows, ['z'])).toBe(false);
  });
});
