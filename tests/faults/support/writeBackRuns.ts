import type { Action, CxDataSource } from '@kizuna/model';
import fc from 'fast-check';
import { ActionOutbox } from '../../../packages/widgets/src/outbox/actionOutbox';
import { memoryStorage, type KeyValueStorage } from '../../../packages/widgets/src/outbox/storage';

/**
 * Randomised write-back runs: a handful of proposed actions, some accepted (some twice), under a
 * random schedule of faults, flushes, retries and reloads — a reload re-creates the outbox from
 * its persisted storage, sometimes while a write is still in flight (the old page's request
 * completes behind the new one). After the faults are healed and every waiting entry is retried,
 * the CRM must hold exactly one task per accepted action and none for the others.
 */
export type Step<TFault> =
  | { readonly kind: 'accept'; readonly action: number }
  | { readonly kind: 'flush' }
  | { readonly kind: 'reload'; readonly whileSending: boolean }
  | { readonly kind: 'retryNow' }
  | { readonly kind: 'fault'; readonly fault: TFault };

export interface WriteBackRun<TFault> {
  readonly actions: number;
  /** Which actions the user accepts (the others stay proposed). */
  readonly accepted: readonly boolean[];
  readonly steps: readonly Step<TFault>[];
}

export function writeBackRun<TFault>(faults: fc.Arbitrary<TFault>): fc.Arbitrary<WriteBackRun<TFault>> {
  return fc.integer({ min: 1, max: 5 }).chain((actions) =>
    fc.record({
      actions: fc.constant(actions),
      accepted: fc.array(fc.boolean(), { minLength: actions, maxLength: actions }),
      steps: fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.record({ kind: fc.constant('accept' as const), action: fc.nat({ max: actions - 1 }) }) },
          { weight: 3, arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: faults }) },
          { weight: 2, arbitrary: fc.constant({ kind: 'flush' as const }) },
          { weight: 2, arbitrary: fc.record({ kind: fc.constant('reload' as const), whileSending: fc.boolean() }) },
          { weight: 1, arbitrary: fc.constant({ kind: 'retryNow' as const }) },
        ),
        { minLength: 1, maxLength: 14 },
      ),
    }),
  );
}

export interface RunTotals {
  runs: number;
  accepted: number;
  notAccepted: number;
  acceptClicks: number;
  faults: number;
  reloads: number;
  reloadsWhileSending: number;
  writeCalls: number;
}

export function emptyTotals(): RunTotals {
  return { runs: 0, accepted: 0, notAccepted: 0, acceptClicks: 0, faults: 0, reloads: 0, reloadsWhileSending: 0, writeCalls: 0 };
}

export interface RunEnvironment<TFault> {
  readonly dataSource: CxDataSource;
  /** CRM account ids actions may be about. */
  readonly accountIds: readonly string[];
  inject(fault: TFault): void;
  /** Removes every armed fault (the CRM is healthy again). */
  heal(): void;
  /** Tasks in the simulator's store carrying this action key. */
  tasksWithKey(key: string): number;
}

/** Runs one generated schedule; returns the keys accepted and not accepted, for the caller to count tasks. */
export async function runWriteBack<TFault>(run: WriteBackRun<TFault>, runId: number, environment: RunEnvironment<TFault>, totals: RunTotals) {
  let clock = Date.parse('2026-10-01T09:00:00.000Z');
  const storage: KeyValueStorage = memoryStorage();
  const inFlight: Promise<void>[] = [];
  const write = (actions: readonly Action[]) => {
    totals.writeCalls += 1;
    return environment.dataSource.writeActions(actions);
  };
  const open = () => new ActionOutbox({ storage, write, now: () => clock, random: () => 0.5, schedule: () => () => undefined });
  let outbox = open();
  const actions: Action[] = Array.from({ length: run.actions }, (_, index) => {
    const key = `wb-${String(runId).padStart(5, '0')}-${index}`;
    return {
      id: key,
      idempotencyKey: key,
      accountId: environment.accountIds[(runId + index) % environment.accountIds.length] ?? '',
      playbookId: 'detractor-recovery',
      title: `Call back (run ${runId}, action ${index})`,
      reasons: ['NPS 3 from the decision maker'],
      valueAtStake: 1_000_000,
      expectedEffect: 0.3,
      urgency: 0.8,
      status: 'accepted',
      createdAt: '2026-10-01T09:00:00.000Z',
    };
  });
  for (const step of run.steps) {
    clock += 60_000;
    if (step.kind === 'accept') {
      const action = actions[step.action];
      if (action !== undefined && run.accepted[step.action] === true) {
        totals.acceptClicks += 1;
        outbox.enqueue(action);
      }
    } else if (step.kind === 'fault') {
      totals.faults += 1;
      environment.inject(step.fault);
    } else if (step.kind === 'flush') {
      await outbox.flush();
    } else if (step.kind === 'retryNow') {
      for (const entry of outbox.entries()) if (entry.state !== 'done') await outbox.retryNow(entry.idempotencyKey);
    } else {
      totals.reloads += 1;
      if (step.whileSending) {
        totals.reloadsWhileSending += 1;
        inFlight.push(outbox.flush());
      } else {
        await outbox.flush();
      }
      outbox.stop();
      outbox = open();
    }
  }
  // The user accepted these somewhere in the schedule; those never clicked are accepted at the end.
  actions.forEach((action, index) => {
    if (run.accepted[index] === true && outbox.entryFor(action.idempotencyKey) === undefined) outbox.enqueue(action);
  });
  await Promise.allSettled(inFlight);
  environment.heal();
  outbox.stop();
  outbox = open();
  for (let round = 0; round < 6 && outbox.entries().some((entry) => entry.state !== 'done'); round += 1) {
    clock += 10 * 60_000;
    for (const entry of outbox.entries()) if (entry.state !== 'done') await outbox.retryNow(entry.idempotencyKey);
    await outbox.flush();
  }
  totals.runs += 1;
  const accepted = actions.filter((_, index) => run.accepted[index] === true);
  const others = actions.filter((_, index) => run.accepted[index] !== true);
  totals.accepted += accepted.length;
  totals.notAccepted += others.length;
  return {
    unsent: outbox.entries().filter((entry) => entry.state !== 'done').map((entry) => `${entry.idempotencyKey}: ${entry.state} ${entry.lastError?.code ?? ''} ${entry.lastError?.message ?? ''}`),
    accepted: accepted.map((action) => ({ key: action.idempotencyKey, tasks: environment.tasksWithKey(action.idempotencyKey) })),
    others: others.map((action) => ({ key: action.idempotencyKey, tasks: environment.tasksWithKey(action.idempotencyKey) })),
  };
}
