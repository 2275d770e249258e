import { useQuery } from '@tanstack/react-query';
import { useCxDataSource } from '../dataSource/cxDataSourceContext';
import { accountContextQuery } from '../dataSource/queries';

/** The account's context, read once and shared by every widget of the page (one query key). */
export function useAccountContext(accountId: string) {
  const dataSource = useCxDataSource();
  return useQuery(accountContextQuery(dataSource, accountId));
}
