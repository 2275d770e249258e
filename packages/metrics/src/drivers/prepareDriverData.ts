import type { KeyDriverWarning } from './driverWarnings';

/** One respondent's answer: the outcome (e.g. likelihood to recommend, 0–10) and the driver item ratings. */
export interface DriverRow {
  readonly outcome: number;
  /** Rating of each driver item by item id; a missing key is a missing answer. */
  readonly items: Readonly<Record<string, number>>;
  /**
   * Rows with the same key (typically the account id) are resampled together by the bootstrap,
   * because answers from one account are correlated. Rows without a key are their own cluster.
   */
  readonly clusterKey?: string;
}

/** Rows reduced to complete cases on the usable items, as plain numeric columns. */
export interface PreparedDriverData {
  /** Items that enter the analysis (constant ones removed), in the requested order. */
  readonly items: readonly string[];
  readonly excludedItems: readonly string[];
  readonly outcomes: readonly number[];
  /** values[j][r]: item j of complete row r. */
  readonly values: readonly (readonly number[])[];
  /** Cluster index of each complete row (0…clusters − 1). */
  readonly clusterOf: readonly number[];
  readonly clusters: number;
  readonly warnings: readonly KeyDriverWarning[];
}

function itemsInOrder(rows: readonly DriverRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const item of Object.keys(row.items)) seen.add(item);
  return [...seen];
}

function isConstant(values: readonly number[]): boolean {
  return values.every((value) => value === values[0]);
}

function clusterIndices(rows: readonly DriverRow[]): { clusterOf: number[]; clusters: number } {
  const index = new Map<string, number>();
  let clusters = 0;
  const clusterOf = rows.map((row) => {
    if (row.clusterKey === undefined) return clusters++;
    const known = index.get(row.clusterKey);
    if (known !== undefined) return known;
    index.set(row.clusterKey, clusters);
    return clusters++;
  });
  return { clusterOf, clusters };
}

/**
 * Listwise deletion (a row counts only if the outcome and every requested item are finite
 * numbers), then removal of items that do not vary. Each step leaves a coded warning with counts.
 */
export function prepareDriverData(rows: readonly DriverRow[], requestedItems?: readonly string[]): PreparedDriverData {
  const items = requestedItems === undefined ? itemsInOrder(rows) : [...requestedItems];
  const complete = rows.filter(
    (row) => Number.isFinite(row.outcome) && items.every((item) => Number.isFinite(row.items[item])),
  );
  const warnings: KeyDriverWarning[] = [];
  if (complete.length < rows.length) {
    warnings.push({ code: 'incomplete_rows', detail: { dropped: rows.length - complete.length, kept: complete.length } });
  }
  const columns = items.map((item) => complete.map((row) => row.items[item] ?? Number.NaN));
  const usable: string[] = [];
  const excludedItems: string[] = [];
  const values: number[][] = [];
  items.forEach((item, j) => {
    const column = columns[j] ?? [];
    if (complete.length > 0 && isConstant(column)) {
      excludedItems.push(item);
      warnings.push({ code: 'constant_item', detail: { item } });
    } else {
      usable.push(item);
      values.push(column);
    }
  });
  const { clusterOf, clusters } = clusterIndices(complete);
  return { items: usable, excludedItems, outcomes: complete.map((row) => row.outcome), values, clusterOf, clusters, warnings };
}
