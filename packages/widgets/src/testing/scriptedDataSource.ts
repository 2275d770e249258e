import type { AccountContext, CxDataSource, Feedback } from '@kizuna/model';

/** A data source that answers from a script of outcomes, one per call; `'pending'` never settles. */
export function scriptedDataSource(...outcomes: Array<AccountContext | Error | 'pending'>): CxDataSource {
  const script = [...outcomes];
  return {
    kind: 'file',
    getAccountContext: () => {
      const next = script.length > 1 ? script.shift() : script[0];
      if (next === undefined) return Promise.reject(new Error('the script has no more outcomes'));
      if (next === 'pending') return new Promise<AccountContext>(() => undefined);
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    listAccounts: () => Promise.resolve([]),
    writeActions: (actions) =>
      Promise.resolve(
        actions.map((action) => ({ idempotencyKey: action.idempotencyKey, ok: true as const, crmTaskId: `task-${action.idempotencyKey}`, created: true })),
      ),
  };
}

/** An NPS answer of account `acc-1`. */
export function npsAnswer(id: string, score: number, respondedAt = '2026-06-01T00:00:00.000Z'): Feedback {
  return {
    id,
    accountId: 'acc-1',
    kind: 'nps',
    programme: 'relationship',
    scale: 'nps_0_10',
    score,
    respondedAt,
    driverScores: {},
    followUp: { state: 'not_required' },
  };
}

/** The context of account `acc-1` with the given feedback. */
export function accountContextWith(
  feedback: readonly Feedback[],
  rejected: AccountContext['rejected'] = [],
  unavailable: AccountContext['unavailable'] = [],
): AccountContext {
  return {
    account: {
      id: 'acc-1',
      name: 'Acme',
      businessUnitId: 'bu-1',
      productLineId: 'pl-1',
      segmentId: 'seg-1',
      servingTeamId: 'team-1',
      arr: 1_000_000,
      currency: 'JPY',
      status: 'active',
      customerSince: '2024-01-01',
    },
    contacts: [],
    touchpoints: [],
    feedback,
    supportCases: [],
    opportunities: [],
    actions: [],
    rejected,
    unavailable,
  };
}

/** Ten answers: 5 promoters, 3 passives, 2 detractors → NPS 30. */
export const tenNpsAnswers: readonly Feedback[] = [10, 10, 9, 9, 9, 8, 7, 8, 3, 5].map((score, index) =>
  npsAnswer(`f${index}`, score),
);
