import type { Dimension } from './dimensions';
import type { FactTable } from './factTable';

export interface RowGroups {
  /** Group index of each row, −1 for rows left out. */
  readonly groupOf: Int32Array;
  /** The dimension values of each group, in `groupBy` order of appearance. */
  readonly keys: ReadonlyArray<Readonly<Partial<Record<Dimension, string>>>>;
}

/**
 * Assigns every row that passes `include` to its group on `groupBy`. Rows whose group key has a
 * missing value are grouped under the missing value (shown as absent), not dropped.
 */
export function groupRows(table: FactTable, groupBy: readonly Dimension[], include: (row: number) => boolean): RowGroups {
  const columns = groupBy.map((dimension) => {
    const column = table.categorical[dimension];
    if (column === undefined) throw new Error(`this fact table has no dimension ${dimension}`);
    return column;
  });
  const groupOf = new Int32Array(table.length).fill(-1);
  const index = new Map<number | string, number>();
  const keys: Array<Partial<Record<Dimension, string>>> = [];
  const radices = columns.map((column) => column.dictionary.length + 1);
  const numericKeys = radices.reduce((product, radix) => product * radix, 1) < Number.MAX_SAFE_INTEGER;
  for (let row = 0; row < table.length; row += 1) {
    if (!include(row)) continue;
    let key: number | string = numericKeys ? 0 : '';
    for (let c = 0; c < columns.length; c += 1) {
      const code = (columns[c]?.codes[row] ?? -1) + 1;
      key = typeof key === 'number' ? key * (radices[c] ?? 1) + code : `${key}|${code}`;
    }
    let group = index.get(key);
    if (group === undefined) {
      group = keys.length;
      index.set(key, group);
      const groupKeys: Partial<Record<Dimension, string>> = {};
      groupBy.forEach((dimension, c) => {
        const column = columns[c];
        const code = column?.codes[row] ?? -1;
        const value = code < 0 ? undefined : column?.dictionary[code];
        if (value !== undefined) groupKeys[dimension] = value;
      });
      keys.push(groupKeys);
    }
    groupOf[row] = group;
  }
  return { groupOf, keys };
}
