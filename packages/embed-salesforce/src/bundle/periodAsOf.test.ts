import { describe, expect, it } from 'vitest';
import { asOfForPeriod } from './periodAsOf';

describe('asOfForPeriod', () => {
  const now = new Date('2026-05-20T20:49:32.000Z');

  it('is now for the current period', () => {
    expect(asOfForPeriod('current', now)).toBe('2026-05-20T20:49:32.000Z');
  });

  it('is the first instant of this quarter for the end of the last quarter', () => {
    expect(asOfForPeriod('last-quarter-end', now)).toBe('2026-04-01T00:00:00.000Z');
    expect(asOfForPeriod('last-quarter-end', new Date('2026-01-01T00:00:00.000Z'))).toBe('2026-01-01T00:00:00.000Z');
    expect(asOfForPeriod('last-quarter-end', new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-10-01T00:00:00.000Z');
  });

  it('is the first instant of this year for the end of the last year', () => {
    expect(asOfForPeriod('last-year-end', now)).toBe('2026-01-01T00:00:00.000Z');
  });
});
