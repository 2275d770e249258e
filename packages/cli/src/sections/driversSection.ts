import type { DriverQuadrant } from '@kizuna/metrics';
import { formatCount } from '../output/formatKpi';
import { formatDecimal, formatPercent, humanise, intervalJson, plural, withRange } from '../output/formatStats';
import { describeStatWarning, statWarningJson } from '../output/statWarnings';
import { renderTable, type TableColumn } from '../output/textTable';
import { windowJson } from './analysisTime';
import { driversReport, keyDriverResamples, keyDriverSeed, type DriverLine, type DriversReport } from './driversReport';
import { windowText } from './kpiText';
import type { AnalysisContext, JsonValue, Section, SectionModule } from './section';

const quadrantWords: Record<DriverQuadrant, string> = {
  fix: 'fix: important, rated low',
  maintain: 'maintain: important, rated high',
  monitor: 'monitor: less important, rated low',
  over_invested: 'over-invested: less important, rated high',
};

/** Rescaled weights are percentages of R² (0–100). */
const percentOfR2 = (value: number): string => formatPercent(value / 100);

function lineRow({ driver, performance, quadrant }: DriverLine): string[] {
  return [
    String(driver.rank),
    humanise(driver.item),
    withRange(percentOfR2(driver.rescaledWeight), driver.rescaledWeightInterval, percentOfR2),
    driver.direction,
    driver.excessOverNoiseInterval === null ? '—' : driver.reliable ? 'yes' : 'no',
    formatDecimal(performance),
    quadrant === undefined ? '' : quadrantWords[quadrant],
  ];
}

function intro(report: DriversReport, context: AnalysisContext): string[] {
  const { analysis } = report;
  const fit = analysis.rSquared === null ? 'no fit' : `R² ${withRange(formatDecimal(analysis.rSquared), analysis.rSquaredInterval, (v) => formatDecimal(v))}`;
  const bootstrap = analysis.bootstrap;
  return [
    `What moves the relationship NPS score (0–10). Window: ${windowText(context.options.window)}.`,
    `Johnson's relative weights over ${plural(analysis.n, 'complete answer')} (of ${formatCount(report.answers)}) from ${plural(analysis.clusters, 'account')}; ${fit}.`,
    bootstrap === null
      ? `No bootstrap intervals (seed ${keyDriverSeed}).`
      : `Intervals: bootstrap over accounts, ${formatCount(bootstrap.resamples)} resamples, seed ${keyDriverSeed} (fixed, so reruns agree). ` +
        `Reliable = the weight beats a pure-noise column's at ${formatPercent(bootstrap.reliabilityLevel)}.`,
  ];
}

function driversText(report: DriversReport, context: AnalysisContext): string {
  const columns: TableColumn[] = [
    { header: 'rank', align: 'right' },
    { header: 'driver', align: 'left' },
    { header: 'importance, % of R² (95%)', align: 'right' },
    { header: 'direction', align: 'left' },
    { header: 'reliable', align: 'left' },
    { header: 'mean rating', align: 'right' },
    { header: 'quadrant', align: 'left' },
  ];
  const { grid, analysis } = report;
  const table = analysis.drivers.length === 0 ? ['  no driver weights could be computed'] : [renderTable(columns, report.lines.map(lineRow))];
  const cuts = analysis.drivers.length === 0 ? [] : [
    `  Quadrants: importance above ${percentOfR2(grid.importanceCut)} of R² (the median; unreliable drivers count as 0) × mean rating above ${formatDecimal(grid.performanceCut)} (the median).`,
  ];
  const excluded = analysis.excludedItems.length === 0 ? [] : [`  left out: ${analysis.excludedItems.map(humanise).join(', ')}`];
  const warnings = analysis.warnings.map((warning) => `  note: ${describeStatWarning(warning)}`);
  return [...intro(report, context), ...table, ...cuts, ...excluded, ...warnings].join('\n');
}

function lineJson({ driver, performance, quadrant, gridImportance }: DriverLine): JsonValue {
  return {
    item: driver.item,
    rank: driver.rank,
    importance: driver.rescaledWeight,
    importanceInterval: intervalJson(driver.rescaledWeightInterval),
    rawWeight: driver.rawWeight,
    rawWeightInterval: intervalJson(driver.rawWeightInterval),
    direction: driver.direction,
    coefficient: driver.coefficient,
    coefficientInterval: intervalJson(driver.coefficientInterval),
    correlation: driver.correlation,
    reliable: driver.reliable,
    excessOverNoiseInterval: intervalJson(driver.excessOverNoiseInterval),
    performance: performance ?? null,
    quadrant: quadrant ?? null,
    gridImportance: gridImportance ?? null,
  };
}

function driversJson(report: DriversReport, context: AnalysisContext): JsonValue {
  const { analysis, grid } = report;
  return {
    outcome: 'relationship NPS score (0–10)',
    method: 'relative_weights',
    window: windowJson(context.options.window),
    seed: keyDriverSeed,
    resamples: keyDriverResamples,
    answers: report.answers,
    n: analysis.n,
    accounts: analysis.clusters,
    rSquared: analysis.rSquared,
    rSquaredInterval: intervalJson(analysis.rSquaredInterval),
    bootstrap: analysis.bootstrap === null ? null : { ...analysis.bootstrap },
    drivers: report.lines.map(lineJson),
    grid: { importanceCut: grid.importanceCut, performanceCut: grid.performanceCut, performance: 'mean rating 0–10', unplaced: [...grid.unplaced] },
    excludedItems: [...analysis.excludedItems],
    warnings: analysis.warnings.map(statWarningJson),
  };
}

/** Key drivers of relationship NPS with bootstrap intervals, and the importance × performance grid. */
export const driversSection: SectionModule = {
  id: 'drivers',
  title: 'Key drivers of NPS',
  build(context: AnalysisContext): Section {
    const report = driversReport(context);
    return {
      id: 'drivers',
      title: 'Key drivers of NPS',
      toJson: () => driversJson(report, context),
      toText: () => driversText(report, context),
    };
  },
};
