import {
  CrmError,
  createFetchTransport,
  mapRecord,
  withBearerAuth,
  withCallAccounting,
  type CallStats,
  type HttpTransport,
  type ObjectMapping,
} from '@kizuna/crm-core';
import type {
  AccountContext,
  AccountSummary,
  CxDataSource,
  EntityName,
  EntityOf,
  ReadOptions,
  RejectedRecord,
} from '@kizuna/model';
import { parseSalesforceConnection, type SalesforceConnection, type SalesforceConnectionInput } from './connection';
import { salesforceDefaultMapping, type SalesforceMapping } from './defaultMapping';
import { queryAll, type SalesforceRecord } from './restQuery';
import { assertSalesforceId, selectQuery, type EqualsCondition } from './soql';

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
  getAccountContext(accountId: string, options?: ReadOptions): Promise<AccountContext>;
  /** Round trips and bytes so far. */
  readonly stats: Readonly<CallStats>;
}

interface Reader {
  read<TName extends EntityName>(
    entity: TName,
    mapping: ObjectMapping,
    where: readonly EqualsCondition[],
    options: ReadOptions,
  ): Promise<EntityOf<TName>[]>;
  readonly rejected: RejectedRecord[];
}

function createReader(transport: HttpTransport, connection: SalesforceConnection): Reader {
  const rejected: RejectedRecord[] = [];
  return {
    rejected,
    async read(entity, mapping, where, options) {
      const soql = selectQuery({ mapping, where });
      const records = await queryAll(transport, connection, soql, options.signal ? { signal: options.signal } : {});
      return mapAll(entity, mapping, records, rejected);
    },
  };
}

function mapAll<TName extends EntityName>(
  entity: TName,
  mapping: ObjectMapping,
  records: readonly SalesforceRecord[],
  rejected: RejectedRecord[],
): EntityOf<TName>[] {
  const mapped: EntityOf<TName>[] = [];
  for (const record of records) {
    const result = mapRecord(entity, mapping, record);
    if (result.ok) mapped.push(result.value);
    else rejected.push({ entity, recordId: typeof record['Id'] === 'string' ? record['Id'] : undefined, issues: result.issues });
  }
  return mapped;
}

/**
 * The Salesforce adapter as a CxDataSource, over REST query. Each object of the account
 * context is read with its own query, paged to the end.
 */
export function createSalesforceDataSource(options: SalesforceDataSourceOptions): SalesforceDataSource {
  const connection = parseSalesforceConnection(options.connection);
  const mapping = options.mapping ?? salesforceDefaultMapping;
  const stats: CallStats = { calls: 0, bytesReceived: 0 };
  const transport = withBearerAuth(withCallAccounting(options.transport ?? createFetchTransport(), stats), options.getAccessToken);

  async function getAccountContext(accountId: string, readOptions: ReadOptions = {}): Promise<AccountContext> {
    assertSalesforceId(accountId, 'The account id');
    const reader = createReader(transport, connection);
    const byAccount = (field: string) => [{ field, equals: accountId }];
    // Tasks Kizuna wrote for accepted actions carry an action key; they are actions, not touchpoints.
    const touchpointTasks = [...byAccount('WhatId'), { field: 'Kizuna_Action_Key__c', equals: null }];
    const [accounts, contacts, tasks, events, feedback, supportCases, opportunities] = await Promise.all([
      reader.read('account', mapping.account, byAccount('Id'), readOptions),
      reader.read('contact', mapping.contact, byAccount('AccountId'), readOptions),
      reader.read('touchpoint', mapping.task, touchpointTasks, readOptions),
      reader.read('touchpoint', mapping.event, byAccount('WhatId'), readOptions),
      reader.read('feedback', mapping.feedback, byAccount('Account__c'), readOptions),
      reader.read('supportCase', mapping.supportCase, byAccount('AccountId'), readOptions),
      reader.read('opportunity', mapping.opportunity, byAccount('AccountId'), readOptions),
    ]);
    const [account] = accounts;
    if (account === undefined) {
      const unreadable = reader.rejected.find((entry) => entry.entity === 'account');
      throw unreadable === undefined
        ? new CrmError('NOT_FOUND', `No account ${accountId} is visible to this user.`)
        : new CrmError('MALFORMED_RESPONSE', `Account ${accountId} could not be read: ${unreadable.issues.map((issue) => `${issue.field} ${issue.problem}`).join('; ')}`);
    }
    const touchpoints = [...tasks, ...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    return { account, contacts, touchpoints, feedback, supportCases, opportunities, actions: [], rejected: reader.rejected };
  }

  async function listAccounts(readOptions: ReadOptions = {}): Promise<AccountSummary[]> {
    const soql = selectQuery({ mapping: mapping.account, orderBy: { field: 'Name', direction: 'ASC' } });
    const records = await queryAll(transport, connection, soql, readOptions.signal ? { signal: readOptions.signal } : {});
    return mapAll('account', mapping.account, records, []).map((account) => ({
      id: account.id,
      name: account.name,
      businessUnitId: account.businessUnitId,
      segmentId: account.segmentId,
      arr: account.arr,
      currency: account.currency,
    }));
  }

  return { kind: 'salesforce', getAccountContext, listAccounts, stats };
}
