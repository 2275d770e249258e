/** The messages between the page and the plan worker: a call by id, and its answer. */
export const sourceMethods = ['runAggregatePlan', 'readDataset', 'currentUser', 'listAccounts', 'getAccountContext', 'writeActions'] as const;
export type SourceMethod = (typeof sourceMethods)[number];

export interface PlanCall {
  readonly id: number;
  readonly method: SourceMethod;
  readonly args: readonly unknown[];
}

export type PlanAnswer =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly code: string; readonly message: string };

/** The worker's first message: the organisation is generated and its fact tables built. */
export interface WorkerReady {
  readonly ready: true;
  readonly accounts: number;
  readonly feedback: number;
  readonly generateMs: number;
  readonly factTablesMs: number;
}

export function isWorkerReady(value: unknown): value is WorkerReady {
  return typeof value === 'object' && value !== null && 'ready' in value && value.ready === true;
}

export function isPlanAnswer(value: unknown): value is PlanAnswer {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number' && 'ok' in value && typeof value.ok === 'boolean';
}
