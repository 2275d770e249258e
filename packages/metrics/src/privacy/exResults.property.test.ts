import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differencingExposures } from './differencingExposures';
import { exResults, type ExGroupRequest, type ExGroupResult } from './exResults';
import { revealsAtoms } from './linearAudit';
import { maximalCliques } from './maximalCliques';
import { containsSet, disjointSets, respondentDistance, respondentTotal, type RespondentSet } from './respondentSet';
import { exactlyRevealedSmallPopulations } from './testing/exactRowSpace';
import { organisationArbitrary, requestArbitrary, type RandomOrganisation } from './testing/randomOrganisation';
import { rawSets, shownSets } from './testing/shownSets';

const k = 5;
const runs = 1000;
/** Generous: each property takes 1–4 s on an idle 2-core machine, but CI machines get busy. */
const timeout = 60_000;

const scenario = organisationArbitrary.chain((org) => fc.tuple(fc.constant(org), requestArbitrary(org)));

function run(org: RandomOrganisation, groups: readonly ExGroupRequest[]): ExGroupResult[] {
  return exResults({ teams: org.teams, pulses: org.pulses }, { groups }, { k });
}

/** Every number anywhere inside a value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

/** parent − Σ family as a multiset. */
function minus(parent: RespondentSet, family: readonly RespondentSet[]): RespondentSet {
  const left = new Map(parent);
  for (const member of family) for (const [atom, n] of member) left.set(atom, (left.get(atom) ?? 0) - n);
  return new Map([...left].filter(([, n]) => n !== 0));
}

describe('exResults over random organisations and requests (fast-check)', () => {
  it('(a) never shows a result below k, and a hidden result carries no number', () => {
    fc.assert(
      fc.property(scenario, ([org, groups]) => {
        for (const result of run(org, groups)) {
          if (result.status === 'shown') expect(result.respondents).toBeGreaterThanOrEqual(k);
          else expect(numbersIn(result)).toEqual([]);
        }
      }),
      { numRuns: runs },
    );
  }, timeout);

  it('(b) two shown results, one inside the other, differ by 0 or at least k respondents', () => {
    fc.assert(
      fc.property(scenario, ([org, groups]) => {
        const sets = shownSets(org, groups, run(org, groups));
        sets.forEach((a, i) => {
          for (const b of sets.slice(i + 1)) {
            if (!containsSet(a, b) && !containsSet(b, a)) continue;
            const difference = respondentDistance(a, b);
            expect(difference === 0 || difference >= k).toBe(true);
          }
        });
      }),
      { numRuns: runs },
    );
  }, timeout);

  it('(c) a child hidden for being small is not its shown parent minus any shown disjoint siblings, nor any combination', () => {
    fc.assert(
      fc.property(scenario, ([org, groups]) => {
        const results = run(org, groups);
        const shown = shownSets(org, groups, results);
        const hiddenSmall = rawSets(org, groups).filter((set, index) => {
          const result = results[index];
          return result?.status === 'suppressed' && result.rule === 'cell' && set.size > 0;
        });
        for (const child of hiddenSmall) {
          expect(revealsAtoms(shown, [...child.keys()])).toBe(false);
          for (const parent of shown.filter((p) => containsSet(p, child))) {
            const siblings = shown.filter((s) => s !== parent && containsSet(parent, s) && disjointSets(s, child));
            const disjoint = (a: number, b: number) => disjointSets(siblings[a] ?? new Map(), siblings[b] ?? new Map());
            for (const family of maximalCliques(siblings.length, disjoint)) {
              const rest = minus(parent, family.flatMap((index) => siblings[index] ?? []));
              expect(respondentDistance(rest, child)).not.toBe(0);
            }
          }
        }
      }),
      { numRuns: runs },
    );
  }, timeout);

  it('(e) differencingExposures finds nothing: no pair, remainder or combination isolates 1…k−1', () => {
    fc.assert(
      fc.property(scenario, ([org, groups]) => {
        expect(differencingExposures(run(org, groups), org.pulses, k)).toEqual([]);
      }),
      { numRuns: runs },
    );
  }, timeout);

  it('(f) an exact-arithmetic oracle agrees: no small population lies in the span of shown results', () => {
    fc.assert(
      fc.property(scenario, ([org, groups]) => {
        expect(exactlyRevealedSmallPopulations(shownSets(org, groups, run(org, groups)), k)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  }, timeout);

  it('(g) hides nothing needlessly: disjoint single-team groups of at least k are all shown, with the raw figures', () => {
    fc.assert(
      fc.property(organisationArbitrary, fc.integer({ min: 3, max: 8 }), (org, policyK) => {
        const groups = org.teams.map((team) => ({ id: team.id, teams: { teamIds: [team.id] }, periods: org.periods }));
        const results = exResults({ teams: org.teams, pulses: org.pulses }, { groups }, { k: policyK });
        rawSets(org, groups).forEach((set, index) => {
          const n = respondentTotal(set);
          const result = results[index];
          if (n >= policyK) expect(result).toMatchObject({ status: 'shown', respondents: n });
          else expect(result?.status).not.toBe('shown');
        });
      }),
      { numRuns: runs },
    );
  }, timeout);
});
