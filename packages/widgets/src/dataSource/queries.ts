import type { CxDataSource } from '@kizuna/model';
import { queryOptions } from '@tanstack/react-query';

/** react-query options for one account's context; the key names the source kind and the account. */
export function accountContextQuery(dataSource: CxDataSource, accountId: string) {
  return queryOptions({
    queryKey: ['kizuna', dataSource.kind, 'accountContext', accountId],
    queryFn: ({ signal }) => dataSource.getAccountContext(accountId, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function accountListQuery(dataSource: CxDataSource) {
  return queryOptions({
    queryKey: ['kizuna', dataSource.kind, 'accounts'],
    queryFn: ({ signal }) => dataSource.listAccounts({ signal }),
    staleTime: 5 * 60_000,
  });
}
