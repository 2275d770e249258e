export { FilterBar, periodLabel } from './FilterBar';
export type { FilterBarProps, FilterOption } from './FilterBar';
export {
  defaultFilterState,
  filterParameters,
  filterStateSchema,
  filtersFromParams,
  filtersToParams,
  periodPresets,
  periodSchema,
  periodWindow,
  quartersIn,
  recentQuarters,
} from './filterState';
export type { FilterIssue, FilterState, ParsedFilters, Period, PeriodPreset, Window } from './filterState';
export type { LeaderDashboardProps } from './leaderDashboardProps';
export { useFilterState } from './useFilterState';
