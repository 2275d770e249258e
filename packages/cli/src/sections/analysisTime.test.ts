import { emptyDataset, type CanonicalDataset } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { openEnd, openStart } from '../analyze/analyzeOptions';
import { inWindow, resolveAsOf } from './analysisTime';

const dataset = generateOrganisation({ seed: 1, accounts: 5 });

function latest(data: CanonicalDataset): string {
  const times = [
    ...data.feedback.map((answer) => answer.respondedAt),
    ...data.touchpoints.map((touchpoint) => touchpoint.occurredAt),
    ...data.supportCases.flatMap((supportCase) => [supportCase.openedAt, supportCase.firstResponseAt, supportCase.closedAt]),
  ].filter((time): time is string => time !== undefined);
  return new Date(Math.max(...times.map((time) => Date.parse(time)))).toISOString();
}

describe('asOf', () => {
  it('is the latest activity in the data without --to (also when only --from was given)', () => {
    expect(resolveAsOf(dataset, undefined)).toEqual({ instant: latest(dataset), source: 'data' });
    expect(resolveAsOf(dataset, { from: '2026-01-01T00:00:00.000Z', to: openEnd })).toEqual({ instant: latest(dataset), source: 'data' });
  });

  it('is the end of the window when --to was given', () => {
    expect(resolveAsOf(dataset, { from: openStart, to: '2026-04-01T00:00:00.000Z' })).toEqual({ instant: '2026-04-01T00:00:00.000Z', source: 'to' });
  });

  it('ignores planned dates (renewals, close dates) and is undefined without any activity', () => {
    const plannedOnly = { ...emptyDataset(), accounts: dataset.accounts, opportunities: dataset.opportunities };
    expect(resolveAsOf(plannedOnly, undefined)).toBeUndefined();
  });
});

describe('inWindow', () => {
  it('is [from, to) and takes offsets into account', () => {
    const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
    expect(inWindow(window, '2026-01-01T00:00:00.000Z')).toBe(true);
    expect(inWindow(window, '2026-04-01T00:00:00.000Z')).toBe(false);
    expect(inWindow(window, '2026-04-01T08:00:00+09:00')).toBe(true);
    expect(inWindow(undefined, '1999-01-01T00:00:00.000Z')).toBe(true);
  });
});
