import {
  evaluateKpi,
  kpiCatalogue,
  type Dimension,
  type KpiDefinition,
  type KpiId,
  type KpiResult,
  type KpiWarning,
} from '@kizuna/metrics';
import { NO_VALUE, type Labels } from '../analyze/labels';
import type { AnalysisContext } from './section';

/** One group of a KPI: its keys (ids), their names, and the result. */
export interface LabelledGroup {
  readonly keys: Readonly<Partial<Record<Dimension, string>>>;
  /** A name for every cut of the KPI, `(none)` where the key is missing. */
  readonly labels: Readonly<Partial<Record<Dimension, string>>>;
  readonly result: KpiResult;
}

/** One KPI evaluated over the whole data and by the requested cuts. */
export interface KpiReport {
  readonly id: KpiId;
  readonly definition: KpiDefinition;
  /** The cuts this KPI has among those asked for. */
  readonly groupBy: readonly Dimension[];
  readonly overall: KpiResult;
  /** Sorted by name, missing keys last. */
  readonly groups: readonly LabelledGroup[];
  /** Problems with the request for this KPI (a cut it does not have). */
  readonly warnings: readonly KpiWarning[];
}

const noData: KpiResult = { value: null, interval: null, n: 0, warnings: [{ code: 'no_data' }], detail: {} };

function labelled(groupBy: readonly Dimension[], keys: LabelledGroup['keys'], labels: Labels): LabelledGroup['labels'] {
  const result: Partial<Record<Dimension, string>> = {};
  for (const dimension of groupBy) result[dimension] = labels.label(dimension, keys[dimension]);
  return result;
}

function compareGroups(groupBy: readonly Dimension[]) {
  return (a: LabelledGroup, b: LabelledGroup): number => {
    for (const dimension of groupBy) {
      const left = a.labels[dimension] ?? NO_VALUE;
      const right = b.labels[dimension] ?? NO_VALUE;
      if (left === right) continue;
      if (left === NO_VALUE || right === NO_VALUE) return left === NO_VALUE ? 1 : -1;
      return left.localeCompare(right, 'en');
    }
    return 0;
  };
}

/** Evaluates one KPI with the metrics core's in-memory evaluation. */
export function kpiReport(id: KpiId, context: AnalysisContext): KpiReport {
  const definition: KpiDefinition = kpiCatalogue[id];
  const { groupBy: requested, window } = context.options;
  const request = { groupBy: requested, ...(window === undefined ? {} : { window }) };
  const evaluation = evaluateKpi(definition, context.tables, request);
  const overall = evaluateKpi(definition, context.tables, { ...request, groupBy: [] }).groups[0]?.result ?? noData;
  const groupBy = requested.filter((dimension) => definition.dimensions.includes(dimension));
  const groups = evaluation.groups
    .map((group) => ({ keys: group.keys, labels: labelled(groupBy, group.keys, context.labels), result: group.result }))
    .sort(compareGroups(groupBy));
  return { id, definition, groupBy, overall, groups, warnings: evaluation.warnings };
}
