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
import type { Account, AccountContext, AccountSummary, Action, ActionWriteResult, CxDataSource, ReadOptions } from '@kizuna/model';
import { classifySalesforceResponse, isSalesforceRefreshable, salesforceUsageFrom } from './auth/salesforceLayers';
import { readAccountContext, type FeedbackSource } from './composite/readAccountContext';
import { parseSalesforceConnection, type SalesforceConnectionInput } from './connection';
import { salesforceDefaultMapping, type SalesforceMapping } from './defaultMapping';
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
 * composite round trip, the account list by REST query paged to the end.
 */
export function createSalesforceDataSource(options: SalesforceDataSourceOptions): SalesforceDataSource {
  const connection = parseSalesforceConnection(options.connection);
  const mapping = options.mapping ?? salesforceDefaultMapping;
  const stats: CallStats = { calls: 0, bytesReceived: 0 };
  const { transport, usage } = salesforceTransport(options, stats);

  async function getAccountContext(accountId: string, readOptions: ReadOptions = {}): Promise<AccountContext> {
    assertSalesforceId(accountId, 'The account id');
    return readAccountContext(accountId, { transport, connection, mapping, feedbackSource: options.feedbackSource ?? 'kizuna' }, readOptions);
  }

  async function listAccounts(readOptions: ReadOptions = {}): Promise<AccountSummary[]> {
    const soql = selectQuery({ mapping: mapping.account, orderBy: { field: 'Name', direction: 'ASC' } });
    const records = await queryAll(transport, connection, soql, readOptions.signal ? { signal: readOptions.signal } : {});
    return records.flatMap((record) => {
      const result = mapRecord('account', mapping.account, record);
      return result.ok ? [summaryOf(result.value)] : [];
    });
  }

  async function writeActions(actions: readonly Action[], writeOptions: ReadOptions = {}): Promise<ActionWriteResult[]> {
    for (const action of actions) assertSalesforceId(action.accountId, 'The account of an action');
    const [single] = actions;
    if (actions.length === 1 && single !== undefined) return [await upsertActionTask(transport, connection, single, writeOptions.signal)];
    return upsertActionTasks(transport, connection, actions, writeOptions.signal);
  }

  return { kind: 'salesforce', getAccountContext, listAccounts, writeActions, stats, usage };
}

function summaryOf(account: Account): AccountSummary {
  const { id, name, businessUnitId, segmentId, arr, currency } = account;
  return { id, name, businessUnitId, segmentId, arr, currency };
}
