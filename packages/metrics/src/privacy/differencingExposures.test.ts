import type { EmployeePulse } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { aggregatePulses, type PulseGroup } from './aggregatePulses';
import { differencingExposures } from './differencingExposures';
import type { ExGroupResult } from './exResults';
import { pulse } from './testing/pulseFixtures';

const Q3 = '2026-Q3';

/** What a dashboard without protection would show: every group, whatever its size. */
function showEverything(pulses: readonly EmployeePulse[], groups: readonly PulseGroup[]): ExGroupResult[] {
  return aggregatePulses(pulses, groups).map((aggregate) => ({ ...aggregate, status: 'shown', warnings: [] }));
}

const group = (id: string, teamIds: readonly string[], periods = [Q3]): PulseGroup => ({ id, teamIds, periods });

describe('differencingExposures', () => {
  const pulses = [pulse('a', Q3, 6), pulse('b', Q3, 7), pulse('c', Q3, 3), pulse('a', '2026-Q2', 2)];

  it('finds a shown result below k (cell)', () => {
    expect(differencingExposures(showEverything(pulses, [group('c', ['c'])]), pulses, 5)).toContainEqual({
      kind: 'cell',
      groupIds: ['c'],
      respondents: 3,
    });
  });

  it('finds a nested pair differing by 1…k−1 (unit a+c minus team a = c)', () => {
    const exposures = differencingExposures(showEverything(pulses, [group('ac', ['a', 'c']), group('a', ['a'])]), pulses, 5);
    expect(exposures).toContainEqual({ kind: 'containment', groupIds: ['ac', 'a'], respondents: 3 });
  });

  it('finds the same across periods (half-year minus quarter)', () => {
    const shown = showEverything(pulses, [group('half', ['a'], ['2026-Q2', Q3]), group('q3', ['a'])]);
    expect(differencingExposures(shown, pulses, 5)).toContainEqual({ kind: 'containment', groupIds: ['half', 'q3'], respondents: 2 });
  });

  it('finds a parent minus shown siblings (remainder), even when no pair is close', () => {
    const shown = showEverything(pulses, [group('unit', ['a', 'b', 'c']), group('a', ['a']), group('b', ['b'])]);
    const exposures = differencingExposures(shown, pulses, 5);
    expect(exposures).toContainEqual({ kind: 'remainder', groupIds: ['unit', 'a', 'b'], respondents: 3 });
    expect(exposures.some((e) => e.kind === 'containment')).toBe(false);
  });

  it('finds the union of two disjoint shown groups, shown elsewhere, exposing a third', () => {
    const shown = showEverything(pulses, [group('abc', ['a', 'b', 'c']), group('ab', ['a', 'b']), group('bc', ['b', 'c'])]);
    // abc − ab = c (containment); also ab and bc overlap: |ab Δ bc| = a + c = 9 (fine).
    expect(differencingExposures(shown, pulses, 5).map((e) => e.kind)).toContain('containment');
  });

  it('finds overlapping groups with a small symmetric difference', () => {
    const small = [pulse('a', Q3, 6), pulse('b', Q3, 2), pulse('c', Q3, 1)];
    expect(differencingExposures(showEverything(small, [group('ab', ['a', 'b']), group('ac', ['a', 'c'])]), small, 5)).toEqual([
      { kind: 'overlap', groupIds: ['ab', 'ac'], respondents: 3 },
    ]);
  });

  it('finds what only a three-way combination reveals (linear)', () => {
    const triangle = [pulse('a', Q3, 6), pulse('b', Q3, 2), pulse('c', Q3, 6)];
    const shown = showEverything(triangle, [group('X', ['a', 'b']), group('Y', ['b', 'c']), group('Z', ['a', 'c'])]);
    expect(differencingExposures(shown, triangle, 5)).toEqual([{ kind: 'linear', groupIds: ['X', 'Y'], respondents: 2 }]);
  });

  it('reports nothing for disjoint groups of at least k, or for a parent equal to its only child', () => {
    const shown = showEverything(pulses, [group('a', ['a']), group('b', ['b']), group('ab', ['a', 'b']), group('b2', ['b'])]);
    expect(differencingExposures(shown, pulses, 5)).toEqual([]);
  });
});
