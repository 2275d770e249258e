import {
  designEffect,
  evaluateKpi,
  highlightCells,
  kpiCatalogue,
  npsSummary,
  type CellHighlight,
  type DesignEffect,
  type Dimension,
  type HighlightCell,
  type KpiResult,
  type NpsCounts,
} from '@kizuna/metrics';
import type { Account } from '@kizuna/model';
import type { AnalysisContext } from './section';

/** False discovery rate of the highlights (Benjamini–Hochberg). */
export const highlightQ = 0.05;

/** Account attributes whose cells hold whole accounts: a cell's ARR is the ARR of its accounts. */
const accountAttribute: Partial<Record<Dimension, (account: Account) => string>> = {
  accountId: (account) => account.id,
  businessUnitId: (account) => account.businessUnitId,
  productLineId: (account) => account.productLineId,
  segmentId: (account) => account.segmentId,
  teamId: (account) => account.servingTeamId,
};

/** One cell with its key (an id, `undefined` where the data has none), name and revenue at stake. */
export interface LabelledHighlight {
  readonly key: string | undefined;
  readonly label: string;
  readonly highlight: CellHighlight;
}

export interface HighlightsReport {
  readonly dimension: Dimension;
  /** `accounts`: ARR of every account in the cell; `respondents`: ARR of the accounts that answered in it. */
  readonly revenueBasis: 'accounts' | 'respondents';
  readonly currencies: readonly string[];
  readonly designEffect: DesignEffect;
  /** Flagged cells first, then by revenue at stake (ARR), largest first. */
  readonly cells: readonly LabelledHighlight[];
}

const missingKey = '\u0000(none)';

function countsOf(result: KpiResult): NpsCounts {
  return { promoters: result.detail['promoters'] ?? 0, passives: result.detail['passives'] ?? 0, detractors: result.detail['detractors'] ?? 0 };
}

function npsGroups(context: AnalysisContext, groupBy: readonly Dimension[]) {
  const { window } = context.options;
  return evaluateKpi(kpiCatalogue.nps, context.tables, { groupBy, ...(window === undefined ? {} : { window }) }).groups;
}

/** ARR per cell key, and the currencies summed. */
function revenueByCell(context: AnalysisContext, dimension: Dimension): { arr: Map<string, number>; currencies: Set<string>; basis: HighlightsReport['revenueBasis'] } {
  const arr = new Map<string, number>();
  const currencies = new Set<string>();
  const add = (key: string, account: Account | undefined): void => {
    if (account === undefined) return;
    arr.set(key, (arr.get(key) ?? 0) + account.arr);
    currencies.add(account.currency);
  };
  const attribute = accountAttribute[dimension];
  if (attribute !== undefined) {
    for (const account of context.dataset.accounts) add(attribute(account), account);
    return { arr, currencies, basis: 'accounts' };
  }
  const accounts = new Map(context.dataset.accounts.map((account) => [account.id, account]));
  for (const group of npsGroups(context, [dimension, 'accountId'])) {
    const accountId = group.keys.accountId;
    if (group.result.n > 0 && accountId !== undefined) add(group.keys[dimension] ?? missingKey, accounts.get(accountId));
  }
  return { arr, currencies, basis: 'respondents' };
}

function order(a: LabelledHighlight, b: LabelledHighlight): number {
  const flagged = Number(b.highlight.direction !== 'none') - Number(a.highlight.direction !== 'none');
  return flagged || (b.highlight.revenueAtStake ?? 0) - (a.highlight.revenueAtStake ?? 0) || a.label.localeCompare(b.label, 'en');
}

/**
 * Highlights on the first `--by` dimension: each cell's NPS (the KPI's counts, in the window)
 * against the pooled rest, with the design effect of answers clustered in accounts estimated from
 * per-account NPS summaries, Benjamini–Hochberg at {@link highlightQ}.
 */
export function highlightsReport(context: AnalysisContext): HighlightsReport {
  const dimension = context.options.groupBy[0] ?? 'businessUnitId';
  const deff = designEffect(npsGroups(context, ['accountId']).map((group) => npsSummary(countsOf(group.result))));
  const revenue = revenueByCell(context, dimension);
  const groups = npsGroups(context, [dimension]);
  const cells: HighlightCell[] = groups.map((group) => {
    const id = group.keys[dimension] ?? missingKey;
    return { id, measure: { kind: 'nps', counts: countsOf(group.result) }, revenueAtStake: revenue.arr.get(id) ?? 0 };
  });
  const highlights = highlightCells(cells, { q: highlightQ, designEffect: deff.designEffect });
  const labelled = highlights.map((highlight): LabelledHighlight => {
    const key = highlight.id === missingKey ? undefined : highlight.id;
    return { key, label: context.labels.label(dimension, key), highlight };
  });
  return {
    dimension,
    revenueBasis: revenue.basis,
    currencies: [...revenue.currencies].sort(),
    designEffect: deff,
    cells: labelled.sort(order),
  };
}
