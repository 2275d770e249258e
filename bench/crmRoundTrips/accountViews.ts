// The account view, cold and warm, against naive per-object fetching.
//
// Cold: the first view of an account on a fresh data source (`createSalesforceDataSource`, whose
// `getAccountContext` sends one composite request). Warm: the second view of the same account.
// The data source itself caches nothing; the product caches in the UI, with react-query
// (`accountContextQuery` in packages/widgets/src/dataSource/queries.ts: key
// ['kizuna', kind, 'accountContext', id], staleTime 5 min). The bench does the same with
// @tanstack/query-core's QueryClient — the engine under @tanstack/react-query — so both views go
// through `fetchQuery` exactly as a mounted widget's would.
import { createSalesforceDataSource, parseSalesforceConnection, type SalesforceDataSource } from '@kizuna/crm-salesforce';
import type { SalesforceOrg } from '@kizuna/crm-sim';
import type { AccountContext } from '@kizuna/model';
import { QueryClient } from '@tanstack/query-core';
import { countingBytesUp, measure, meteredTransport, type WireCost } from './meter';
import { naiveAccountView, type AccountViewPart } from './naiveFetching';
import { accessToken, instanceUrl } from './simulatedOrg';

/** The widgets' staleTime for an account's context. */
export const accountContextStaleTime = 5 * 60_000;

export interface AccountViewMeasurement {
  readonly canonicalId: string;
  readonly salesforceId: string;
  /** First view on a fresh data source and an empty cache. */
  readonly cold: WireCost;
  /** Second view of the same account, through the same cache. */
  readonly warm: WireCost;
  /** Baseline: one REST query per object, paged to the end (measured twice: once per view). */
  readonly naive: WireCost;
  readonly naiveAgain: WireCost;
  /** Records per part, as the naive fetch read them. */
  readonly naiveCounts: Readonly<Record<AccountViewPart, number>>;
  /** Whether the composite read and the naive read found the same number of records per part. */
  readonly sameRecords: boolean;
  /** Records the data source rejected in mapping (none expected on a seeded org). */
  readonly rejected: number;
  readonly unavailable: number;
  readonly warmFromCache: boolean;
}

/** The same query options as the widgets' `accountContextQuery`, on query-core. */
function accountContextQuery(dataSource: SalesforceDataSource, accountId: string) {
  return {
    queryKey: ['kizuna', dataSource.kind, 'accountContext', accountId] as const,
    queryFn: ({ signal }: { readonly signal: AbortSignal }) => dataSource.getAccountContext(accountId, { signal }),
    staleTime: accountContextStaleTime,
  };
}

/** Whether the composite read found as many records per part as the naive read (tasks and events both become touchpoints). */
function sameCounts(context: AccountContext, naive: Readonly<Record<AccountViewPart, number>>): boolean {
  return (
    naive.account === 1 &&
    context.contacts.length === naive.contacts &&
    context.touchpoints.length === naive.tasks + naive.events &&
    context.feedback.length === naive.feedback &&
    context.supportCases.length === naive.cases &&
    context.opportunities.length === naive.opportunities &&
    context.actions.length === naive.actions
  );
}

/** Cold view, warm view and both baselines for one account. */
export async function measureAccountView(org: SalesforceOrg, canonicalId: string): Promise<AccountViewMeasurement> {
  const salesforceId = org.salesforceIdOf('account', canonicalId);
  const connection = parseSalesforceConnection({ instanceUrl });
  const bottom = countingBytesUp();
  const dataSource = createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => accessToken, transport: bottom.transport });
  const productClient = () => ({ calls: dataSource.stats.calls, bytesReceived: dataSource.stats.bytesReceived, bytesUp: bottom.bytesUp() });
  const queryClient = new QueryClient();
  let fetches = 0;
  const options = accountContextQuery(dataSource, salesforceId);
  const counted = { ...options, queryFn: (context: { readonly signal: AbortSignal }) => ((fetches += 1), options.queryFn(context)) };
  try {
    const cold = await measure(org, productClient, () => queryClient.fetchQuery(counted));
    const warm = await measure(org, productClient, () => queryClient.fetchQuery(counted));
    const naiveClient = meteredTransport(accessToken);
    const naiveCounter = () => ({ ...naiveClient.stats, bytesUp: naiveClient.bytesUp() });
    const naive = await measure(org, naiveCounter, () => naiveAccountView(naiveClient.transport, connection, salesforceId));
    const naiveAgain = await measure(org, naiveCounter, () => naiveAccountView(naiveClient.transport, connection, salesforceId));
    return {
      canonicalId,
      salesforceId,
      cold: cold.cost,
      warm: warm.cost,
      naive: naive.cost,
      naiveAgain: naiveAgain.cost,
      naiveCounts: naive.value,
      sameRecords: sameCounts(cold.value, naive.value) && warm.value === cold.value,
      rejected: cold.value.rejected.length,
      unavailable: cold.value.unavailable.length,
      warmFromCache: fetches === 1,
    };
  } finally {
    queryClient.clear();
  }
}

/** `count` accounts spread evenly over the organisation (first, last and evenly between). */
export function spreadAccounts(accountIds: readonly string[], count: number): string[] {
  if (accountIds.length <= count) return [...accountIds];
  const step = (accountIds.length - 1) / Math.max(1, count - 1);
  return Array.from({ length: count }, (_, index) => accountIds[Math.round(index * step)] ?? '').filter((id) => id !== '');
}
