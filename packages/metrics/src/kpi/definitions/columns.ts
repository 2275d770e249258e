import type { FactTable } from '../factTable';

/** A predicate "categorical column equals one of these values" for the direct evaluations. */
export function isOneOf(table: FactTable, field: string, values: readonly string[]): (row: number) => boolean {
  const column = table.categorical[field];
  if (column === undefined) throw new Error(`no categorical field ${field}`);
  const wanted = new Set(values.map((value) => column.dictionary.indexOf(value)).filter((code) => code >= 0));
  return (row) => wanted.has(column.codes[row] ?? -1);
}

/** A numeric column (NaN = missing). */
export function numbers(table: FactTable, field: string): Float64Array {
  const values = table.numeric[field];
  if (values === undefined) throw new Error(`no numeric field ${field}`);
  return values;
}

export const everyRow = () => () => true;

export const allDimensions = [
  'businessUnitId',
  'productLineId',
  'segmentId',
  'teamId',
  'accountId',
  'journeyStage',
  'channel',
  'period',
] as const;
export const accountDimensions = ['businessUnitId', 'productLineId', 'segmentId', 'teamId', 'accountId'] as const;
