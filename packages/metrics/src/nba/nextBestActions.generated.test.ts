import { actionSchema, type AccountContext } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { accountContextsOf, testAsOf } from '../health/testContext';
import { nextBestActions } from './nextBestActions';
import { playbookIds, type PlaybookId } from './playbookConfig';

interface Run {
  readonly counts: Readonly<Record<PlaybookId, number>>;
  readonly invalid: readonly string[];
  readonly keys: readonly string[];
  readonly accountsWithActions: number;
}

function runAll(contexts: readonly AccountContext[]): Run {
  const counts = Object.fromEntries(playbookIds.map((id) => [id, 0])) as Record<PlaybookId, number>;
  const invalid: string[] = [];
  const keys: string[] = [];
  let accountsWithActions = 0;
  for (const account of contexts) {
    const { proposed } = nextBestActions(account, { asOf: testAsOf });
    if (proposed.length > 0) accountsWithActions += 1;
    for (const proposal of proposed) {
      counts[proposal.playbookId] += 1;
      keys.push(proposal.action.idempotencyKey);
      if (!actionSchema.safeParse(proposal.action).success) invalid.push(proposal.action.id);
    }
  }
  return { counts, invalid, keys, accountsWithActions };
}

describe('nextBestActions on generated data', () => {
  it('seed 1, 200 accounts: every playbook fires somewhere and every output is a valid Action', () => {
    const contexts = accountContextsOf(generateOrganisation({ seed: 1 }));
    const first = runAll(contexts);
    expect(first.invalid).toEqual([]);
    // Observed at seed 1 (asOf 2026-10-01): 261 proposals — champion_quiet 156, exec_not_engaged_before_qbr 83,
    // renewal_health_falling 14, dm_detractor_no_follow_up 4, onboarding_stalled 3, support_backlog 1.
    for (const id of playbookIds) expect(first.counts[id], id).toBeGreaterThan(0);
    expect(new Set(first.keys).size).toBe(first.keys.length);
    expect(runAll(accountContextsOf(generateOrganisation({ seed: 1 }))).keys).toEqual(first.keys);
  }, 20_000);

  for (const seed of [1, 2]) {
    it(`seed ${seed}, 1,000 accounts, planted and control: every playbook fires and every output validates`, () => {
      for (const effects of ['planted', 'none'] as const) {
        const result = runAll(accountContextsOf(generateOrganisation({ seed, accounts: 1000, effects })));
        expect(result.invalid).toEqual([]);
        for (const id of playbookIds) expect(result.counts[id], `${id} (${effects})`).toBeGreaterThan(0);
        expect(new Set(result.keys).size).toBe(result.keys.length);
      }
    }, 20_000);
  }
});
