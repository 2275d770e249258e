import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CxDataSource } from '@kizuna/model';
import { useMemo } from 'react';
import { useCxDataSource } from '../dataSource/cxDataSourceContext';
import type { FilterState } from '../filters/filterState';
import { frameStaleOf, frameStatusOf, type FrameStatus } from '../frame/index';
import { loadProgrammeData, type ProgrammeData } from './programmeData';

/** react-query options for the CX programme's records (one read shared by every CX leader widget). */
export function programmeDataQuery(dataSource: CxDataSource, filters: FilterState, asOf: string) {
  return queryOptions({
    queryKey: ['kizuna', dataSource.kind, 'programme', filters, asOf],
    queryFn: ({ signal }) => loadProgrammeData(dataSource, filters, asOf, { signal }),
    staleTime: 5 * 60_000,
    // The previous filters' records stay on screen while the new ones load (the frame says so).
    placeholderData: keepPreviousData,
  });
}

/**
 * The programme's records and one analysis of them, with the frame's status: the analysis runs
 * once per read (memoised), and "empty" is the analysis's own judgement.
 */
export function useProgrammeAnalysis<TResult>(
  filters: FilterState,
  asOf: string,
  analyse: (data: ProgrammeData) => TResult,
  isEmpty: (result: TResult) => boolean,
  emptyMessage: string,
  enabled = true,
) {
  const dataSource = useCxDataSource();
  const query = useQuery({ ...programmeDataQuery(dataSource, filters, asOf), enabled });
  // `analyse` is a pure function of the data: it re-runs only when the data changes.
  const result = useMemo(() => (query.data === undefined ? undefined : analyse(query.data)), [query.data]);
  const base = frameStatusOf(query, () => false);
  const status: FrameStatus = base.kind === 'ready' && result !== undefined && isEmpty(result) ? { kind: 'empty', message: emptyMessage } : base;
  return { query, result, status, stale: frameStaleOf(query) };
}
