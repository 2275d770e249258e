import type { KpiWarning } from '../warnings';
import type { Dimension } from './dimensions';
import type { KpiDefinition, KpiResult } from './kpiDefinition';

/** What to evaluate: the cuts, the filters on dimensions, and the time window. */
export interface KpiRequest {
  readonly groupBy: readonly Dimension[];
  readonly filters?: ReadonlyArray<{ readonly dimension: Dimension; readonly values: readonly string[] }>;
  /** [from, to) as ISO instants, on the KPI's time field. */
  readonly window?: { readonly from: string; readonly to: string };
}

export interface KpiGroup {
  readonly keys: Readonly<Partial<Record<Dimension, string>>>;
  readonly result: KpiResult;
}

export interface KpiEvaluation {
  readonly kpi: string;
  readonly groups: readonly KpiGroup[];
  /** Problems with the request itself, e.g. a cut this KPI does not have. */
  readonly warnings: readonly KpiWarning[];
}

/** The request with only the filters on dimensions the KPI has (the others are warned about). */
export function usableFilters(definition: KpiDefinition, request: KpiRequest): KpiRequest {
  return { ...request, filters: (request.filters ?? []).filter((filter) => definition.dimensions.includes(filter.dimension)) };
}

/** The cuts of the request the KPI has, and a warning for each cut or filter it does not. */
export function unsupportedCuts(definition: KpiDefinition, request: KpiRequest): { usable: Dimension[]; warnings: KpiWarning[] } {
  const wanted = [...request.groupBy, ...(request.filters ?? []).map((filter) => filter.dimension)];
  const missing = [...new Set(wanted.filter((dimension) => !definition.dimensions.includes(dimension)))];
  return {
    usable: request.groupBy.filter((dimension) => definition.dimensions.includes(dimension)),
    warnings: missing.map((dimension) => ({ code: 'unsupported_cut', detail: { kpi: definition.id, dimension } })),
  };
}
