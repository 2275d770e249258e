import {
  createFetchTransport,
  mapRecord,
  withBearerAuth,
  withCallAccounting,
  type CallStats,
  type HttpTransport,
} from '@kizuna/crm-core';
import type { Account, AccountContext, AccountSummary, Action, ActionWriteResult, CxDataSource, ReadOptions } from '@kizuna/model';
import { readAccountContext } from './composite/readAccountContext';
import { parseSalesforceConnection, type SalesforceConnectionInput } from './connection';
import { salesforceDefaultMapping, type SalesforceMapping } from './defaultMapping';
import { queryAll } from './restQuery';
import { assertSalesforceId, selectQuery } from './soql';
import { upsertActionTask, upsertActionTasks } from './writes/upsertActionTasks';

export interface SalesforceDataSourceOptions {
  readonly connection: SalesforceConnectionInput;
  /** The access token (kept in memory only). */
  readonly getAccessToken: () => string | Promise<string>;
  readonly mapping?: SalesforceMapping;
  /** The bottom transport; defaults to `fetch`. Tests and hosts inject their own. */
  readonly transport?: HttpTransport;
}

export interface SalesforceDataSource extends CxDataSource {
  readonly kind: 'salesforce';
  /** Round trips and bytes so far. */
  readonly stats: Readonly<CallStats>;
}

/**
 * The Salesforce adapter as a CxDataSource over the REST API: an account's whole context in one
 * composite round trip, the account list by REST query paged to the end.
 */
export function createSalesforceDataSource(options: SalesforceDataSourceOptions): SalesforceDataSource {
  const connection = parseSalesforceConnection(options.connection);
  const mapping = options.mapping ?? salesforceDefaultMapping;
  const stats: CallStats = { calls: 0, bytesReceived: 0 };
  const transport = withBearerAuth(withCallAccounting(options.transport ?? createFetchTransport(), stats), options.getAccessToken);

  async function getAccountContext(accountId: string, readOptions: ReadOptions = {}): Promise<AccountContext> {
    assertSalesforceId(accountId, 'The account id');
    return readAccountContext(accountId, { transport, connection, mapping }, readOptions);
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

  return { kind: 'salesforce', getAccountContext, listAccounts, writeActions, stats };
}

function summaryOf(account: Account): AccountSummary {
  const { id, name, businessUnitId, segmentId, arr, currency } = account;
  return { id, name, businessUnitId, segmentId, arr, currency };
}
