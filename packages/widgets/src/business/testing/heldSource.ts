import type { CxDataSource } from '@kizuna/model';

/** A data source whose reads can be held back on demand, as a CRM taking seconds over a large organisation. */
export interface HeldSource<TSource extends CxDataSource> {
  readonly source: TSource;
  /** From now on, plans and record reads wait until {@link HeldSource.release}. */
  readonly hold: () => void;
  /** Lets every waiting read through, and stops holding. */
  readonly release: () => void;
}

export function heldSource<TSource extends CxDataSource>(inner: TSource): HeldSource<TSource> {
  let held = false;
  const waiting: Array<() => void> = [];
  const gate = <TValue>(call: () => Promise<TValue>): Promise<TValue> =>
    held ? new Promise<TValue>((resolve, reject) => waiting.push(() => void call().then(resolve, reject))) : call();
  const source: TSource = {
    ...inner,
    runAggregatePlan: (plan, options) => gate(() => inner.runAggregatePlan(plan, options)),
    readDataset: (scope, options) => gate(() => inner.readDataset(scope, options)),
  };
  return {
    source,
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
      for (const next of waiting.splice(0)) next();
    },
  };
}
