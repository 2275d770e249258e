import type { CanonicalDataset, CxDataSource } from '@kizuna/model';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { FilterState } from '../filters/filterState';
import { loadCellAccounts, type DrillTarget } from './drillDown';
import { loadBusinessData } from './loadBusinessData';

/** react-query options for the business-unit view's data; the key names the source, filters and "now". */
export function businessDataQuery(dataSource: CxDataSource, filters: FilterState, asOf: string) {
  return queryOptions({
    queryKey: ['kizuna', dataSource.kind, 'business', filters, asOf],
    queryFn: ({ signal }) => loadBusinessData(dataSource, filters, asOf, { signal }),
    staleTime: 5 * 60_000,
    // A read over a large organisation takes seconds: the previous filters' figures stay on screen
    // (the frame says they are updating) instead of every widget blanking out.
    placeholderData: keepPreviousData,
  });
}

/** The accounts of one drilled-into cell. */
export function cellAccountsQuery(dataSource: CxDataSource, structure: CanonicalDataset, target: DrillTarget, filters: FilterState, asOf: string) {
  return queryOptions({
    queryKey: ['kizuna', dataSource.kind, 'business', 'accounts', target.dimension, target.id, filters, asOf],
    queryFn: ({ signal }) => loadCellAccounts(dataSource, structure, target, filters, asOf, { signal }),
    staleTime: 5 * 60_000,
  });
}
