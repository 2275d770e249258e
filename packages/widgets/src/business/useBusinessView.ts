import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCxDataSource } from '../dataSource/cxDataSourceContext';
import type { FilterState } from '../filters/filterState';
import { frameStaleOf, frameStatusOf } from '../frame/index';
import { businessView, type BusinessView } from './businessView';
import { businessDataQuery } from './queries';

/**
 * The business-unit view for the filters: one shared query (every widget of the dashboard reads the
 * same cache entry, so the CRM is asked once) and the view derived from it.
 */
export function useBusinessView(filters: FilterState, asOf: string) {
  const dataSource = useCxDataSource();
  const query = useQuery(businessDataQuery(dataSource, filters, asOf));
  const view = useMemo((): BusinessView | undefined => {
    if (query.data === undefined) return undefined;
    return businessView({
      load: query.data.load,
      structure: query.data.structure,
      quarters: query.data.quarters,
      ...(filters.businessUnitId === undefined ? {} : { businessUnitId: filters.businessUnitId }),
      ...(filters.segmentId === undefined ? {} : { segmentId: filters.segmentId }),
    });
  }, [query.data, filters.businessUnitId, filters.segmentId]);
  const isEmpty = () => view === undefined || (view.company.cells.nps.n === 0 && view.company.cells.csat.n === 0 && view.company.cells.slaCompliance.n === 0);
  return { query, view, status: frameStatusOf(query, isEmpty), stale: frameStaleOf(query) };
}
