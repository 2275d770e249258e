import { describe, expect, it } from 'vitest';
import { highlightCells, type HighlightCell } from './highlightCells';

const nps = (id: string, promoters: number, passives: number, detractors: number, extra: Partial<HighlightCell> = {}): HighlightCell => ({
  id,
  measure: { kind: 'nps', counts: { promoters, passives, detractors } },
  ...extra,
});

describe('highlightCells', () => {
  it('flags a business unit that is really weaker than the rest as the only weakness', () => {
    const cells = [
      nps('cloud', 120, 100, 60, { revenueAtStake: 900 }),
      nps('manufacturing', 50, 100, 110, { revenueAtStake: 1_200 }),
      nps('retail', 110, 90, 60),
      nps('finance', 115, 100, 55),
      nps('workplace', 105, 95, 65),
    ];
    const result = highlightCells(cells);
    expect(result.filter((r) => r.direction === 'weakness').map((r) => r.id)).toEqual(['manufacturing']);
    // Each cell is compared with the pooled rest, which the weak unit drags down: finance (22 vs 8.5) reads as a strength.
    expect(result.find((r) => r.id === 'finance')?.direction).toBe('strength');
    const weak = result[1];
    expect(weak?.estimate).toBeCloseTo((100 * (50 - 110)) / 260, 10);
    expect(weak?.rest).toEqual({ n: 1_075, estimate: (100 * (450 - 240)) / 1_075 });
    expect(weak?.difference).toBeCloseTo((weak?.estimate ?? 0) - (weak?.rest.estimate ?? 0), 10);
    expect(weak?.adjustedP).toBeLessThan(0.05);
    expect(weak?.adjustedP ?? 0).toBeGreaterThanOrEqual(weak?.p ?? 1);
    expect(weak?.differenceInterval?.high).toBeLessThan(0);
    expect(weak?.revenueAtStake).toBe(1_200);
    expect(result[2]).not.toHaveProperty('revenueAtStake');
  });

  it('calls a clearly better cell a strength', () => {
    const result = highlightCells([nps('a', 200, 50, 10), nps('b', 80, 90, 90), nps('c', 85, 85, 90)]);
    expect(result[0]?.direction).toBe('strength');
  });

  it('controls the false discovery rate: a raw p of 0.03 among eight cells is not enough', () => {
    const cells = Array.from({ length: 8 }, (_, i) => nps(`u${i}`, 100, 60, 40));
    cells[0] = nps('u0', 86, 60, 54); // about z = −2.1 against the rest
    const [first] = highlightCells(cells);
    expect(first?.p).toBeLessThan(0.05);
    expect(first?.adjustedP).toBeGreaterThan(0.05);
    expect(first?.direction).toBe('none');
  });

  it('tests small cells but flags them; does not test tiny or empty ones, and says so', () => {
    const result = highlightCells([nps('big', 300, 200, 100), nps('small', 0, 2, 6), nps('tiny', 0, 0, 3), nps('empty', 0, 0, 0)]);
    const [, small, tiny, empty] = result;
    expect(small).toMatchObject({ tested: true, warnings: [{ code: 'small_sample', detail: { n: 8, minimum: 10, consequence: 'indicative' } }] });
    expect(tiny).toMatchObject({ tested: false, p: null, adjustedP: null, direction: 'none' });
    expect(tiny?.warnings).toEqual([{ code: 'small_sample', detail: { n: 3, minimum: 5, consequence: 'not_tested' } }]);
    expect(tiny?.estimate).toBe(-100);
    expect(empty).toMatchObject({ tested: false, estimate: null, interval: null, warnings: [{ code: 'no_data' }] });
  });

  it('compares a cell only with its own comparison set, and shares with shares', () => {
    const result = highlightCells([
      nps('bu1×enterprise', 30, 30, 40, { comparisonSet: 'enterprise' }),
      nps('bu2×enterprise', 60, 30, 10, { comparisonSet: 'enterprise' }),
      nps('bu1×smb', 60, 30, 10, { comparisonSet: 'smb' }),
      { id: 'bu1', measure: { kind: 'proportion', successes: 150, n: 200 } },
      { id: 'bu2', measure: { kind: 'proportion', successes: 190, n: 200 } },
    ]);
    expect(result[0]).toMatchObject({ comparisonSet: 'enterprise', rest: { n: 100, estimate: 50 }, direction: 'weakness' });
    // Alone in its set: no rest to compare with.
    expect(result[2]).toMatchObject({ tested: false, rest: { n: 0, estimate: null } });
    expect(result[3]).toMatchObject({ kind: 'proportion', estimate: 0.75, rest: { n: 200, estimate: 0.95 }, direction: 'weakness' });
    expect(result[3]?.interval?.low).toBeGreaterThan(0.68);
  });

  it('with a design effect, clustered answers need a larger gap', () => {
    const cells = [nps('a', 40, 40, 30), nps('b', 60, 30, 20), nps('c', 62, 28, 20)];
    expect(highlightCells(cells)[0]?.direction).toBe('weakness');
    expect(highlightCells(cells, { designEffect: 2.5 })[0]?.direction).toBe('none');
    expect(() => highlightCells(cells, { designEffect: -1 })).toThrow(RangeError);
    expect(() => highlightCells(cells, { q: 0 })).toThrow(RangeError);
  });
});
