import {
  createFetchTransport,
  mapRecord,
  withCallAccounting,
  withRetry,
  withTokenRefresh,
  withUsageTracking,
  type ApiUsage,
  type CallStats,
  type HttpTransport,
  type RetryOptions,
  type TokenSource,
} from '@kizuna/crm-core';
import type {
  Account,
  AccountContext,
  AccountSummary,
  Action,
  ActionWriteResult,
  AggregatePlan,
  AggregatePlanResult,
  CrmUser,
  CxDataSource,
  DatasetRead,
  DatasetScope,
  ReadOptions,
} from '@kizuna/model';
import { classifySalesforceResponse, isSalesforceRefreshable, salesforceUsageFrom } from './auth/salesforceLayers';
import { readAccountContext, type FeedbackSource } from './composite/readAccountContext';
import { parseSalesforceConnection, type SalesforceConnectionInput } from './connection';
import { readCurrentUser } from './currentUser';
import type { DatasetStructure } from './dataset/assembleDataset';
import { readDatasetOverRest } from './dataset/readDataset';
import { runAggregatePlan as pushDown } from './pushdown/runAggregatePlan';
import { salesforceDefaultMapping, type SalesforceMapping } from './defaultMapping';
import { currencyAdaptiveMapping, refusedForAField } from './currency/currencyAdaptiveMapping';
import { readOrgCurrencies } from './currency/readOrgCurrencies';
import { queryAll } from './restQuery';
import { assertSalesforceId, selectQuery } from './soql';
import { upsertActionTask, upsertActionTasks } from './writes/upsertActionTasks';

export interface SalesforceDataSourceOptions {
  readonly connection: SalesforceConnectionInput;
  /**
   * Where access tokens come from (kept in memory only): a TokenSource from the OAuth flows, which
   * refreshes when Salesforce says the session expired, or a function the host answers (asked
   * again, once, when the session expired).
   */
  readonly tokens: TokenSource | (() => string | Promise<string>);
  readonly mapping?: SalesforceMapping;
  /** The bottom transport; defaults to `fetch`. Tests and hosts inject their own. */
  readonly transport?: HttpTransport;
  /** Where feedback lives: Kizuna's own object (default) or Salesforce Surveys (`detectSurveys` tells). */
  readonly feedbackSource?: FeedbackSource;
  /** Retry tuning (tests pass a fake `sleep`); retries only the closed list of retryable codes. */
  readonly retry?: Omit<RetryOptions, 'classify'>;
  /**
   * Business units, product lines, segments and teams with their names, for `readDataset`. The org
   * keeps only their keys (docs/crm/salesforce-layout.md); without this they are named by their keys.
   */
  readonly structure?: DatasetStructure;
}

export interface SalesforceDataSource extends CxDataSource {
  readonly kind: 'salesforce';
  /** Round trips and bytes so far. */
  readonly stats: Readonly<CallStats>;
  /** The org's API usage as the last response reported it (`Sforce-Limit-Info`). */
  usage(): ApiUsage | undefined;
}

function tokenSourceOf(tokens: SalesforceDataSourceOptions['tokens']): TokenSource {
  if (typeof tokens !== 'function') return tokens;
  return { current: async () => tokens(), refresh: async () => tokens() };
}

/**
 * The transport stack, outermost first: retry (retryable codes only, bounded, with jitter) →
 * token refresh (single-flight, on an expired session only) → usage tracking → call accounting.
 */
function salesforceTransport(options: SalesforceDataSourceOptions, stats: CallStats) {
  const tracked = withUsageTracking(withCallAccounting(options.transport ?? createFetchTransport(), stats), { parse: salesforceUsageFrom });
  const authorised = withTokenRefresh(tracked, { tokens: tokenSourceOf(options.tokens), classify: classifySalesforceResponse, isRefreshable: isSalesforceRefreshable });
  return { transport: withRetry(authorised, { ...options.retry, classify: classifySalesforceResponse }), usage: () => tracked.usage() };
}

/**
 * The Salesforce adapter as a CxDataSource over the REST API: an account's whole context in one
 * composite round trip, the account list by REST query paged to the end, metrics plans pushed down
 * as SOQL aggregates, portfolio reads object by object paged to the end, and the signed-in user
 * from the UserInfo endpoint.
 */
export function createSalesforceDataSource(options: SalesforceDataSourceOptions): SalesforceDataSource {
  const connection = parseSalesforceConnection(options.connection);
  const stats: CallStats = { calls: 0, bytesReceived: 0 };
  const { transport, usage } = salesforceTransport(options, stats);
  // A single-currency org has no CurrencyIsoCode: learned from the first read it refuses (currency/).
  const mappings = currencyAdaptiveMapping(options.mapping ?? salesforceDefaultMapping, (signal) => readOrgCurrencies(transport, connection, signal));
  const signalOf = (readOptions: ReadOptions) => (readOptions.signal ? { signal: readOptions.signal } : {});

  async function getAccountContext(accountId: string, readOptions: ReadOptions = {}): Promise<AccountContext> {
    assertSalesforceId(accountId, 'The account id');
    return mappings.run((mapping) => readAccountContext(accountId, { transport, connection, mapping, feedbackSource: options.feedbackSource ?? 'kizuna' }, readOptions), {
      ...signalOf(readOptions),
      refused: refusedForAField,
    });
  }

  async function listAccounts(readOptions: ReadOptions = {}): Promise<AccountSummary[]> {
    return mappings.run(async (mapping) => {
      const soql = selectQuery({ mapping: mapping.account, orderBy: { field: 'Name', direction: 'ASC' } });
      const records = await queryAll(transport, connection, soql, signalOf(readOptions));
      return records.flatMap((record) => {
        const result = mapRecord('account', mapping.account, record);
        return result.ok ? [summaryOf(result.value)] : [];
      });
    }, signalOf(readOptions));
  }

  async function writeActions(actions: readonly Action[], writeOptions: ReadOptions = {}): Promise<ActionWriteResult[]> {
    for (const action of actions) assertSalesforceId(action.accountId, 'The account of an action');
    const [single] = actions;
    if (actions.length === 1 && single !== undefined) return [await upsertActionTask(transport, connection, single, writeOptions.signal)];
    return upsertActionTasks(transport, connection, actions, writeOptions.signal);
  }

  async function runAggregatePlan(plan: AggregatePlan, readOptions: ReadOptions = {}): Promise<AggregatePlanResult> {
    return mappings.run((mapping) => pushDown(plan, { transport, connection, mapping, ...signalOf(readOptions) }), signalOf(readOptions));
  }

  async function readDataset(scope: DatasetScope, readOptions: ReadOptions = {}): Promise<DatasetRead> {
    const context = { transport, connection, feedbackSource: options.feedbackSource ?? 'kizuna' as const, ...(options.structure ? { structure: options.structure } : {}) };
    return mappings.run((mapping) => readDatasetOverRest({ ...context, mapping }, scope, readOptions), { ...signalOf(readOptions), refused: refusedForAField });
  }

  async function currentUser(readOptions: ReadOptions = {}): Promise<CrmUser> {
    return readCurrentUser(transport, connection, readOptions.signal);
  }

  return { kind: 'salesforce', getAccountContext, listAccounts, writeActions, runAggregatePlan, readDataset, currentUser, stats, usage };
}

function summaryOf(account: Account): AccountSummary {
  const { id, name, businessUnitId, segmentId, arr, currency } = account;
  return { id, name, businessUnitId, segmentId, arr, currency };
}
