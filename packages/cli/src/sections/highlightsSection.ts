import type { CellHighlight } from '@kizuna/metrics';
import { dimensionWord, formatCount } from '../output/formatKpi';
import { formatDecimal, formatMoneyAmount, formatP, formatPoints, formatRange, intervalJson, plural, withRange } from '../output/formatStats';
import { describeStatWarning, statWarningJson } from '../output/statWarnings';
import { renderTable, type TableColumn } from '../output/textTable';
import { windowJson } from './analysisTime';
import { highlightQ, highlightsReport, type HighlightsReport, type LabelledHighlight } from './highlightsReport';
import { windowText } from './kpiText';
import type { AnalysisContext, JsonValue, Section, SectionModule } from './section';

const directionWords: Record<CellHighlight['direction'], string> = { weakness: 'WEAKNESS', strength: 'strength', none: '' };

function money(report: HighlightsReport, amount: number | undefined): string {
  const currency = report.currencies.length === 1 ? (report.currencies[0] ?? '') : 'mixed';
  return amount === undefined ? '—' : formatMoneyAmount(amount, currency);
}

function row(report: HighlightsReport, { label, highlight: h }: LabelledHighlight): string[] {
  return [
    label,
    directionWords[h.direction],
    money(report, h.revenueAtStake),
    formatPoints(h.estimate),
    formatRange(h.interval, formatPoints),
    formatCount(h.n),
    formatPoints(h.rest.estimate),
    h.difference === null ? '—' : withRange(formatPoints(h.difference), h.differenceInterval, formatPoints),
    formatP(h.adjustedP),
    h.warnings.map(describeStatWarning).join('; '),
  ];
}

function summary(report: HighlightsReport): string {
  const flagged = (direction: CellHighlight['direction']) => report.cells.filter((cell) => cell.highlight.direction === direction);
  const words = (cells: readonly LabelledHighlight[], word: string, words: string) =>
    cells.length === 0
      ? `No ${words}.`
      : `${plural(cells.length, word, words)}: ${cells
          .map(({ label, highlight }) => `${label} (NPS ${formatPoints(highlight.estimate)}, ${formatPoints(highlight.difference)} points against the rest)`)
          .join('; ')}.`;
  return `  ${words(flagged('weakness'), 'weakness', 'weaknesses')} ${words(flagged('strength'), 'strength', 'strengths')}`;
}

function highlightsText(report: HighlightsReport, context: AnalysisContext): string {
  const dimension = dimensionWord(report.dimension);
  const deff = report.designEffect;
  const basis = report.revenueBasis === 'accounts' ? `ARR of the ${dimension}'s accounts` : `ARR of the accounts that answered in it`;
  const intro = [
    `NPS of each ${dimension} against the pooled rest (two-sided test, Benjamini–Hochberg at q = ${highlightQ}). Window: ${windowText(context.options.window)}.`,
    `Intervals and tests allow for answers clustering in accounts: design effect ${formatDecimal(deff.designEffect)} (${plural(deff.clusters, 'account')}, intraclass correlation ${formatDecimal(deff.intraclassCorrelation, 3)}).`,
    `Flagged cells first, then by revenue at stake (${basis}).`,
  ];
  const columns: TableColumn[] = [
    { header: dimension, align: 'left' },
    { header: 'highlight', align: 'left' },
    { header: 'ARR at stake', align: 'right' },
    { header: 'NPS', align: 'right' },
    { header: '95% interval', align: 'right' },
    { header: 'n', align: 'right' },
    { header: 'rest', align: 'right' },
    { header: 'difference (95%)', align: 'right' },
    { header: 'adj. p', align: 'right' },
    { header: 'notes', align: 'left' },
  ];
  const notes = report.currencies.length > 1 ? [`  note: ARR summed across currencies (${report.currencies.join(', ')}) without conversion`] : [];
  if (report.cells.length === 0) return [intro[0] ?? '', '  No NPS answers: nothing to compare.'].join('\n');
  return [...intro, renderTable(columns, report.cells.map((cell) => row(report, cell))), summary(report), ...notes].join('\n');
}

function cellJson({ key, label, highlight: h }: LabelledHighlight): JsonValue {
  return {
    key: key ?? null,
    label,
    direction: h.direction,
    revenueAtStake: h.revenueAtStake ?? null,
    n: h.n,
    nps: h.estimate,
    interval: intervalJson(h.interval),
    rest: { n: h.rest.n, nps: h.rest.estimate },
    difference: h.difference,
    differenceInterval: intervalJson(h.differenceInterval),
    z: h.z,
    p: h.p,
    adjustedP: h.adjustedP,
    tested: h.tested,
    warnings: h.warnings.map(statWarningJson),
  };
}

function highlightsJson(report: HighlightsReport, context: AnalysisContext): JsonValue {
  const { designEffect: deff } = report;
  return {
    measure: 'nps',
    dimension: report.dimension,
    window: windowJson(context.options.window),
    q: highlightQ,
    designEffect: { value: deff.designEffect, intraclassCorrelation: deff.intraclassCorrelation, meanClusterSize: deff.meanClusterSize, accounts: deff.clusters },
    revenueBasis: report.revenueBasis,
    currencies: [...report.currencies],
    order: 'flagged first, then revenue at stake descending',
    cells: report.cells.map(cellJson),
  };
}

/** Highlights: which cells of the first `--by` dimension are really weaker or stronger on NPS than the rest. */
export const highlightsSection: SectionModule = {
  id: 'highlights',
  title: 'Highlights',
  build(context: AnalysisContext): Section {
    const report = highlightsReport(context);
    return {
      id: 'highlights',
      title: `Highlights: NPS by ${dimensionWord(report.dimension)} against the rest`,
      toJson: () => highlightsJson(report, context),
      toText: () => highlightsText(report, context),
    };
  },
};
