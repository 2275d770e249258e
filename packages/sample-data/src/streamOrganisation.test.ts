import { describe, expect, it } from 'vitest';
import { collectDataset, generateOrganisation } from './generateOrganisation';
import { streamOrganisation, type OrganisationRecord } from './streamOrganisation';

describe('streamOrganisation', () => {
  it('yields exactly the records of generateOrganisation, in the same order', () => {
    const options = { seed: 3, accounts: 80 };
    expect(JSON.stringify(collectDataset(streamOrganisation(options)))).toBe(JSON.stringify(generateOrganisation(options)));
  });

  it('agrees for the control organisation too', () => {
    const options = { seed: 3, accounts: 40, effects: 'none' } as const;
    expect(collectDataset(streamOrganisation(options))).toEqual(generateOrganisation(options));
  });

  it('starts with the structure and pulses, then gives each account followed by its own records', () => {
    const entities: string[] = [];
    for (const { entity } of streamOrganisation({ seed: 1, accounts: 3 })) {
      if (entities[entities.length - 1] !== entity) entities.push(entity);
    }
    expect(entities.slice(0, 6)).toEqual(['businessUnit', 'productLine', 'segment', 'team', 'employeePulse', 'account']);
    expect(entities.filter((entity) => entity === 'account')).toHaveLength(3);
  });

  it('is lazy: the first account of a million-account organisation comes at once', () => {
    const started = performance.now();
    let first: OrganisationRecord | undefined;
    for (const item of streamOrganisation({ seed: 1, accounts: 1_000_000 })) {
      if (item.entity === 'account') {
        first = item;
        break;
      }
    }
    expect(first?.record).toMatchObject({ id: 'acc-000001' });
    // Only the structure (≈ 40,000 teams' pulses) is prepared up front; no account beyond the first.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('generates each account independently of the others: account 5 is the same in a 5- and a 50-account organisation', () => {
    const small = generateOrganisation({ seed: 9, accounts: 5 });
    const large = generateOrganisation({ seed: 9, accounts: 50 });
    const pick = (accountId: string, d: typeof small): unknown => ({
      account: d.accounts.find((a) => a.id === accountId),
      feedback: d.feedback.filter((f) => f.accountId === accountId),
    });
    // Team counts grow with the organisation, so compare with the same number of teams per unit (minimum 8).
    expect(pick('acc-000005', large)).toEqual(pick('acc-000005', small));
  });
});
