import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differencingExposures } from './differencingExposures';
import { exResults, type ExGroupResult } from './exResults';
import { createPrivacyLedger } from './privacyLedger';
import { respondentDistance, type RespondentSet } from './respondentSet';
import { organisationArbitrary, requestArbitrary } from './testing/randomOrganisation';
import { shownSets } from './testing/shownSets';

const set = (entries: Record<string, number>): RespondentSet => new Map(Object.entries(entries));

describe('createPrivacyLedger', () => {
  it('admits sets equal to or at least k away from every remembered one', () => {
    const ledger = createPrivacyLedger(5);
    ledger.remember([set({ 'a@Q3': 6, 'c@Q3': 3 })]);
    expect(ledger.admits(set({ 'a@Q3': 6, 'c@Q3': 3 }))).toBe(true); // the same population again
    expect(ledger.admits(set({ 'a@Q3': 6 }))).toBe(false); // differs by c's 3 people
    expect(ledger.admits(set({ 'a@Q3': 6, 'c@Q3': 4 }))).toBe(false); // one late respondent
    expect(ledger.admits(set({ 'b@Q3': 7 }))).toBe(true); // 16 apart
  });

  it('forgets the oldest beyond its capacity, and moves a repeated set to the newest place', () => {
    const ledger = createPrivacyLedger(5, { capacity: 2 });
    const [a, b, c] = [set({ a: 6 }), set({ b: 7 }), set({ c: 8 })];
    ledger.remember([a, b]);
    ledger.remember([new Map(a)]); // a again: now b, a
    ledger.remember([c]); // b is forgotten
    expect(ledger.recent().map((entry) => [...entry.keys()].join())).toEqual(['a', 'c']);
  });

  it('refuses k below 3 and a capacity below 1', () => {
    expect(() => createPrivacyLedger(2)).toThrow(RangeError);
    expect(() => createPrivacyLedger(5, { capacity: 0 })).toThrow(RangeError);
  });

  it('(d) over random sequences of requests, no two results shown to the user differ by 1…k−1 (fast-check)', () => {
    const k = 5;
    const sequence = organisationArbitrary.chain((org) =>
      fc.tuple(fc.constant(org), fc.array(requestArbitrary(org), { minLength: 2, maxLength: 4 })),
    );
    fc.assert(
      fc.property(sequence, ([org, requests]) => {
        const ledger = createPrivacyLedger(k);
        const seen: RespondentSet[] = [];
        const everything: ExGroupResult[] = [];
        for (const groups of requests) {
          const results = exResults(org, { groups }, { k }, ledger);
          seen.push(...shownSets(org, groups, results));
          everything.push(...results);
        }
        seen.forEach((a, i) => {
          for (const b of seen.slice(i + 1)) {
            const difference = respondentDistance(a, b);
            expect(difference === 0 || difference >= k).toBe(true);
          }
        });
        // Stronger: everything the user saw, taken together, isolates nobody.
        expect(differencingExposures(everything, org.pulses, k)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
