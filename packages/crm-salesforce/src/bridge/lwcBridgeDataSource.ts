import { CrmError, type CallStats } from '@kizuna/crm-core';
import type { AccountContext, Action, ActionWriteResult, AggregatePlan, CxDataSource, ReadOptions } from '@kizuna/model';
import { currencyAdaptiveMapping, refusedForAField } from '../currency/currencyAdaptiveMapping';
import type { DatasetStructure } from '../dataset/assembleDataset';
import { salesforceDefaultMapping, type SalesforceMapping } from '../defaultMapping';
import type { PushdownResult } from '../pushdown/runAggregatePlan';
import { assertSalesforceId } from '../soql';
import {
  upsertActionTasksThroughGateway,
  writeActionsThroughGateway,
  type ActionTaskOutcome,
  type ActionTaskRecord,
  type WriteContext,
} from './actionTaskWrites';
import { createApexGatewayTransport, type ApexGateway, type ApexGatewayTransport } from './apexGatewayTransport';
import { GATEWAY_LIMITS, type ReadPlan } from './gatewayContract';
import { assertPlanAllowed, gatewayAllowlistOf, validatedMapping, type GatewayAllowlist } from './gatewayAllowlist';
import { readGatewayCurrentUser } from './gatewayCurrentUser';
import { listGatewayAccounts } from './listGatewayAccounts';
import { readGatewayAccountContext } from './readGatewayAccountContext';
import { readGatewayOrgCurrencies } from './gatewayOrgCurrencies';
import { readGatewayDataset } from './readGatewayDataset';
import type { ReadContext } from './readRounds';
import { runGatewayAggregatePlan } from './runGatewayAggregatePlan';

export interface LwcBridgeDataSourceOptions {
  /** `KizunaGateway.read` / `.write` as the LWC hands them over. */
  readonly gateway: ApexGateway;
  readonly mapping?: SalesforceMapping;
  /** Rows a list is read in per call (default 500, at most `GATEWAY_LIMITS.maxRowsPerQuery`). */
  readonly pageSize?: number;
  /** Named business units, lines, segments and teams for `readDataset`; derived from the records' keys when absent. */
  readonly structure?: DatasetStructure;
}

/** The Salesforce adapter inside Salesforce: the same canonical operations, through the Apex gateway. */
export interface LwcBridgeDataSource extends CxDataSource {
  readonly kind: 'salesforce';
  /** Gateway calls and characters received so far. */
  readonly stats: Readonly<CallStats>;
  /** What the plans sent by this source may name (what the deployed gateway must allow). */
  readonly allowlist: GatewayAllowlist;
  /** A metrics plan pushed down as gateway aggregate queries, answered as the REST pushdown answers. */
  runAggregatePlan(plan: AggregatePlan, options?: ReadOptions): Promise<PushdownResult>;
  /** Tasks upserted by their action key, one outcome per record, in order. */
  upsertActionTasks(records: readonly ActionTaskRecord[], options?: ReadOptions): Promise<ActionTaskOutcome[]>;
}

/** The transport, with every plan checked against the allowlist before it is sent (INVALID_INPUT). */
function guarded(transport: ApexGatewayTransport, allowlist: GatewayAllowlist): ApexGatewayTransport {
  return {
    read: (plan: ReadPlan, options) => {
      assertPlanAllowed(plan, allowlist);
      return transport.read(plan, options);
    },
    write: (plan, options) => {
      assertPlanAllowed(plan, allowlist);
      return transport.write(plan, options);
    },
    stats: transport.stats,
  };
}

/**
 * Kizuna's CxDataSource inside a Lightning Web Component, where the page session cannot call
 * REST: every read and write goes to the Apex gateway as a structured plan. The mapping is
 * checked when the source is created, so a mapping naming something that is not an API name
 * never reaches a plan.
 */
export function createLwcBridgeDataSource(options: LwcBridgeDataSourceOptions): LwcBridgeDataSource {
  const mapping = validatedMapping(options.mapping ?? salesforceDefaultMapping);
  const pageSize = options.pageSize ?? 500;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > GATEWAY_LIMITS.maxRowsPerQuery) {
    throw new CrmError('INVALID_INPUT', `The page size must be a whole number from 1 to ${GATEWAY_LIMITS.maxRowsPerQuery}.`);
  }
  const allowlist = gatewayAllowlistOf(mapping);
  const base = createApexGatewayTransport(options.gateway);
  const transport = guarded(base, allowlist);
  let revision = 0;
  const readContext = (readOptions: ReadOptions): ReadContext => ({
    transport,
    revision: () => revision,
    ...(readOptions.signal === undefined ? {} : { signal: readOptions.signal }),
  });
  const writeContext = (writeOptions: ReadOptions): WriteContext => ({
    transport,
    allowlist,
    ...(writeOptions.signal === undefined ? {} : { signal: writeOptions.signal }),
  });
  /** After a write (even a failed one: an earlier chunk may have been saved), reads must miss the cacheable method's cache. */
  const writing = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } finally {
      revision += 1;
    }
  };

  // A single-currency org has no CurrencyIsoCode: learned from the first read it refuses (currency/).
  const mappings = currencyAdaptiveMapping(mapping, (signal) => readGatewayOrgCurrencies(readContext(signal === undefined ? {} : { signal })));
  const signalOf = (readOptions: ReadOptions) => (readOptions.signal === undefined ? {} : { signal: readOptions.signal });

  async function getAccountContext(accountId: string, readOptions: ReadOptions = {}): Promise<AccountContext> {
    assertSalesforceId(accountId, 'The account id');
    return mappings.run((current) => readGatewayAccountContext(accountId, { ...readContext(readOptions), mapping: current, pageSize }), {
      ...signalOf(readOptions),
      refused: refusedForAField,
    });
  }

  return {
    kind: 'salesforce',
    stats: base.stats,
    allowlist,
    getAccountContext,
    listAccounts: (readOptions = {}) => mappings.run((current) => listGatewayAccounts({ ...readContext(readOptions), mapping: current, pageSize }), signalOf(readOptions)),
    runAggregatePlan: (plan, readOptions = {}) => mappings.run((current) => runGatewayAggregatePlan(plan, { ...readContext(readOptions), mapping: current }), signalOf(readOptions)),
    readDataset: (scope, readOptions = {}) =>
      mappings.run(
        (current) => readGatewayDataset(scope, { ...readContext(readOptions), mapping: current, pageSize, ...(options.structure === undefined ? {} : { structure: options.structure }) }),
        { ...signalOf(readOptions), refused: refusedForAField },
      ),
    currentUser: (readOptions = {}) => readGatewayCurrentUser(readContext(readOptions)),
    upsertActionTasks: (records, writeOptions = {}) => writing(() => upsertActionTasksThroughGateway(records, writeContext(writeOptions))),
    writeActions: (actions: readonly Action[], writeOptions: ReadOptions = {}): Promise<ActionWriteResult[]> =>
      writing(() => writeActionsThroughGateway(actions, writeContext(writeOptions))),
  };
}
