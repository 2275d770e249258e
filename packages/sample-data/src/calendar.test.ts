import { describe, expect, it } from 'vitest';
import { addYears, historyPeriods, periodIndexAt, toDate, toDateTime } from './calendar';

describe('historyPeriods', () => {
  it('gives the quarters that end at asOf, the last one being the quarter just before it', () => {
    const periods = historyPeriods(Date.parse('2026-10-01T00:00:00Z'), 8);
    expect(periods.map((period) => period.label)).toEqual([
      '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3',
    ]);
    expect(new Date(periods[0]?.startMs ?? 0).toISOString()).toBe('2024-10-01T00:00:00.000Z');
    expect(periods[7]?.endMs).toBe(Date.parse('2026-10-01T00:00:00Z'));
  });

  it('ends the quarter in progress at asOf', () => {
    const asOf = Date.parse('2026-11-15T12:00:00Z');
    const periods = historyPeriods(asOf, 2);
    expect(periods.map((period) => period.label)).toEqual(['2026-Q3', '2026-Q4']);
    expect(periods[1]?.endMs).toBe(asOf);
    expect(periodIndexAt(periods, Date.parse('2026-08-01T00:00:00Z'))).toBe(0);
    expect(periodIndexAt(periods, asOf)).toBe(-1);
  });
});

describe('addYears', () => {
  it('keeps the calendar day, and 29 February becomes 28 February', () => {
    expect(new Date(addYears(Date.parse('2025-04-14'), 2)).toISOString().slice(0, 10)).toBe('2027-04-14');
    expect(new Date(addYears(Date.parse('2024-02-29'), 1)).toISOString().slice(0, 10)).toBe('2025-02-28');
  });
});

describe('toDateTime and toDate', () => {
  it('format exactly as Date#toISOString, across centuries, leap days and milliseconds', () => {
    const instants = [0, 951_782_400_000, 951_868_799_999, 1_709_164_800_123, Date.parse('2100-03-01T00:00:00Z'), -86_400_001];
    for (let step = 0; step < 20_000; step += 1) instants.push(-2_000_000_000_000 + step * 12_499_993_787);
    for (const ms of instants) {
      const iso = new Date(ms).toISOString();
      expect(toDateTime(ms)).toBe(iso);
      expect(toDate(ms)).toBe(iso.slice(0, 10));
    }
  });
});
