import type { FilterIssue, FilterState } from './filterState';

/** What the leaders' dashboards take from their host besides context (data source, language, theme). */
export interface LeaderDashboardProps {
  /** The host's "now" (ISO instant). */
  readonly asOf: string;
  /** Controlled filters (e.g. kept in the URL with `filtersToParams`); held internally when absent. */
  readonly filters?: FilterState;
  readonly onFiltersChange?: (next: FilterState) => void;
  /** Starting filters when uncontrolled (e.g. `filtersFromParams(location.search).state`). */
  readonly initialFilters?: FilterState;
  /** URL filters that could not be used, to say so once. */
  readonly filterIssues?: readonly FilterIssue[];
}
