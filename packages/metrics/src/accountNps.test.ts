import type { Feedback } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { accountNps } from './accountNps';

function answer(id: string, accountId: string, score: number, respondedAt: string, kind: Feedback['kind'] = 'nps'): Feedback {
  const scale = kind === 'nps' ? 'nps_0_10' : kind === 'csat' ? 'csat_1_5' : 'ces2_1_7';
  return {
    id,
    accountId,
    kind,
    programme: 'relationship',
    scale,
    score,
    respondedAt,
    driverScores: {},
    followUp: { state: 'not_required' },
  };
}

describe('accountNps', () => {
  const feedback = [
    answer('1', 'acme', 10, '2026-09-30T10:00:00.000Z'),
    answer('2', 'acme', 9, '2026-03-01T10:00:00.000Z'),
    answer('3', 'acme', 3, '2026-01-15T10:00:00.000Z'),
    answer('4', 'acme', 8, '2025-09-01T10:00:00.000Z'), // outside the 365-day window
    answer('5', 'globex', 0, '2026-09-01T10:00:00.000Z'), // another account
    answer('6', 'acme', 5, '2026-09-01T10:00:00.000Z', 'csat'), // not an NPS answer
  ];

  it('counts only this account’s NPS answers inside the trailing window', () => {
    const result = accountNps(feedback, 'acme', { asOf: '2026-10-01T00:00:00.000Z' });
    expect(result.counts).toEqual({ promoters: 2, passives: 0, detractors: 1 });
    expect(result.nps).toBeCloseTo(33.333, 3);
    expect(result.window).toEqual({ from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' });
  });

  it('takes the window length as an option', () => {
    const result = accountNps(feedback, 'acme', { asOf: '2026-10-01T00:00:00.000Z', days: 90 });
    expect(result.n).toBe(1);
    expect(result.nps).toBe(100);
  });

  it('rejects an unreadable clock value instead of silently using NaN', () => {
    expect(() => accountNps(feedback, 'acme', { asOf: 'yesterday' })).toThrow(RangeError);
  });
});
