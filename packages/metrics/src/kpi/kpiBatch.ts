import type { Dimension } from './dimensions';
import type { FactTables } from './buildFactTables';
import type { FactTable } from './factTable';
import type { KpiDefinition, KpiResult, TimeWindow } from './kpiDefinition';
import { unsupportedCuts, usableFilters, type KpiEvaluation, type KpiGroup, type KpiRequest } from './kpiRequest';
import { canonicalRows, countsOn, grouped, newSelection, type Grouped, type Selection } from './batchSelection';
import { groupKeysAt } from './cutRows';
import { selectRows } from './rowSelection';

/** A request without its cut: the window and filters a batch applies to every KPI and cut. */
export type KpiScope = Omit<KpiRequest, 'groupBy'>;

/** KPIs evaluated in memory on one window and filters, sharing the work that does not depend on the KPI. */
export interface KpiBatch {
  /** (a) Evaluates a KPI in memory, directly from the rows of each group of the cut. */
  evaluate(definition: KpiDefinition, groupBy: readonly Dimension[]): KpiEvaluation;
}

function instant(value: string): number {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`not a number or an instant: ${value}`);
  return time;
}

function emptyResult(): KpiResult {
  return { value: null, interval: null, n: 0, warnings: [{ code: 'no_data' }], detail: {} };
}

function groupsOf(table: FactTable, groupBy: readonly Dimension[], groups: Grouped, results: readonly KpiResult[]): KpiGroup[] {
  const list: KpiGroup[] = [];
  for (let group = 0; group < groups.groupCount; group += 1) {
    let keys = groups.keys[group];
    if (keys === undefined) {
      keys = groupKeysAt(table, groupBy, groups.firstRows[group] ?? 0);
      groups.keys[group] = keys;
    }
    list.push({ keys, result: results[group] ?? emptyResult() });
  }
  return list;
}

/**
 * KPIs in memory on one window and filters, on any cuts. Per fact table (and time field and
 * usable filters) the window and filters are applied once; each KPI takes its population among
 * those rows (KPIs may share one), grouped once per cut, and runs its own loops over it.
 */
export function kpiBatch(tables: FactTables, scope: KpiScope): KpiBatch {
  const window: TimeWindow | undefined =
    scope.window === undefined ? undefined : { from: Date.parse(scope.window.from), to: Date.parse(scope.window.to) };
  const selections = new Map<string, Selection>();

  function selectionFor(definition: KpiDefinition, request: KpiRequest): Selection {
    const filters = usableFilters(definition, request).filters ?? [];
    const field = scope.window === undefined || definition.windowRule === 'own' ? undefined : definition.timeField;
    const key = JSON.stringify([definition.source, field ?? null, filters.map((filter) => filter.dimension)]);
    let selection = selections.get(key);
    if (selection === undefined) {
      const table = tables[definition.source];
      const range = field === undefined || scope.window === undefined ? {} : { window: { field, from: instant(scope.window.from), to: instant(scope.window.to) } };
      selection = newSelection(table, selectRows(table, { ...range, filters }), tables, window);
      selections.set(key, selection);
    }
    return selection;
  }

  return {
    evaluate(definition, groupBy) {
      const request: KpiRequest = { ...scope, groupBy };
      const { usable, warnings } = unsupportedCuts(definition, request);
      const selection = selectionFor(definition, request);
      const { table, context } = selection;
      const rows = canonicalRows(selection, definition.direct.population(table, selection.rows, context) ?? selection.rows);
      const groups = grouped(selection, usable, rows);
      const { counted } = definition.direct;
      let results: readonly KpiResult[] = [];
      if (groups.groupCount > 0 && counted !== undefined) {
        const counts = countsOn(counted, groups, () => counted.count(table, rows, groups.groupOf(), groups.groupCount, context));
        results = Array.from({ length: groups.groupCount }, (_, group) => counted.finish(counts, group));
      } else if (groups.groupCount > 0) results = definition.direct.evaluate(table, rows, groups.groupOf(), groups.groupCount, context);
      return { kpi: definition.id, groups: groupsOf(table, usable, groups, results), warnings };
    },
  };
}

/** (a) Evaluates KPIs in memory on one request (in the order given), sharing the selection of rows. */
export function evaluateKpis(definitions: readonly KpiDefinition[], tables: FactTables, request: KpiRequest): KpiEvaluation[] {
  const batch = kpiBatch(tables, request);
  return definitions.map((definition) => batch.evaluate(definition, request.groupBy));
}
