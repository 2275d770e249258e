import { formatIssue, parseEntity, type Action, type ActionWriteResult } from '@kizuna/model';

/**
 * Actions kept by idempotency key, as a CRM keeps the tasks written for them: writing an action
 * whose key is already held updates that one task (same task id, `created: false`); a new key makes
 * a new task. Starts from the dataset's own actions.
 */
export interface ActionStore {
  /** Writes actions in order; one result per action. Invalid actions and unknown accounts are refused one by one. */
  write(actions: readonly unknown[]): ActionWriteResult[];
  /** The actions held for an account, in the order they were first written. */
  ofAccount(accountId: string): readonly Action[];
  /** Every action held, in the order first written. */
  all(): readonly Action[];
}

/** Task ids given to newly written actions: `task-000001`, `task-000002` … (never one an existing action holds). */
function taskIds(taken: ReadonlySet<string>): () => string {
  let next = 0;
  return () => {
    let id: string;
    do {
      next += 1;
      id = `task-${String(next).padStart(6, '0')}`;
    } while (taken.has(id));
    return id;
  };
}

export function createActionStore(initial: readonly Action[], accountExists: (accountId: string) => boolean): ActionStore {
  const byKey = new Map<string, Action>();
  const byAccount = new Map<string, Map<string, Action>>();
  const hold = (action: Action): void => {
    const previous = byKey.get(action.idempotencyKey);
    if (previous !== undefined && previous.accountId !== action.accountId) byAccount.get(previous.accountId)?.delete(action.idempotencyKey);
    byKey.set(action.idempotencyKey, action);
    let ofAccount = byAccount.get(action.accountId);
    if (ofAccount === undefined) {
      ofAccount = new Map();
      byAccount.set(action.accountId, ofAccount);
    }
    ofAccount.set(action.idempotencyKey, action);
  };
  for (const action of initial) hold(action);
  const newTaskId = taskIds(new Set(initial.flatMap((action) => (action.crmTaskId === undefined ? [] : [action.crmTaskId]))));

  function writeOne(input: unknown): ActionWriteResult {
    const parsed = parseEntity('action', input);
    const key = typeof input === 'object' && input !== null && 'idempotencyKey' in input ? String(input.idempotencyKey) : '';
    if (!parsed.ok) return { idempotencyKey: key, ok: false, code: 'VALIDATION', message: parsed.issues.map(formatIssue).join('; ') };
    const action = parsed.value;
    if (!accountExists(action.accountId)) {
      return { idempotencyKey: action.idempotencyKey, ok: false, code: 'NOT_FOUND', message: `No account ${action.accountId} in this dataset.` };
    }
    // A key already written keeps its task (and its place in the order); a new key gets a new task.
    const heldTask = byKey.get(action.idempotencyKey)?.crmTaskId;
    const crmTaskId = heldTask ?? newTaskId();
    hold({ ...action, crmTaskId });
    return { idempotencyKey: action.idempotencyKey, ok: true, crmTaskId, created: heldTask === undefined };
  }

  return {
    write: (actions) => actions.map(writeOne),
    ofAccount: (accountId) => [...(byAccount.get(accountId)?.values() ?? [])],
    all: () => [...byKey.values()],
  };
}
