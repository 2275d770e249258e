import type { CanonicalDataset } from '@kizuna/model';

/** Shown for a group whose key is missing (feedback without a journey stage, an unknown account …). */
export const NO_VALUE = '(none)';

/** Names for the ids of the dimensions whose entities have names. */
export interface Labels {
  /** The name for a dimension's value, or the value itself when it has no name in the data. */
  label(dimension: string, value: string | undefined): string;
  /** Whether the data has a name for this value (so JSON output can carry it beside the id). */
  hasName(dimension: string, value: string): boolean;
}

type Named = ReadonlyArray<{ readonly id: string; readonly name: string }>;

function namesOf(records: Named): ReadonlyMap<string, string> {
  return new Map(records.map((record) => [record.id, record.name]));
}

export function labelsOf(dataset: CanonicalDataset): Labels {
  const byDimension = new Map<string, ReadonlyMap<string, string>>([
    ['businessUnitId', namesOf(dataset.businessUnits)],
    ['productLineId', namesOf(dataset.productLines)],
    ['segmentId', namesOf(dataset.segments)],
    ['teamId', namesOf(dataset.teams)],
    ['accountId', namesOf(dataset.accounts)],
  ]);
  return {
    label: (dimension, value) => (value === undefined ? NO_VALUE : (byDimension.get(dimension)?.get(value) ?? value)),
    hasName: (dimension, value) => byDimension.get(dimension)?.has(value) ?? false,
  };
}
