import type {
  Account,
  AccountContext,
  AccountSummary,
  AggregatePlan,
  AggregatePlanResult,
  CanonicalDataset,
  CrmUser,
  Contact,
  CxDataSource,
  DatasetRead,
  Feedback,
  Opportunity,
  ReadOptions,
  SupportCase,
  Touchpoint,
} from '@kizuna/model';
import { buildFactTables, type FactTableOptions, type FactTables } from '../kpi/buildFactTables';
import { executePlan } from '../kpi/executePlan';
import { createActionStore } from './actionStore';
import { DataSourceError, throwIfAborted } from './dataSourceError';
import { datasetInScope, resolveScope } from './datasetScope';

export interface DatasetDataSourceOptions {
  /** The signed-in user `currentUser` answers with (locale decides the default language). */
  readonly user: CrmUser;
  /** How the source names itself; `file` (exported data) unless said otherwise. */
  readonly kind?: CxDataSource['kind'];
  /** How the fact tables for aggregate plans are built, e.g. `{ health: { asOf } }` for relationship health. */
  readonly factTables?: FactTableOptions;
}

/** An account and its records, but its actions (those come from the action store). */
interface AccountRecords {
  readonly account: Account;
  readonly contacts: Contact[];
  readonly touchpoints: Touchpoint[];
  readonly feedback: Feedback[];
  readonly supportCases: SupportCase[];
  readonly opportunities: Opportunity[];
}

/** Every account's records, in one pass per entity (records of accounts the dataset does not hold are left out). */
function indexAccounts(dataset: CanonicalDataset): Map<string, AccountRecords> {
  const index = new Map<string, AccountRecords>();
  for (const account of dataset.accounts) {
    index.set(account.id, { account, contacts: [], touchpoints: [], feedback: [], supportCases: [], opportunities: [] });
  }
  const add = <TRecord extends { readonly accountId: string }>(records: readonly TRecord[], listOf: (records: AccountRecords) => TRecord[]): void => {
    for (const record of records) {
      const held = index.get(record.accountId);
      if (held !== undefined) listOf(held).push(record);
    }
  };
  add(dataset.contacts, (held) => held.contacts);
  add(dataset.touchpoints, (held) => held.touchpoints);
  add(dataset.feedback, (held) => held.feedback);
  add(dataset.supportCases, (held) => held.supportCases);
  add(dataset.opportunities, (held) => held.opportunities);
  return index;
}

function summaryOf({ id, name, businessUnitId, segmentId, arr, currency }: Account): AccountSummary {
  return { id, name, businessUnitId, segmentId, arr, currency };
}

/**
 * A `CxDataSource` over a canonical dataset in memory — the "evaluate in memory" path, with no I/O:
 * for exported data (the CLI), the demo's preview and the widgets' tests and stories. It answers as a
 * CRM adapter does:
 * - `getAccountContext`: the account's records and the actions held for it; an unknown id rejects
 *   with `DataSourceError` `NOT_FOUND`.
 * - `listAccounts`: every account, by name.
 * - `writeActions`: idempotent by `idempotencyKey` — the same key again updates the one stored
 *   action and its task (`created: false`); written actions show up in later account contexts and
 *   reads. An invalid action or an unknown account is refused in its result, not thrown.
 * - `runAggregatePlan`: the plan run by the metrics core's own engine (`executePlan`) on the
 *   dataset's fact tables (built on first use), always `{ pushed: true }`; a plan naming a field
 *   or dimension the tables do not have rejects with `INVALID_QUERY`.
 * - `readDataset`: the records of a scope (`datasetInScope`); an invalid scope rejects with `INVALID_INPUT`.
 * - `currentUser`: the user given in the options.
 * Every method rejects with `CANCELLED` when its signal is already aborted. The dataset is never modified.
 */
export function createDatasetDataSource(dataset: CanonicalDataset, options: DatasetDataSourceOptions): CxDataSource {
  let accounts: Map<string, AccountRecords> | undefined;
  const accountIndex = () => (accounts ??= indexAccounts(dataset));
  let summaries: readonly AccountSummary[] | undefined;
  const byName = () =>
    (summaries ??= dataset.accounts.map(summaryOf).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  let tables: FactTables | undefined;
  const factTables = () => (tables ??= buildFactTables(dataset, options.factTables ?? {}));
  const actions = createActionStore(dataset.actions, (accountId) => accountIndex().has(accountId));

  return {
    kind: options.kind ?? 'file',

    async getAccountContext(accountId: string, readOptions: ReadOptions = {}): Promise<AccountContext> {
      throwIfAborted(readOptions.signal);
      const held = accountIndex().get(accountId);
      if (held === undefined) throw new DataSourceError('NOT_FOUND', `No account ${JSON.stringify(accountId)} in this dataset.`);
      return { ...held, actions: actions.ofAccount(accountId), rejected: [], unavailable: [] };
    },

    async listAccounts(readOptions: ReadOptions = {}): Promise<readonly AccountSummary[]> {
      throwIfAborted(readOptions.signal);
      return byName();
    },

    async writeActions(written, readOptions: ReadOptions = {}) {
      throwIfAborted(readOptions.signal);
      return actions.write(written);
    },

    async runAggregatePlan(plan: AggregatePlan, readOptions: ReadOptions = {}): Promise<AggregatePlanResult> {
      throwIfAborted(readOptions.signal);
      const tablesNow = factTables();
      for (const [name, query] of Object.entries(plan.queries)) {
        if (!Object.hasOwn(tablesNow, query.source)) throw new DataSourceError('INVALID_QUERY', `Query ${name} of ${plan.kpi} reads an unknown fact source ${JSON.stringify(query.source)}.`);
      }
      try {
        return { pushed: true, totals: executePlan(plan, tablesNow) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DataSourceError('INVALID_QUERY', `The plan of ${plan.kpi} cannot run on this dataset: ${reason}.`, { cause: error });
      }
    },

    async readDataset(scope, readOptions: ReadOptions = {}): Promise<DatasetRead> {
      throwIfAborted(readOptions.signal);
      const resolved = resolveScope(scope);
      return { dataset: datasetInScope({ ...dataset, actions: [...actions.all()] }, resolved), rejected: [], unavailable: [] };
    },

    async currentUser(readOptions: ReadOptions = {}): Promise<CrmUser> {
      throwIfAborted(readOptions.signal);
      return options.user;
    },
  };
}
