import type { Action, ActionWriteResult, CxDataSource } from '@kizuna/model';

/** An accepted action that is now a CRM task. */
export interface AcceptedAction {
  readonly idempotencyKey: string;
  readonly accountId: string;
  readonly crmTaskId: string;
  /** False when the task already existed and was updated. */
  readonly created: boolean;
}

function accepted(actions: readonly Action[], results: readonly ActionWriteResult[]): AcceptedAction[] {
  const byKey = new Map(actions.map((action) => [action.idempotencyKey, action]));
  return results.flatMap((result) => {
    const action = byKey.get(result.idempotencyKey);
    if (!result.ok || action === undefined) return [];
    return [{ idempotencyKey: result.idempotencyKey, accountId: action.accountId, crmTaskId: result.crmTaskId, created: result.created }];
  });
}

/**
 * The same data source, telling `onAccepted` about every action written back successfully — how
 * an element raises `kizuna-action-accepted` and a framed dashboard tells its host. The listener's
 * own failures never reach the dashboard.
 */
export function withAcceptedActionListener(dataSource: CxDataSource, onAccepted: (action: AcceptedAction) => void): CxDataSource {
  return {
    kind: dataSource.kind,
    getAccountContext: (accountId, options) => dataSource.getAccountContext(accountId, options),
    listAccounts: (options) => dataSource.listAccounts(options),
    runAggregatePlan: (plan, options) => dataSource.runAggregatePlan(plan, options),
    readDataset: (scope, options) => dataSource.readDataset(scope, options),
    currentUser: (options) => dataSource.currentUser(options),
    writeActions: async (actions, options) => {
      const results = await dataSource.writeActions(actions, options);
      for (const action of accepted(actions, results)) {
        try {
          onAccepted(action);
        } catch {
          // A listener's failure is the page's problem, not the dashboard's.
        }
      }
      return results;
    },
  };
}
