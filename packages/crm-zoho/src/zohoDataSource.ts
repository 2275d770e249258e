import { mapRecord, mappedCrmFields, type CallStats, type HttpTransport, type RetryOptions, type TokenSource } from '@kizuna/crm-core';
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
import { parseZohoConnection, type ZohoConnectionInput } from './dataCentres';
import { zohoDefaultMapping, type ZohoMapping } from './defaultMapping';
import type { ZohoGateway, ZohoRecord } from './gateway';
import { runAggregatePlan } from './pushdown/runAggregatePlan';
import { coqlAll, readAllRecords } from './records/readRecords';
import { flattenRecord } from './records/flattenRecord';
import { createRestGateway } from './restGateway';
import { createSdkGateway, type SdkGatewayOptions } from './sdk/sdkGateway';
import type { ZohoSdk } from './sdk/zohoSdkTypes';
import { readAccountContext } from './view/accountView';
import { readDataset } from './view/readDataset';
import type { RoundStats } from './view/readParts';
import { writeActionTasks } from './writes/writeActionTasks';
import { assertZohoId } from './zohoIds';
import { zohoTransport, type ZohoEdition } from './zohoTransport';

export interface ZohoDataSource extends CxDataSource {
  readonly kind: 'zoho';
  /** How Zoho is reached: the REST API or the widget SDK. */
  readonly via: 'rest' | 'sdk';
  /** Sequential rounds of calls made by account views and dataset reads. */
  readonly rounds: Readonly<RoundStats>;
}

export interface ZohoRestDataSource extends ZohoDataSource {
  /** Round trips and bytes so far (REST only: the widget SDK hides its calls). */
  readonly stats: Readonly<CallStats>;
}

function summaryOf(account: Account): AccountSummary {
  const { id, name, businessUnitId, segmentId, arr, currency } = account;
  return { id, name, businessUnitId, segmentId, arr, currency };
}

/** The CxDataSource over any gateway: the same adapter in a server, a browser, or a CRM widget. */
export function createGatewayDataSource(gateway: ZohoGateway, mapping: ZohoMapping = zohoDefaultMapping): ZohoDataSource {
  const rounds: RoundStats = { rounds: 0 };

  async function listAccounts(options: ReadOptions = {}): Promise<AccountSummary[]> {
    const fields = mappedCrmFields(mapping.account);
    // Unfiltered lists through the Records API (page, then page_token); the widget SDK has no tokens, so COQL there.
    const records: ZohoRecord[] =
      gateway.via === 'rest'
        ? await readAllRecords(gateway, mapping.account.object, fields, options.signal)
        : await coqlAll(gateway, { module: mapping.account.object, fields }, options.signal);
    return records
      .flatMap((record) => {
        const result = mapRecord('account', mapping.account, flattenRecord(record));
        return result.ok ? [summaryOf(result.value)] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  return {
    kind: 'zoho',
    via: gateway.via,
    rounds,
    async getAccountContext(accountId: string, options: ReadOptions = {}): Promise<AccountContext> {
      assertZohoId(accountId, 'The account id');
      return readAccountContext(gateway, mapping, accountId, rounds, options.signal);
    },
    listAccounts,
    async writeActions(actions: readonly Action[], options: ReadOptions = {}): Promise<ActionWriteResult[]> {
      for (const action of actions) {
        assertZohoId(action.accountId, 'The account of an action');
        if (action.contactId !== undefined) assertZohoId(action.contactId, 'The contact of an action');
      }
      return writeActionTasks(gateway, mapping, actions, options.signal);
    },
    runAggregatePlan(plan: AggregatePlan, options: ReadOptions = {}): Promise<AggregatePlanResult> {
      return runAggregatePlan(plan, { gateway, mapping, ...(options.signal === undefined ? {} : { signal: options.signal }) });
    },
    readDataset(scope: DatasetScope, options: ReadOptions = {}): Promise<DatasetRead> {
      return readDataset(gateway, mapping, scope, rounds, options.signal);
    },
    currentUser(options: ReadOptions = {}): Promise<CrmUser> {
      return gateway.currentUser(options.signal);
    },
  };
}

export interface ZohoDataSourceOptions {
  /** `api_domain` from the token response (checked to be a Zoho API host) and the API version (v8). */
  readonly connection: ZohoConnectionInput;
  /** Access tokens: a TokenSource (`createZohoTokenSource`), or a function the host answers. */
  readonly tokens: TokenSource | (() => string | Promise<string>);
  readonly mapping?: ZohoMapping;
  /** The bottom transport; defaults to `fetch`. */
  readonly transport?: HttpTransport;
  /** The org's edition, for the app's concurrency cap (default `standard`). */
  readonly edition?: ZohoEdition;
  readonly retry?: Omit<RetryOptions, 'classify'>;
}

function tokenSourceOf(tokens: ZohoDataSourceOptions['tokens']): TokenSource {
  if (typeof tokens !== 'function') return tokens;
  return { current: async () => tokens(), refresh: async () => tokens() };
}

/** The Zoho adapter over the REST API v8 with OAuth. */
export function createZohoDataSource(options: ZohoDataSourceOptions): ZohoRestDataSource {
  const connection = parseZohoConnection(options.connection);
  const stats: CallStats = { calls: 0, bytesReceived: 0 };
  const transport = zohoTransport({
    tokens: tokenSourceOf(options.tokens),
    stats,
    ...(options.transport === undefined ? {} : { transport: options.transport }),
    ...(options.edition === undefined ? {} : { edition: options.edition }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
  return { ...createGatewayDataSource(createRestGateway(transport, connection), options.mapping), stats };
}

export interface ZohoSdkDataSourceOptions extends SdkGatewayOptions {
  readonly mapping?: ZohoMapping;
}

/** The Zoho adapter inside a CRM widget, over `ZOHO.CRM.API` in the user's session. */
export function createZohoSdkDataSource(zoho: ZohoSdk, options: ZohoSdkDataSourceOptions = {}): ZohoDataSource {
  return createGatewayDataSource(createSdkGateway(zoho, options), options.mapping);
}
