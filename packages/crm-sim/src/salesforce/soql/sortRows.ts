import type { FieldValue } from '../storedRecord';

export interface SortKey<TRow> {
  readonly get: (row: TRow) => FieldValue;
  readonly descending: boolean;
  /** SOQL sorts nulls first unless the query says NULLS LAST, whatever the direction. */
  readonly nullsLast: boolean;
}

type Key = string | number | boolean | null;

function normalise(value: FieldValue): Key {
  // Sorting is case-insensitive (SOQL ORDER BY).
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function compareKeys(a: Key, b: Key, key: Pick<SortKey<never>, 'descending' | 'nullsLast'>): number {
  if (a === b) return 0;
  if (a === null) return key.nullsLast ? 1 : -1;
  if (b === null) return key.nullsLast ? -1 : 1;
  const order = a < b ? -1 : a > b ? 1 : 0;
  return key.descending ? -order : order;
}

/** Stable sort by the keys, each value read once per row. */
export function sortRows<TRow>(rows: readonly TRow[], keys: readonly SortKey<TRow>[]): TRow[] {
  if (keys.length === 0) return [...rows];
  const decorated = rows.map((row) => ({ row, values: keys.map((key) => normalise(key.get(row))) }));
  decorated.sort((left, right) => {
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i];
      if (key === undefined) continue;
      const order = compareKeys(left.values[i] ?? null, right.values[i] ?? null, key);
      if (order !== 0) return order;
    }
    return 0;
  });
  return decorated.map((entry) => entry.row);
}
