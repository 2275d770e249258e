// Kizuna's full business-unit comparison: every KPI of the catalogue evaluated in memory for
// units × segments and for units, over the window, with intervals (every result carries its own),
// and the NPS cells highlighted against the pooled rest (BH-adjusted).
import {
  highlightCells,
  kpiBatch,
  kpiCatalogue,
  kpiIds,
  type CellHighlight,
  type FactTables,
  type HighlightCell,
  type KpiEvaluation,
} from '@kizuna/metrics';
import { comparisonWindow, groupings, kizunaTotals, totalsKey, type EngineTotals } from './groupTotals';
import { processCpuMs } from './timing';

export interface KizunaComparison {
  readonly evaluations: ReadonlyMap<string, KpiEvaluation>;
  readonly highlights: readonly CellHighlight[];
  /** Wall-clock and process CPU milliseconds per `<kpi>/<grouping>` evaluation, and for the highlights, in this run. */
  readonly timings: ReadonlyMap<string, Timing>;
}

export interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
}

function time<T>(timings: Map<string, Timing>, key: string, work: () => T): T {
  const cpuStarted = processCpuMs();
  const started = performance.now();
  const value = work();
  timings.set(key, { ms: performance.now() - started, cpuMs: processCpuMs() - cpuStarted });
  return value;
}

export const HIGHLIGHTS_TIMING = 'highlights/nps';

/** NPS cells of both cuts: each unit × segment against the other units of its segment, each unit against the rest of the company. */
function npsCells(unitSegment: KpiEvaluation, unit: KpiEvaluation): HighlightCell[] {
  const cell = (comparisonSet: string, id: string, detail: Readonly<Record<string, number>>): HighlightCell => ({
    id,
    comparisonSet,
    measure: {
      kind: 'nps',
      counts: { promoters: detail['promoters'] ?? 0, passives: detail['passives'] ?? 0, detractors: detail['detractors'] ?? 0 },
    },
  });
  return [
    ...unitSegment.groups.map(({ keys, result }) =>
      cell(`segment:${keys.segmentId ?? '-'}`, `${keys.businessUnitId ?? '-'}|${keys.segmentId ?? '-'}`, result.detail),
    ),
    ...unit.groups.map(({ keys, result }) => cell('units', keys.businessUnitId ?? '-', result.detail)),
  ];
}

/** One full comparison (one KPI batch, `kpiBatch`, for the window and both cuts); single-threaded JavaScript on the calling thread. */
export function runKizunaComparison(tables: FactTables): KizunaComparison {
  const evaluations = new Map<string, KpiEvaluation>();
  const timings = new Map<string, Timing>();
  // One batch for the window and both cuts: each fact table's window selection and each KPI
  // population are computed once (by the first KPI that needs them), populations are grouped once
  // per cut (units derived from units × segments), and counted KPIs on units add up their counts on
  // units × segments.
  const batch = kpiBatch(tables, { window: comparisonWindow });
  for (const { name, groupBy } of groupings) {
    for (const kpi of kpiIds) {
      const key = totalsKey(kpi, name);
      evaluations.set(key, time(timings, key, () => batch.evaluate(kpiCatalogue[kpi], groupBy)));
    }
  }
  const unitSegment = evaluations.get(totalsKey('nps', 'unitSegment'));
  const unit = evaluations.get(totalsKey('nps', 'unit'));
  const highlights = time(timings, HIGHLIGHTS_TIMING, () =>
    unitSegment === undefined || unit === undefined ? [] : highlightCells(npsCells(unitSegment, unit)),
  );
  return { evaluations, highlights, timings };
}

/** The group totals of a comparison's evaluations, for the check against the baselines. */
export function comparisonTotals(comparison: KizunaComparison): EngineTotals {
  const totals: EngineTotals = new Map();
  for (const kpi of kpiIds) {
    for (const { name, groupBy } of groupings) {
      const evaluation = comparison.evaluations.get(totalsKey(kpi, name));
      if (evaluation !== undefined) totals.set(totalsKey(kpi, name), kizunaTotals(evaluation, groupBy));
    }
  }
  return totals;
}
