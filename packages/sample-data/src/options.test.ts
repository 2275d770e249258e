import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options';

describe('resolveOptions', () => {
  it('fills in the defaults: 200 accounts, 8 quarters to 2026-10-01, planted effects', () => {
    expect(resolveOptions({ seed: 1 })).toEqual({
      seed: 1,
      accounts: 200,
      asOf: '2026-10-01T00:00:00Z',
      asOfMs: Date.parse('2026-10-01T00:00:00Z'),
      periods: 8,
      effects: 'planted',
    });
  });

  it.each([
    [{ seed: 1.5 }, 'seed must be a whole number'],
    [{ seed: 1, accounts: 0 }, 'accounts must be a whole number from 1'],
    [{ seed: 1, periods: 1 }, 'periods must be a whole number from 2'],
    [{ seed: 1, asOf: 'yesterday' }, 'asOf must be an ISO 8601 date-time'],
  ])('rejects %j', (options, message) => {
    expect(() => resolveOptions(options)).toThrow(message);
  });
});
